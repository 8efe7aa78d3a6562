package org.opentermin.ports.privacy;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.function.IntSupplier;
import org.opentermin.core.catalog.Office;
import org.opentermin.core.privacy.RetentionPeriod;
import org.opentermin.ports.out.BookingStore;
import org.opentermin.ports.out.CatalogStore;
import org.opentermin.ports.out.LotteryStore;
import org.opentermin.ports.out.WaitingListStore;

/**
 * The retention job: office by office, it erases what the office's {@link RetentionPeriod} no
 * longer allows to keep, in batches of at most {@link #DEFAULT_BATCH_SIZE} per store call.
 *
 * <ul>
 *   <li>Bookings that ended (or were cancelled) the period ago or longer lose their personal data;
 *       they stay as anonymous statistics (office, resource, services, persons, time, channel,
 *       status).
 *   <li>Waiting-list entries that left the list the period ago or longer, or whose dates passed the
 *       period ago or longer, are deleted.
 *   <li>Lottery entries for days the period ago or longer are deleted (the draws' public commitment
 *       and seed stay).
 * </ul>
 *
 * <p>Idempotent, and safe to run from several app instances at the same time: every store call is
 * one conditional statement that skips what another instance is erasing, so each record is erased
 * once. Thread-safe.
 */
public final class PersonalDataRetention {

  /** How many records one store call erases at most, so that no single statement runs long. */
  public static final int DEFAULT_BATCH_SIZE = 500;

  private final CatalogStore catalog;
  private final BookingStore bookings;
  private final WaitingListStore waitingList;
  private final LotteryStore lottery;
  private final Clock clock;
  private final int batchSize;

  public PersonalDataRetention(
      CatalogStore catalog,
      BookingStore bookings,
      WaitingListStore waitingList,
      LotteryStore lottery,
      Clock clock) {
    this(catalog, bookings, waitingList, lottery, clock, DEFAULT_BATCH_SIZE);
  }

  public PersonalDataRetention(
      CatalogStore catalog,
      BookingStore bookings,
      WaitingListStore waitingList,
      LotteryStore lottery,
      Clock clock,
      int batchSize) {
    checkArgument(batchSize > 0, "batch size must be positive");
    this.catalog = checkNotNull(catalog, "catalog");
    this.bookings = checkNotNull(bookings, "bookings");
    this.waitingList = checkNotNull(waitingList, "waitingList");
    this.lottery = checkNotNull(lottery, "lottery");
    this.clock = checkNotNull(clock, "clock");
    this.batchSize = batchSize;
  }

  /** What one run erased. */
  public record Erased(int bookings, int waitingListEntries, int lotteryEntries) {

    public int total() {
      return bookings + waitingListEntries + lotteryEntries;
    }
  }

  /** Erases everything whose retention period has passed by now, at every office. */
  public Erased run() {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    int erasedBookings = 0;
    int deletedEntries = 0;
    int deletedLotteryEntries = 0;
    for (Office office : catalog.offices()) {
      RetentionPeriod period = catalog.retentionPeriod(office.id()).orElse(RetentionPeriod.DEFAULT);
      Instant finishedBy = period.finishedBy(now);
      // The office's local date of that instant: waiting-list dates and lottery days are local
      // days.
      LocalDate dayOfFinishedBy = LocalDate.ofInstant(finishedBy, office.zone());
      erasedBookings +=
          inBatches(() -> bookings.eraseFinished(office.id(), finishedBy, now, batchSize));
      deletedEntries +=
          inBatches(
              () ->
                  waitingList.deleteFinished(office.id(), finishedBy, dayOfFinishedBy, batchSize));
      deletedLotteryEntries +=
          inBatches(() -> lottery.deleteEntries(office.id(), dayOfFinishedBy, batchSize));
    }
    return new Erased(erasedBookings, deletedEntries, deletedLotteryEntries);
  }

  /**
   * Repeats a batch while it comes back full; a shorter one means nothing was left (or another
   * instance has it).
   */
  private int inBatches(IntSupplier batch) {
    int total = 0;
    int done;
    do {
      done = batch.getAsInt();
      total += done;
    } while (done == batchSize);
    return total;
  }
}
