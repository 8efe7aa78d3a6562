package org.opentermin.core.fairness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The lottery's guarantees for any entries: reproducible, one win per identity, places filled. */
class LotteryProperties {

  record Entry(String id, List<String> keys) {}

  @Provide
  Arbitrary<List<Entry>> entries() {
    Arbitrary<String> key = Arbitraries.integers().between(0, 20).map(i -> "key-" + i);
    return key.list()
        .ofMinSize(0)
        .ofMaxSize(3)
        .list()
        .ofMaxSize(40)
        .map(
            keyLists -> {
              List<Entry> entries = new ArrayList<>();
              for (int i = 0; i < keyLists.size(); i++) {
                entries.add(new Entry("e" + i, keyLists.get(i)));
              }
              return entries;
            });
  }

  @Property(tries = 300)
  void winnersNeverShareAnIdentity(
      @ForAll("entries") List<Entry> entries,
      @ForAll @IntRange(min = 0, max = 50) int places,
      @ForAll long secret) {
    String seed =
        Lottery.seed(
            new FairnessSecret(secret, ~secret),
            FairnessFixtures.OFFICE_ID,
            LocalDate.of(2027, 6, 1),
            0);
    List<Entry> order = Lottery.drawOrder(seed, entries, Entry::id);
    List<Entry> winners = Lottery.winners(order, Entry::keys, places);

    Set<String> seen = new HashSet<>();
    for (Entry winner : winners) {
      for (String key : new LinkedHashSet<>(winner.keys())) {
        assertThat(seen.add(key)).as("key %s won twice", key).isTrue();
      }
    }
    assertThat(winners.size()).isLessThanOrEqualTo(places);
    assertThat(order).containsAll(winners);
  }

  @Property(tries = 300)
  void everyPlaceIsFilledWhileDistinctIdentitiesRemain(
      @ForAll("entries") List<Entry> entries, @ForAll @IntRange(min = 0, max = 50) int places) {
    List<Entry> singleKeyed = entries.stream().filter(entry -> entry.keys().size() == 1).toList();
    List<Entry> order = Lottery.drawOrder("seed", singleKeyed, Entry::id);
    long distinct = order.stream().map(entry -> entry.keys().get(0)).distinct().count();

    assertThat(Lottery.winners(order, Entry::keys, places))
        .hasSize((int) Math.min(places, distinct));
  }

  @Property(tries = 300)
  void drawOrderIgnoresInputOrder(
      @ForAll("entries") List<Entry> entries, @ForAll long shuffleSeed) {
    List<Entry> shuffled = new ArrayList<>(entries);
    Collections.shuffle(shuffled, new Random(shuffleSeed));

    assertThat(Lottery.drawOrder("seed", shuffled, Entry::id))
        .isEqualTo(Lottery.drawOrder("seed", entries, Entry::id));
  }
}
