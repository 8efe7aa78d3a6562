package org.opentermin.core.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.opentermin.core.fairness.FairnessFixtures.OFFICE_ID;
import static org.opentermin.core.fairness.FairnessFixtures.OTHER_SECRET;
import static org.opentermin.core.fairness.FairnessFixtures.SECRET;

import com.google.common.collect.ImmutableList;
import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class LotteryTest {

  record Entry(String id, Set<String> keys) {}

  private static final LocalDate DAY = LocalDate.of(2027, 6, 14);
  private static final String SEED = Lottery.seed(SECRET, OFFICE_ID, DAY, 0);

  @Test
  void seedIsTheSameInEveryInstanceAndDiffersByWaveDayAndSecret() {
    assertThat(Lottery.seed(FairnessSecret.of(SECRET.toUuid()), OFFICE_ID, DAY, 0)).isEqualTo(SEED);
    assertThat(Lottery.seed(SECRET, OFFICE_ID, DAY, 1)).isNotEqualTo(SEED);
    assertThat(Lottery.seed(SECRET, OFFICE_ID, DAY.plusDays(1), 0)).isNotEqualTo(SEED);
    assertThat(Lottery.seed(OTHER_SECRET, OFFICE_ID, DAY, 0)).isNotEqualTo(SEED);
    assertThat(SEED).isEqualTo(SECRET.keyedDigest("lottery", "sbh-mitte|2027-06-14|0"));
  }

  @Test
  void commitmentIsTheSha256OfTheSeed() {
    assertThat(Lottery.commitment(SEED))
        .isEqualTo(Hashing.sha256().hashString(SEED, StandardCharsets.UTF_8).toString())
        .matches("[0-9a-f]{64}")
        .isNotEqualTo(Lottery.commitment(Lottery.seed(SECRET, OFFICE_ID, DAY, 1)));
  }

  @Test
  void drawOrderCanBeRecomputedByAnyoneFromTheSeedAndTheIds() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      ids.add("entry-" + i);
    }
    List<String> expected = new ArrayList<>(ids);
    expected.sort((a, b) -> sha256(SEED + "|" + a).compareTo(sha256(SEED + "|" + b)));

    assertThat(Lottery.drawOrder(SEED, ids, Function.identity()))
        .containsExactlyElementsOf(expected);
  }

  @Test
  void drawOrderDoesNotDependOnInputOrder() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      ids.add("entry-" + i);
    }
    ImmutableList<String> order = Lottery.drawOrder(SEED, ids, Function.identity());
    Random shuffler = new Random(5);
    for (int round = 0; round < 5; round++) {
      Collections.shuffle(ids, shuffler);
      assertThat(Lottery.drawOrder(SEED, ids, Function.identity())).isEqualTo(order);
    }
    assertThat(order)
        .isNotEqualTo(
            Lottery.drawOrder(Lottery.seed(SECRET, OFFICE_ID, DAY, 1), ids, Function.identity()));
  }

  @Test
  void oneWinPerIdentity() {
    Entry first = new Entry("1", Set.of("mail-a", "phone-a"));
    Entry sameMail = new Entry("2", Set.of("mail-a"));
    Entry samePhone = new Entry("3", Set.of("mail-b", "phone-a"));
    Entry other = new Entry("4", Set.of("mail-c"));
    Entry anonymous = new Entry("5", Set.of());

    assertThat(
            Lottery.winners(List.of(first, sameMail, samePhone, other, anonymous), Entry::keys, 10))
        .containsExactly(first, other, anonymous);
    assertThat(
            Lottery.winners(List.of(first, sameMail, samePhone, other, anonymous), Entry::keys, 1))
        .containsExactly(first);
    assertThat(Lottery.winners(List.of(first, other), Entry::keys, 0)).isEmpty();
  }

  @Test
  void repeatedEntryIdsAreRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Lottery.drawOrder(SEED, List.of("a", "b", "a"), Function.identity()))
        .withMessageContaining("unique");
  }

  @Test
  void entriesOpenTheEntryWindowBeforeTheWave() {
    Instant opens = Instant.parse("2027-05-31T06:00:00Z");

    assertThat(AccessPolicy.RECOMMENDED_LOTTERY.entriesOpenAt(opens))
        .isEqualTo(opens.minus(Duration.ofHours(48)));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new LotteryPolicy(Duration.ofMinutes(59)))
        .withMessageContaining("1 hour to 14 days");
  }

  private static String sha256(String text) {
    return Hashing.sha256().hashString(text, StandardCharsets.UTF_8).toString();
  }
}
