package org.opentermin.core.fairness;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The order in which a waiting list is served: first come, first served; entries registered at the
 * same instant in an order that is fixed by the office's secret, so neither input order nor a
 * client's choice of id decides. Stateless and thread-safe.
 */
public final class WaitingOrder {

  private WaitingOrder() {}

  /**
   * {@code entries} by {@code registeredAt}, equal instants by {@code secret.hash("waiting", id)},
   * then by id. Entry ids must be unique.
   */
  public static <T> ImmutableList<T> order(
      FairnessSecret secret,
      Collection<T> entries,
      Function<T, Instant> registeredAt,
      Function<T, String> id) {
    checkNotNull(secret, "secret");
    checkNotNull(entries, "entries");
    checkNotNull(registeredAt, "registeredAt");
    checkNotNull(id, "id");
    record Place<T>(T entry, Instant registeredAt, long tieBreak, String id) {}
    List<Place<T>> places = new ArrayList<>(entries.size());
    Set<String> ids = new HashSet<>();
    for (T entry : entries) {
      checkNotNull(entry, "entries must not contain null");
      String entryId = checkNotNull(id.apply(entry), "entry id");
      checkArgument(ids.add(entryId), "entry ids must be unique; repeated: %s", entryId);
      Instant at = checkNotNull(registeredAt.apply(entry), "registeredAt");
      places.add(new Place<>(entry, at, secret.hash("waiting", entryId), entryId));
    }
    places.sort(
        Comparator.comparing((Place<T> place) -> place.registeredAt())
            .thenComparingLong(Place::tieBreak)
            .thenComparing(Place::id));
    return places.stream().map(Place::entry).collect(ImmutableList.toImmutableList());
  }
}
