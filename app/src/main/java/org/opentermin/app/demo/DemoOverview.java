package org.opentermin.app.demo;

import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.opentermin.core.availability.AppointmentRequest;
import org.opentermin.core.availability.Availability;
import org.opentermin.core.availability.Occupancy;
import org.opentermin.core.availability.OfficeSchedule;
import org.opentermin.core.availability.Slot;
import org.opentermin.core.availability.SlotFinder;
import org.opentermin.core.catalog.Channel;
import org.opentermin.core.catalog.Service;
import org.opentermin.core.time.DateRange;

/**
 * Prints, for every demo office and service, the first free appointment and how many free starts
 * the next two weeks hold: a quick look at what the scheduling core computes.
 */
public final class DemoOverview {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("EEE dd.MM.yyyy HH:mm", Locale.GERMANY);

  private DemoOverview() {}

  public static void print(DemoData demo, Instant now, PrintStream out) {
    for (OfficeSchedule schedule : demo.offices()) {
      SlotFinder finder = SlotFinder.of(schedule);
      LocalDate today = LocalDate.ofInstant(now, schedule.office().zone());
      DateRange twoWeeks = DateRange.closed(today, today.plusDays(13));
      out.printf("%s (%d caseworkers)%n", schedule.office().name(), schedule.resources().size());
      for (Service service : demo.services()) {
        AppointmentRequest request = AppointmentRequest.of(schedule.office(), Channel.ONLINE, service);
        Optional<Slot> first = finder.firstFreeSlot(request, now, Occupancy.empty(), now);
        Availability next = finder.findSlots(request, twoWeeks, Occupancy.empty(), now);
        out.printf(
            "  %-62s first free: %-22s free starts in 14 days: %d%n",
            service.name(),
            first.map(slot -> WHEN.format(slot.start().atZone(schedule.office().zone()))).orElse("none"),
            next.slots().size());
      }
    }
  }
}
