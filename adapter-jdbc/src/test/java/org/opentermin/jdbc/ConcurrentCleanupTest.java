package org.opentermin.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opentermin.ports.contract.ContractFixtures.ANNA;
import static org.opentermin.ports.contract.ContractFixtures.BASIC_INCOME;
import static org.opentermin.ports.contract.ContractFixtures.BEN;
import static org.opentermin.ports.contract.ContractFixtures.MONDAY_DATE;
import static org.opentermin.ports.contract.ContractFixtures.NOW;
import static org.opentermin.ports.contract.ContractFixtures.OFFICE;
import static org.opentermin.ports.contract.ContractFixtures.at;

import com.google.common.collect.ImmutableList;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.opentermin.core.booking.Appointment;
import org.opentermin.core.booking.AppointmentId;
import org.opentermin.core.booking.BookedService;
import org.opentermin.core.booking.Hold;
import org.opentermin.core.catalog.Channel;
import org.opentermin.core.catalog.ResourceId;
import org.opentermin.ports.booking.ExpiredHoldCleanup;
import org.opentermin.ports.contract.ContractFixtures;
import org.opentermin.ports.out.BookingStore.HoldInsertion;
import org.opentermin.ports.out.HoldClaim;

/** The hold clean-up may run in every app instance at once: each expired hold is deleted once. */
class ConcurrentCleanupTest {

  @Test
  void instancesCleaningUpAtOnceDeleteEveryExpiredHoldExactlyOnce() throws Exception {
    DatabaseSettings database = TestDatabase.freshDatabase();
    try (JdbcAdapter first = JdbcAdapter.connect(database);
        JdbcAdapter second = JdbcAdapter.connect(database)) {
      ContractFixtures.fill(first.catalog());
      int holds = 0;
      for (ResourceId resource : List.of(ANNA, BEN)) {
        for (int day = 0; day < 5; day++) {
          for (int slot = 0; slot < 24; slot++) {
            Instant start =
                at(MONDAY_DATE.plusDays(day), 8, 0).plus(Duration.ofMinutes(10L * slot));
            Hold hold =
                Appointment.hold(
                    new AppointmentId(OFFICE, UUID.randomUUID()),
                    resource,
                    start,
                    start.plus(Duration.ofMinutes(10)),
                    List.of(new BookedService(BASIC_INCOME.id(), 1)),
                    Channel.ONLINE,
                    NOW.plus(Duration.ofMinutes(10)));
            HoldClaim claim =
                new HoldClaim(
                    hold.id(),
                    ImmutableList.of(resource),
                    hold.start(),
                    hold.end(),
                    hold.services(),
                    hold.channel(),
                    hold.expiresAt());
            assertThat(first.bookings().placeHold(claim, Optional.empty(), NOW).outcome())
                .isEqualTo(HoldInsertion.INSERTED);
            holds++;
          }
        }
      }
      Clock afterExpiry = Clock.fixed(NOW.plus(Duration.ofMinutes(10)), ZoneOffset.UTC);
      List<Callable<Integer>> cleanups =
          List.of(
              () ->
                  new ExpiredHoldCleanup(first.catalog(), first.bookings(), afterExpiry, 10).run(),
              () ->
                  new ExpiredHoldCleanup(second.catalog(), second.bookings(), afterExpiry, 10)
                      .run(),
              () ->
                  new ExpiredHoldCleanup(first.catalog(), first.bookings(), afterExpiry, 10).run(),
              () ->
                  new ExpiredHoldCleanup(second.catalog(), second.bookings(), afterExpiry, 10)
                      .run());

      ExecutorService pool = Executors.newFixedThreadPool(cleanups.size());
      int deleted = 0;
      try {
        for (Future<Integer> result : pool.invokeAll(cleanups)) {
          deleted += result.get();
        }
      } finally {
        pool.shutdownNow();
      }

      assertThat(deleted).isEqualTo(holds);
      assertThat(
              first
                  .bookings()
                  .busyPeriods(OFFICE, at(MONDAY_DATE, 0, 0), at(MONDAY_DATE.plusDays(7), 0, 0)))
          .isEmpty();
    }
  }
}
