package org.opentermin.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.opentermin.core.availability.AppointmentRequest;
import org.opentermin.core.availability.Occupancy;
import org.opentermin.core.availability.OfficeSchedule;
import org.opentermin.core.availability.SlotFinder;
import org.opentermin.core.catalog.AppointmentMode;
import org.opentermin.core.catalog.Channel;
import org.opentermin.core.catalog.Service;
import org.opentermin.core.time.DateRange;
import org.opentermin.ports.booking.BookingServices;
import org.opentermin.ports.memory.InMemoryBookingStore;
import org.opentermin.ports.memory.InMemoryCatalogStore;
import org.opentermin.ports.memory.InMemoryHoldRates;
import org.opentermin.ports.memory.InMemorySpentChallenges;
import org.opentermin.ports.out.RandomSource;

class DemoDataTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
  private static final Instant NOW =
      TODAY.atTime(7, 0).atZone(ZoneId.of("Europe/Berlin")).toInstant();
  private final DemoData demo = DemoData.around(TODAY);

  @Test
  void threeOfficesEightServicesAboutTwentyCaseworkers() {
    assertThat(demo.offices()).hasSize(3);
    assertThat(demo.services()).hasSize(8);
    assertThat(demo.services()).filteredOn(Service::sensitive).isNotEmpty();
    assertThat(demo.offices().stream().mapToInt(office -> office.resources().size()).sum())
        .isEqualTo(20);
    assertThat(demo.offices())
        .allSatisfy(
            office -> assertThat(office.office().zone()).isEqualTo(ZoneId.of("Europe/Berlin")));
  }

  @Test
  void everyServiceIsBookableInEveryOfficeWithinTwoWeeks() {
    for (OfficeSchedule office : demo.offices()) {
      SlotFinder finder = SlotFinder.of(office);
      for (Service service : demo.services()) {
        AppointmentRequest request =
            AppointmentRequest.of(office.office(), Channel.ONLINE, service);
        assertThat(
                finder
                    .findSlots(
                        request,
                        DateRange.closed(TODAY, TODAY.plusDays(13)),
                        Occupancy.empty(),
                        NOW)
                    .slots())
            .as("%s at %s", service.id(), office.office().id())
            .isNotEmpty();
      }
    }
  }

  @Test
  void oneServiceIsAlsoOfferedByPhoneAndByVideo() {
    assertThat(demo.services())
        .filteredOn(
            service ->
                service.allows(AppointmentMode.PHONE) && service.allows(AppointmentMode.VIDEO))
        .extracting(service -> service.id().value())
        .containsExactly("wohngeld");
  }

  @Test
  void everyModeOfEveryServiceIsBookableInEveryOfficeWithinTwoWeeks() {
    for (OfficeSchedule office : demo.offices()) {
      SlotFinder finder = SlotFinder.of(office);
      for (Service service : demo.services()) {
        for (AppointmentMode mode : service.modes().keySet()) {
          AppointmentRequest request =
              AppointmentRequest.of(
                  office.office(),
                  Channel.ONLINE,
                  mode,
                  java.util.List.of(
                      org.opentermin.core.availability.RequestedService.of(service, 1)));
          assertThat(
                  finder
                      .findSlots(
                          request,
                          DateRange.closed(TODAY, TODAY.plusDays(13)),
                          Occupancy.empty(),
                          NOW)
                      .slots())
              .as("%s %s at %s", service.id(), mode, office.office().id())
              .isNotEmpty();
        }
      }
    }
  }

  @Test
  void sameDayGivesTheSameData() {
    assertThat(DemoData.around(TODAY)).isEqualTo(demo);
  }

  @Test
  void savedDemoDataReadsBackAsTheSameSchedules() {
    InMemoryCatalogStore catalog = new InMemoryCatalogStore();

    demo.saveTo(catalog);

    assertThat(catalog.services()).containsExactlyInAnyOrderElementsOf(demo.services());
    for (OfficeSchedule office : demo.offices()) {
      assertThat(catalog.schedule(office.office().id()).orElseThrow().resources())
          .containsExactlyInAnyOrderElementsOf(office.resources());
    }
  }

  @Test
  void overviewNamesEveryOfficeAndItsFirstFreeTimes() {
    InMemoryCatalogStore catalog = new InMemoryCatalogStore();
    demo.saveTo(catalog);
    InMemoryBookingStore bookings = new InMemoryBookingStore();
    BookingServices service =
        BookingServices.of(
            catalog,
            bookings,
            bookings.auditLog(),
            Clock.fixed(NOW, ZoneId.of("UTC")),
            RandomSource.seeded(1),
            new InMemorySpentChallenges(),
            new InMemoryHoldRates());
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    DemoOverview.print(
        catalog.offices(),
        catalog.services(),
        TODAY,
        service,
        new PrintStream(buffer, true, StandardCharsets.UTF_8));

    String overview = buffer.toString(StandardCharsets.UTF_8);
    assertThat(overview)
        .contains("Sozialbürgerhaus Nord", "Sozialbürgerhaus Mitte", "Sozialbürgerhaus Süd");
    // 1 December 2026 is a Tuesday; 07:00 plus two hours' notice makes 09:00 the earliest start.
    assertThat(overview)
        .contains("Di. 01.12.2026 09:00")
        .doesNotContain("first free: none")
        .doesNotContain("not offered");
  }
}
