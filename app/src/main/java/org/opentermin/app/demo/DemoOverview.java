package org.opentermin.app.demo;

import com.google.common.collect.ImmutableList;
import java.io.PrintStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.opentermin.core.catalog.Channel;
import org.opentermin.core.catalog.Office;
import org.opentermin.core.catalog.Service;
import org.opentermin.core.time.DateRange;
import org.opentermin.ports.in.AvailabilityResult;
import org.opentermin.ports.in.FindAvailability;
import org.opentermin.ports.in.FirstSlotResult;
import org.opentermin.ports.in.ServiceRequest;

/**
 * Prints, for every office and service, the first free appointment and how many free starts the
 * next two weeks hold, as the availability use case answers: a quick look at a running system.
 */
public final class DemoOverview {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("EEE dd.MM.yyyy HH:mm", Locale.GERMANY);

  private DemoOverview() {}

  public static void print(
      Iterable<Office> offices,
      Iterable<Service> services,
      LocalDate today,
      FindAvailability availability,
      PrintStream out) {
    for (Office office : offices) {
      out.printf("%s%n", office.name());
      for (Service service : services) {
        ImmutableList<ServiceRequest> request =
            ImmutableList.of(new ServiceRequest(service.id(), 1));
        FirstSlotResult firstSlot =
            availability.firstFreeSlot(office.id(), request, Channel.ONLINE);
        String first =
            firstSlot instanceof FirstSlotResult.Found found
                ? WHEN.format(found.slot().start().atZone(found.zone()))
                : firstSlot instanceof FirstSlotResult.NoneFree ? "none" : "not offered";
        int freeStarts =
            availability.findSlots(
                        new FindAvailability.Query(
                            office.id(),
                            request,
                            Channel.ONLINE,
                            DateRange.closed(today, today.plusDays(13))))
                    instanceof AvailabilityResult.Found found
                ? found.availability().slots().size()
                : 0;
        out.printf(
            "  %-62s first free: %-22s free starts in 14 days: %d%n",
            service.name(), first, freeStarts);
      }
    }
  }
}
