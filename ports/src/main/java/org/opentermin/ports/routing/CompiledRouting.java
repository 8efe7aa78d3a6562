package org.opentermin.ports.routing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.routing.AddressRule;
import org.opentermin.core.routing.NamePrefixes;
import org.opentermin.core.routing.ResponsibilityRules;
import org.opentermin.core.routing.TeamRule;
import org.opentermin.ports.out.RoutingStore;
import org.opentermin.ports.out.RoutingStore.RoutingTables;

/**
 * The stored responsibility rules, compiled once per store version. Whether the version changed is
 * checked at most every {@code recheckAfter}, so an import reaches every app instance within that
 * time and most lookups save the round trip. Thread-safe.
 */
final class CompiledRouting {

  /** The stored rules and when their version was last confirmed. */
  record Compiled(
      long version, Instant checkedAt, RoutingTables tables, ResponsibilityRules rules) {}

  private final RoutingStore store;
  private final Clock clock;
  private final Duration recheckAfter;
  private volatile Compiled compiled;

  CompiledRouting(RoutingStore store, Clock clock, Duration recheckAfter) {
    this.store = store;
    this.clock = clock;
    this.recheckAfter = recheckAfter;
  }

  Compiled current() {
    Instant now = clock.instant();
    Compiled cached = compiled;
    if (cached != null
        && !now.isBefore(cached.checkedAt())
        && now.isBefore(cached.checkedAt().plus(recheckAfter))) {
      return cached;
    }
    long version = store.version();
    if (cached != null && cached.version() == version) {
      Compiled confirmed = new Compiled(version, now, cached.tables(), cached.rules());
      compiled = confirmed;
      return confirmed;
    }
    // Read after the version, so that what is read is at least that new.
    RoutingTables tables = store.tables();
    Compiled fresh =
        new Compiled(
            version, now, tables, rulesOf(tables.addressRules(), tables.teamRules(), tables));
    compiled = fresh;
    return fresh;
  }

  /** The rules of {@code tables} with these address and team rules, e.g. proposed ones to check. */
  static ResponsibilityRules rulesOf(
      List<AddressRule> addressRules, List<TeamRule> teamRules, RoutingTables tables) {
    Map<OfficeId, NamePrefixes> prefixes = new HashMap<>();
    tables.offices().forEach((office, routing) -> prefixes.put(office, routing.namePrefixes()));
    return new ResponsibilityRules(addressRules, teamRules, prefixes);
  }
}
