package org.opentermin.benchmarks;

import java.util.Locale;

/**
 * What one scenario ended with: who holds the slots, how many citizens were served and how long
 * they waited.
 */
record FairnessResult(
    FairnessScenario scenario,
    int slots,
    int botBookings,
    int citizenBookings,
    int citizens,
    int citizensServed,
    double medianWaitDays,
    int citizenCancellations) {

  double botShare() {
    return (double) botBookings / slots;
  }

  double citizenShare() {
    return (double) citizenBookings / slots;
  }

  int unused() {
    return slots - botBookings - citizenBookings;
  }

  static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * share);
  }
}
