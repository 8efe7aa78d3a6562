package org.opentermin.app;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.opentermin.app.demo.DemoData;
import org.opentermin.app.demo.DemoOverview;
import org.opentermin.jdbc.JdbcAdapter;
import org.opentermin.ports.booking.BookingService;
import org.opentermin.ports.booking.ExpiredHoldCleanup;
import org.opentermin.ports.out.RandomSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts OpenTermin: opens the database (embedded PostgreSQL in the data directory unless an
 * external one is configured), loads the demo offices into an empty database, and prints what
 * the booking service offers. The HTTP API follows in the next step of the roadmap.
 */
public final class Main {

  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {}

  public static void main(String[] args) {
    AppConfig config = AppConfig.fromEnvironment(System.getenv());
    // The one place that reads the system clock; everything below receives it.
    Clock clock = Clock.systemUTC();
    try (Database database = Database.open(config)) {
      JdbcAdapter adapter = database.adapter();
      if (config.demo() && adapter.catalog().offices().isEmpty()) {
        DemoData.around(LocalDate.now(clock.withZone(ZoneId.of("Europe/Berlin")))).saveTo(adapter.catalog());
        LOG.info("Loaded the demo offices into the empty database");
      }
      BookingService bookings = new BookingService(
          adapter.catalog(), adapter.bookings(), clock, RandomSource.secure(), BookingService.RECOMMENDED_SCHEDULE_RECHECK);
      new ExpiredHoldCleanup(adapter.catalog(), adapter.bookings(), clock).run();
      System.out.println("OpenTermin: free appointments");
      DemoOverview.print(
          adapter.catalog().offices(), adapter.catalog().services(), LocalDate.now(clock), bookings, System.out);
    }
  }
}
