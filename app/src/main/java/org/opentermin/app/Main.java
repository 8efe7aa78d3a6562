package org.opentermin.app;

import java.time.Clock;
import java.time.LocalDate;
import org.opentermin.app.demo.DemoData;
import org.opentermin.app.demo.DemoOverview;

/**
 * Starts OpenTermin. For now it computes the demo offices' availability with the scheduling core
 * and prints it; the HTTP API and the database join in later steps of the roadmap.
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    // The one place that reads the system clock; everything below receives the instant.
    Clock clock = Clock.systemUTC();
    DemoData demo = DemoData.around(LocalDate.now(clock));
    System.out.println("OpenTermin: free appointments in the demo offices (no bookings yet)");
    DemoOverview.print(demo, clock.instant(), System.out);
  }
}
