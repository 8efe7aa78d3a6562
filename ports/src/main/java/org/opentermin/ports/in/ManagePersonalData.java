package org.opentermin.ports.in;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.util.Optional;
import org.opentermin.core.booking.Booking;
import org.opentermin.core.booking.BookingEvent;
import org.opentermin.core.booking.BookingReference;
import org.opentermin.core.catalog.Office;
import org.opentermin.core.catalog.Service;
import org.opentermin.core.privacy.RetentionPeriod;

/**
 * A citizen's rights over the personal data of their booking, exercised with the manage token (or
 * by the office's staff on the citizen's request): see everything stored about it, and erase it
 * before the office's retention period ends. As in {@link ManageBooking}, a wrong token is answered
 * exactly like an unknown reference; once erased, the reference and the token reach nothing.
 */
public interface ManagePersonalData {

  /** Everything stored about the booking; empty if the reference is unknown or not accessible. */
  Optional<BookingData> download(BookingReference reference, BookingAccess access);

  /**
   * Erases the booking's personal data now, as the retention period would later: an upcoming
   * booking is cancelled by it (its time is free again), a finished or cancelled one keeps its
   * status. The answer is the erased booking, or {@code NOT_FOUND}, {@code TOO_EARLY} while the
   * appointment is under way, {@code ILLEGAL_TRANSITION} if it changed meanwhile.
   */
  ChangeResult erase(BookingReference reference, BookingAccess access);

  /**
   * What a booking's download holds: the booking with its citizen (note included), its office and
   * the catalog entries of its services, its history, what else is kept as pseudonyms, and when it
   * will be erased under the office's retention period. Immutable.
   *
   * @param services the services of the booking that the catalog still knows, in the booking's
   *     order
   * @param history every recorded change, oldest first (a view for the citizen names staff by role
   *     only)
   * @param erasureDue when the retention period erases the personal data, unless erased before
   */
  record BookingData(
      Booking booking,
      Office office,
      ImmutableList<Service> services,
      ImmutableList<BookingEvent> history,
      Pseudonyms pseudonyms,
      RetentionPeriod retention,
      Instant erasureDue) {
    public BookingData {
      checkNotNull(booking, "booking");
      checkNotNull(office, "office");
      services = ImmutableList.copyOf(checkNotNull(services, "services"));
      history = ImmutableList.copyOf(checkNotNull(history, "history"));
      checkNotNull(pseudonyms, "pseudonyms");
      checkNotNull(retention, "retention");
      checkNotNull(erasureDue, "erasureDue");
    }

    @Override
    public String toString() {
      return "BookingData[" + booking.id() + ", personal data hidden]";
    }
  }

  /**
   * Which one-way or keyed hashes are stored with a booking besides its manage token's: the
   * identity keys of an identity limit, the keyed hash of the client's address, an idempotency
   * key's hash. Never the values themselves.
   */
  record Pseudonyms(boolean identityKeys, boolean clientKey, boolean idempotencyKey) {}
}
