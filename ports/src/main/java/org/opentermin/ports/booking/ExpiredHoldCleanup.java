package org.opentermin.ports.booking;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Clock;
import java.time.Instant;
import org.opentermin.core.catalog.Office;
import org.opentermin.ports.out.BookingStore;
import org.opentermin.ports.out.CatalogStore;

/**
 * Deletes expired holds, office by office in batches. Only housekeeping: an expired hold stops
 * counting at its expiry whether or not this has run. Safe to run from several app instances at the
 * same time.
 */
public final class ExpiredHoldCleanup {

  /** How many holds one store call deletes at most, so no single statement runs long. */
  public static final int DEFAULT_BATCH_SIZE = 500;

  private final CatalogStore catalog;
  private final BookingStore bookings;
  private final Clock clock;
  private final int batchSize;

  public ExpiredHoldCleanup(CatalogStore catalog, BookingStore bookings, Clock clock) {
    this(catalog, bookings, clock, DEFAULT_BATCH_SIZE);
  }

  public ExpiredHoldCleanup(
      CatalogStore catalog, BookingStore bookings, Clock clock, int batchSize) {
    checkArgument(batchSize > 0, "batch size must be positive");
    this.catalog = checkNotNull(catalog, "catalog");
    this.bookings = checkNotNull(bookings, "bookings");
    this.clock = checkNotNull(clock, "clock");
    this.batchSize = batchSize;
  }

  /** Deletes every hold that has expired by now; returns how many. */
  public int run() {
    Instant now = clock.instant();
    int deleted = 0;
    for (Office office : catalog.offices()) {
      int batch;
      do {
        batch = bookings.deleteExpiredHolds(office.id(), now, batchSize);
        deleted += batch;
      } while (batch == batchSize);
    }
    return deleted;
  }
}
