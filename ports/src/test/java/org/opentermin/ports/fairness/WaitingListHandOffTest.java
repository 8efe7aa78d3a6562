package org.opentermin.ports.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opentermin.ports.contract.ContractFixtures.BASIC_INCOME;
import static org.opentermin.ports.contract.ContractFixtures.MONDAY_DATE;
import static org.opentermin.ports.contract.ContractFixtures.NOW;
import static org.opentermin.ports.contract.ContractFixtures.OFFICE;

import com.google.common.collect.ImmutableList;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opentermin.core.booking.Actor;
import org.opentermin.core.booking.BookedService;
import org.opentermin.core.booking.Citizen;
import org.opentermin.core.fairness.AccessPolicy;
import org.opentermin.core.fairness.WaitingListPolicy;
import org.opentermin.ports.contract.ContractFixtures;
import org.opentermin.ports.in.JoinWaitingList;
import org.opentermin.ports.memory.InMemoryAuditLog;
import org.opentermin.ports.memory.InMemoryBookingStore;
import org.opentermin.ports.memory.InMemoryCatalogStore;
import org.opentermin.ports.memory.InMemoryWaitingListStore;
import org.opentermin.ports.out.RandomSource;

class WaitingListHandOffTest {

  private static final Citizen LOSER =
      new Citizen("Lena Los", Optional.of("lena@example.org"), Optional.empty());

  private final InMemoryCatalogStore catalog = new InMemoryCatalogStore(RandomSource.seeded(1));
  private final InMemoryWaitingListStore store =
      new InMemoryWaitingListStore(new InMemoryBookingStore());

  private WaitingListService waitingList() {
    ContractFixtures.fill(catalog);
    return new WaitingListService(
        catalog,
        store,
        new InMemoryAuditLog(),
        Clock.fixed(NOW, ZoneOffset.UTC),
        RandomSource.seeded(2));
  }

  private static LostEntryHandOff.Loser loser() {
    return new LostEntryHandOff.Loser(
        OFFICE,
        ImmutableList.of(new BookedService(BASIC_INCOME.id(), 1)),
        MONDAY_DATE,
        LOSER,
        "entry-1");
  }

  @Test
  void aLoserWaitsForTwoWeeksFromTheDayTheyAskedFor() {
    WaitingListService waitingList = waitingList();
    catalog.saveAccessPolicy(
        OFFICE,
        Optional.empty(),
        Optional.of(
            AccessPolicy.none().withWaitingList(new WaitingListPolicy(Duration.ofHours(12)))));

    new WaitingListHandOff(waitingList).add(loser());

    ImmutableList<JoinWaitingList.StaffEntryView> open =
        waitingList.openEntries(OFFICE, Actor.staff("s-1"));
    assertThat(open).hasSize(1);
    assertThat(open.get(0).entry().dates().start()).isEqualTo(MONDAY_DATE);
    assertThat(open.get(0).entry().dates().last()).isEqualTo(MONDAY_DATE.plusDays(13));
  }

  @Test
  void anOfficeWithoutAWaitingListLeavesTheLoserWhereTheyAre() {
    WaitingListService waitingList = waitingList();

    new WaitingListHandOff(waitingList).add(loser());

    assertThat(waitingList.openEntries(OFFICE, Actor.staff("s-1"))).isEmpty();
  }
}
