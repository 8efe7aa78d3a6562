package org.opentermin.core.availability;

import java.time.Instant;

/** Converts instants to whole minutes since the epoch, the unit of slot generation. */
final class EpochMinutes {

  private EpochMinutes() {}

  static long floor(Instant instant) {
    return Math.floorDiv(instant.getEpochSecond(), 60);
  }

  static long ceil(Instant instant) {
    long seconds = instant.getEpochSecond() + (instant.getNano() > 0 ? 1 : 0);
    return Math.floorDiv(seconds + 59, 60);
  }

  static boolean isWholeMinute(Instant instant) {
    return instant.getNano() == 0 && Math.floorMod(instant.getEpochSecond(), 60) == 0;
  }
}
