package org.opentermin.benchmarks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.catalog.ResourceId;
import org.opentermin.core.routing.Address;
import org.opentermin.core.routing.AddressRule;
import org.opentermin.core.routing.NamePrefixes;
import org.opentermin.core.routing.Parity;
import org.opentermin.core.routing.ResponsibilityRules;
import org.opentermin.core.routing.Responsible;
import org.opentermin.core.routing.Routing;
import org.opentermin.core.routing.TeamRule;

/**
 * Routing one citizen in a large city: {@code postalCodes} postal codes, each with a rule for the
 * whole code and 20 streets split by house-number side among 30 offices, and at every office 26
 * surname ranges, one per letter; the citizen lives on a split street. Sample-time mode reports the
 * median (p0.50) per decision, address and surname folding included.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RoutingBenchmark {

  private static final int OFFICES = 30;
  private static final int STREETS_PER_POSTAL_CODE = 20;

  @Param({"200", "2000"})
  public int postalCodes;

  private ResponsibilityRules rules;
  private Address address;

  @Setup
  public void setUp() {
    List<AddressRule> addresses = new ArrayList<>();
    for (int code = 0; code < postalCodes; code++) {
      String postalCode = String.valueOf(10_000 + code);
      addresses.add(AddressRule.of(postalCode, postalCode, office(code)));
      for (int street = 0; street < STREETS_PER_POSTAL_CODE; street++) {
        String name = "Straße " + street;
        addresses.add(
            AddressRule.of(
                postalCode + " " + name + " odd",
                postalCode,
                name,
                1,
                999,
                Parity.ODD,
                office(code + street)));
        addresses.add(
            AddressRule.of(
                postalCode + " " + name + " even",
                postalCode,
                name,
                2,
                998,
                Parity.EVEN,
                office(code + street + 1)));
      }
    }
    List<TeamRule> teams = new ArrayList<>();
    for (int office = 0; office < OFFICES; office++) {
      for (char letter = 'A'; letter <= 'Z'; letter++) {
        teams.add(
            TeamRule.of(
                "line " + letter,
                office(office),
                letter + "–" + letter,
                Responsible.caseworker(ResourceId.of("cw-" + office + "-" + letter))));
      }
    }
    Map<OfficeId, NamePrefixes> prefixes = new HashMap<>();
    for (int office = 0; office < OFFICES; office++) {
      prefixes.put(office(office), NamePrefixes.COMMON);
    }
    rules = new ResponsibilityRules(addresses, teams, prefixes);
    address = Address.of(String.valueOf(10_000 + postalCodes / 2), "Straße 17", "42a");
  }

  private static OfficeId office(int number) {
    return OfficeId.of("office-" + Math.floorMod(number, OFFICES));
  }

  @Benchmark
  public Optional<Routing> routeACitizen() {
    return rules.route(address, "von der Müller-Lüdenscheidt", Optional.empty());
  }
}
