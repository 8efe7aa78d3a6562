package org.opentermin.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.opentermin.core.availability.Availability;
import org.opentermin.core.availability.Occupancy;
import org.opentermin.core.availability.SlotFinder;
import org.opentermin.core.time.DateRange;

/** The benchmark measures the workload the issue describes, not an empty office. */
class SyntheticOfficeTest {

  @Test
  void standardWorkloadHasTheDescribedShape() {
    SyntheticOffice office = SyntheticOffice.standard();

    assertThat(office.schedule().resources()).hasSize(40);
    assertThat(office.bookings()).hasSize(8_000);
    assertThat(office.twoServiceRequest().services()).hasSize(2);
    assertThat(office.schedule().office().slotMinutes()).isEqualTo(10);
  }

  @Test
  void standardWorkloadOffersManyButNotAllStarts() {
    SyntheticOffice office = SyntheticOffice.standard();
    SlotFinder finder = SlotFinder.of(office.schedule());
    DateRange horizon = new DateRange(office.firstDay(), office.firstDay().plusDays(office.days()));

    Availability free =
        finder.findSlots(
            office.twoServiceRequest(), horizon, Occupancy.of(office.bookings()), office.now());
    Availability unbooked =
        finder.findSlots(office.twoServiceRequest(), horizon, Occupancy.empty(), office.now());

    assertThat(free.days()).hasSizeGreaterThan(30);
    assertThat(free.slots().size()).isLessThan(unbooked.slots().size());
    int capacityBooked = free.slots().stream().mapToInt(slot -> slot.capacity()).sum();
    int capacityEmpty = unbooked.slots().stream().mapToInt(slot -> slot.capacity()).sum();
    assertThat(capacityBooked).isLessThan(capacityEmpty);
  }

  @Test
  void sameSeedBuildsTheSameOffice() {
    assertThat(SyntheticOffice.build(10, 15, 7)).isEqualTo(SyntheticOffice.build(10, 15, 7));
  }
}
