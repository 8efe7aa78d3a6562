package org.opentermin.core.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.opentermin.core.fairness.FairnessFixtures.OTHER_SECRET;
import static org.opentermin.core.fairness.FairnessFixtures.SECRET;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WaitingOrderTest {

  record Entry(String id, Instant registeredAt) {}

  private static final Instant NINE = Instant.parse("2027-06-01T07:00:00Z");

  @Test
  void firstRegisteredIsServedFirst() {
    Entry early = new Entry("z", NINE);
    Entry middle = new Entry("a", NINE.plusSeconds(1));
    Entry late = new Entry("m", NINE.plusSeconds(60));

    assertThat(
            WaitingOrder.order(
                SECRET, List.of(late, early, middle), Entry::registeredAt, Entry::id))
        .containsExactly(early, middle, late);
  }

  @Test
  void simultaneousRegistrationsAreOrderedByKeyedHashWhateverTheInputOrder() {
    List<Entry> simultaneous = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      simultaneous.add(new Entry("entry-" + i, NINE));
    }
    List<Entry> order = WaitingOrder.order(SECRET, simultaneous, Entry::registeredAt, Entry::id);

    Random shuffler = new Random(11);
    for (int round = 0; round < 5; round++) {
      Collections.shuffle(simultaneous, shuffler);
      assertThat(WaitingOrder.order(SECRET, simultaneous, Entry::registeredAt, Entry::id))
          .isEqualTo(order);
    }
    assertThat(order)
        .isNotEqualTo(simultaneous.stream().sorted((a, b) -> a.id().compareTo(b.id())).toList());
    assertThat(order)
        .isNotEqualTo(
            WaitingOrder.order(OTHER_SECRET, simultaneous, Entry::registeredAt, Entry::id));
    for (int i = 1; i < order.size(); i++) {
      assertThat(SECRET.hash("waiting", order.get(i - 1).id()))
          .isLessThanOrEqualTo(SECRET.hash("waiting", order.get(i).id()));
    }
  }

  @Test
  void repeatedIdsAreRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                WaitingOrder.order(
                    SECRET,
                    List.of(new Entry("a", NINE), new Entry("a", NINE.plusSeconds(1))),
                    Entry::registeredAt,
                    Entry::id))
        .withMessageContaining("unique");
  }

  @Test
  void offerLapsesAfterItsExpiry() {
    assertThat(AccessPolicy.RECOMMENDED_WAITING_LIST.offerExpiresAt(NINE))
        .isEqualTo(NINE.plus(Duration.ofHours(12)));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new WaitingListPolicy(Duration.ofMinutes(4)))
        .withMessageContaining("5 minutes to 7 days");
  }
}
