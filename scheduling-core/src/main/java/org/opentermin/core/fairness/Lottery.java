package org.opentermin.core.fairness;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.opentermin.core.catalog.OfficeId;

/**
 * The draw of a release wave's lottery, verifiable by anyone: the seed's SHA-256 is published when
 * entries open ({@link #commitment}), the seed after the draw; the order then follows from the seed
 * and the entry ids alone. Stateless and thread-safe.
 */
public final class Lottery {

  private Lottery() {}

  /**
   * The seed of the draw for wave {@code wave} of {@code day}, unknown to anyone without the
   * secret.
   */
  public static String seed(FairnessSecret secret, OfficeId office, LocalDate day, int wave) {
    checkNotNull(secret, "secret");
    checkNotNull(office, "office");
    checkNotNull(day, "day");
    checkArgument(wave >= 0, "wave must not be negative: %s", wave);
    return secret.keyedDigest("lottery", office + "|" + day + "|" + wave);
  }

  /**
   * The lower-case hex SHA-256 of {@code seed}, published before the draw so the seed cannot
   * change.
   */
  public static String commitment(String seed) {
    checkNotNull(seed, "seed");
    return sha256(seed);
  }

  /**
   * {@code entries} in draw order: by the hex SHA-256 of {@code seed + "|" + entryId}, ties by
   * entry id. Input order does not matter; entry ids must be unique.
   */
  public static <T> ImmutableList<T> drawOrder(
      String seed, Collection<T> entries, Function<T, String> entryId) {
    checkNotNull(seed, "seed");
    checkNotNull(entries, "entries");
    checkNotNull(entryId, "entryId");
    record Ticket<T>(T entry, String id, String rank) {}
    List<Ticket<T>> tickets = new ArrayList<>(entries.size());
    Set<String> ids = new HashSet<>();
    for (T entry : entries) {
      checkNotNull(entry, "entries must not contain null");
      String id = checkNotNull(entryId.apply(entry), "entry id");
      checkArgument(ids.add(id), "entry ids must be unique; repeated: %s", id);
      tickets.add(new Ticket<>(entry, id, sha256(seed + "|" + id)));
    }
    tickets.sort(
        Comparator.comparing((Ticket<T> ticket) -> ticket.rank()).thenComparing(Ticket::id));
    return tickets.stream().map(Ticket::entry).collect(ImmutableList.toImmutableList());
  }

  /**
   * The first {@code places} entries of {@code drawOrder} that share no identity key with an
   * earlier winner: one win per identity. An entry may have several keys (email and phone); one
   * without keys cannot be matched and wins on its own.
   */
  public static <T> ImmutableList<T> winners(
      List<T> drawOrder, Function<T, ? extends Collection<String>> identityKeys, int places) {
    checkNotNull(drawOrder, "drawOrder");
    checkNotNull(identityKeys, "identityKeys");
    checkArgument(places >= 0, "places must not be negative: %s", places);
    ImmutableList.Builder<T> winners = ImmutableList.builder();
    Set<String> won = new HashSet<>();
    int count = 0;
    for (T entry : drawOrder) {
      if (count == places) {
        break;
      }
      Collection<String> keys = checkNotNull(identityKeys.apply(entry), "identity keys");
      if (keys.stream().noneMatch(won::contains)) {
        won.addAll(keys);
        winners.add(entry);
        count++;
      }
    }
    return winners.build();
  }

  private static String sha256(String text) {
    return Hashing.sha256().hashString(text, StandardCharsets.UTF_8).toString();
  }
}
