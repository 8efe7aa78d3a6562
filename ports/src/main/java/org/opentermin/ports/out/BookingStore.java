package org.opentermin.ports.out;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.opentermin.core.availability.BusyPeriod;
import org.opentermin.core.booking.Appointment;
import org.opentermin.core.booking.AppointmentId;
import org.opentermin.core.booking.AppointmentStatus;
import org.opentermin.core.booking.Booking;
import org.opentermin.core.booking.BookingEvent;
import org.opentermin.core.booking.BookingReference;
import org.opentermin.core.booking.Hold;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.catalog.ServiceId;
import org.opentermin.core.fairness.Cancellation;

/**
 * Holds and bookings. The store, not its caller, guarantees that no resource is ever claimed twice
 * at the same time: {@link #placeHold} refuses a hold whose time overlaps another appointment of
 * the same resource that occupies time, atomically, under any concurrency. A hold whose expiry has
 * passed never blocks anything, whether or not it has been deleted yet.
 *
 * <p>Every method is one atomic step; changes are conditional (compare-and-set on the status), so
 * callers decide with the business rules and the store applies the decision only if nothing changed
 * in between. Every change of a booking is recorded with its {@link BookingEvent} in the same step,
 * and so is its entry in the adapter's {@link AuditLog} ({@link
 * org.opentermin.core.audit.AuditEntry#ofChange}, with the booking's reference). Implementations
 * are thread-safe and retry transient conflicts themselves.
 */
public interface BookingStore {

  /** Bookings and holds (with their expiry) at {@code office} that overlap {@code [from, to)}. */
  ImmutableList<BusyPeriod> busyPeriods(OfficeId office, Instant from, Instant to);

  /**
   * The bookings (not holds) of {@code office} that start within {@code [from, to)}, in any status,
   * ordered by start, then resource, then id.
   */
  ImmutableList<Appointment> bookings(OfficeId office, Instant from, Instant to);

  /**
   * The bookings of {@code office} cancelled at or after {@code since} whose time overlaps {@code
   * [from, to)}, with the instant of their cancellation: what a quarantine keeps closed.
   */
  ImmutableList<Cancellation> cancellations(
      OfficeId office, Instant from, Instant to, Instant since);

  /**
   * Inserts a hold on the first of the claim's candidate resources (in their order) whose time does
   * not overlap an appointment of that resource that occupies time, unless the idempotency key was
   * used before in the office, or the claim's client already has as many live holds at the office
   * as its quota allows (counted atomically with the insert). Holds that expired at or before
   * {@code now} do not count (and may be deleted on the way).
   */
  HoldPlacement placeHold(HoldClaim claim, Optional<IdempotencyRecord> idempotency, Instant now);

  /**
   * At most {@code maxLiveHolds} live holds at one office for one client, an opaque key (e.g. a
   * keyed hash of the remote address) that is stored with the hold and nothing else.
   */
  record ClientQuota(String clientKey, int maxLiveHolds) {
    public ClientQuota {
      checkNotNull(clientKey, "clientKey");
      checkArgument(
          !clientKey.isEmpty() && clientKey.length() <= 100,
          "client key must have 1 to 100 characters");
      checkArgument(maxLiveHolds > 0, "maxLiveHolds must be positive");
    }
  }

  /** What became of a {@link #placeHold}: the hold if it was inserted. */
  record HoldPlacement(HoldInsertion outcome, Optional<Hold> hold) {}

  /** What became of a {@link #placeHold}. */
  enum HoldInsertion {
    INSERTED,
    TIME_TAKEN,
    KEY_TAKEN,
    /** The client has as many live holds at the office as its quota allows. */
    CLIENT_LIMIT
  }

  /** The hold or booking created with the idempotency key, with the request it was made for. */
  Optional<IdempotencyMatch> findByHoldKey(OfficeId office, byte[] keyHash);

  Optional<Appointment> find(AppointmentId id);

  /**
   * The booking with the reference, with the hash of its manage token; an erased booking has no
   * reference and is not found.
   */
  Optional<StoredBooking> findByReference(BookingReference reference);

  /**
   * Turns the claim's hold into a booking if it is still a hold of one of the claim's channels that
   * is live at the claim's {@code now}, and records the claim's event. The reference must be unused
   * anywhere; a used idempotency key answers {@link Confirmation#KEY_TAKEN}. With an identity quota
   * the store also refuses ({@link Confirmation#IDENTITY_LIMIT}) when the office already has the
   * quota's number of active bookings (confirmed or checked in) that share an identity key and a
   * service with the hold and start within the quota's window; counting and confirming are atomic
   * against other confirmations with the same keys, and the booking keeps the keys for later
   * counts. A video hold is confirmed only with a video link, any other hold only without one;
   * otherwise the store throws {@link IllegalArgumentException} and changes nothing. The booking
   * keeps the citizen's note. Returns the booking when confirmed.
   */
  ConfirmResult confirm(ConfirmClaim claim);

  /**
   * How many active bookings (confirmed or checked in) the office has that share an identity key
   * and a service with the given ones and start within {@code [from, to)}: what an identity quota
   * counts, for callers that want to know before they hold (a waiting list, for one).
   */
  int activeBookings(
      OfficeId office, Set<String> identityKeys, Set<ServiceId> services, Instant from, Instant to);

  /**
   * At most {@code maxBookings} active bookings per identity key (keyed hashes, never the identity)
   * whose start lies in {@code [windowStart, windowEnd)}.
   */
  record IdentityQuota(
      ImmutableSet<String> identityKeys, int maxBookings, Instant windowStart, Instant windowEnd) {
    public IdentityQuota {
      identityKeys = ImmutableSet.copyOf(checkNotNull(identityKeys, "identityKeys"));
      checkArgument(!identityKeys.isEmpty(), "an identity quota needs at least one key");
      checkArgument(maxBookings > 0, "maxBookings must be positive");
      checkArgument(windowStart.isBefore(windowEnd), "window must end after it starts");
    }
  }

  /** What became of a {@link #confirm}: the booking if it was confirmed. */
  record ConfirmResult(Confirmation outcome, Optional<Booking> booking) {}

  /** What became of a {@link #confirm}. */
  enum Confirmation {
    CONFIRMED,
    /** Not a live hold (any more), or not of an allowed channel. */
    NOT_LIVE,
    REFERENCE_TAKEN,
    KEY_TAKEN,
    /** The identity quota is used up. */
    IDENTITY_LIMIT
  }

  /** The booking confirmed with the idempotency key, with what was kept for a retry. */
  Optional<IdempotencyMatch> findByConfirmKey(OfficeId office, byte[] keyHash);

  /** Changes the booking's status if it is still {@code expected}, and records {@code event}. */
  boolean changeStatus(AppointmentId booking, AppointmentStatus expected, BookingEvent event);

  /**
   * Moves the booking to the time, resource and services of the hold and deletes the hold, if the
   * booking is still {@code CONFIRMED}, the hold still live at {@code now} and of the booking's
   * mode; records {@code event}. The booking keeps its channel, mode and video link. The hold's
   * time is never released in between: nobody else can take it.
   */
  default boolean reschedule(
      AppointmentId booking, AppointmentId hold, Instant now, BookingEvent event) {
    return reschedule(booking, hold, now, event, OptionalInt.empty()) == Rescheduling.MOVED;
  }

  /**
   * Like {@link #reschedule(AppointmentId, AppointmentId, Instant, BookingEvent)}, but with {@code
   * maxReschedules} only if the booking was moved fewer times than that before; the store counts
   * every move.
   */
  Rescheduling reschedule(
      AppointmentId booking,
      AppointmentId hold,
      Instant now,
      BookingEvent event,
      OptionalInt maxReschedules);

  /** What became of a {@link #reschedule}. */
  enum Rescheduling {
    MOVED,
    /** The booking is not confirmed (any more), or the hold not live or of another mode. */
    NOT_LIVE,
    /** The booking was moved as often as allowed. */
    LIMIT_REACHED
  }

  /** The recorded changes of a booking, oldest first. */
  ImmutableList<BookingEvent> history(AppointmentId booking);

  /**
   * Deletes up to {@code limit} holds of the office that expired at or before {@code now}; returns
   * how many. Safe to run from several app instances at once.
   */
  int deleteExpiredHolds(OfficeId office, Instant now, int limit);

  /**
   * Erases the personal data of the booking if it is still in status {@code expected} and not
   * erased yet, and sets its status to {@code event.to()} (a cancellation records its instant, as
   * {@link #changeStatus} does), in one step. Erasing removes the citizen (name, contact, note),
   * the reference (which becomes free) and the manage token's hash, the identity keys, the client
   * key, both idempotency keys with the retry payload, and the notes of the booking's earlier
   * events; then {@code event} is recorded and the booking stays, erased at {@code event.at()}, for
   * anonymous statistics. Returns whether it was erased.
   */
  boolean erase(AppointmentId booking, AppointmentStatus expected, BookingEvent event);

  /**
   * Erases, as {@link #erase} does, the personal data of up to {@code limit} bookings of the office
   * that are not erased yet and ended, or were cancelled, at or before {@code finishedBy}; records
   * for each an event of {@link org.opentermin.core.booking.Actor#SYSTEM} at {@code now} with
   * {@link BookingEvent#ERASURE_NOTE} that keeps its status. Returns how many it erased. Safe to
   * run from several app instances at once: each booking is erased once.
   */
  int eraseFinished(OfficeId office, Instant finishedBy, Instant now, int limit);

  /** What the store keeps about a booking beyond its data, as flags; empty if unknown or erased. */
  Optional<Pseudonyms> pseudonyms(AppointmentId booking);

  /**
   * Pseudonymous data a booking may carry besides the hash of its manage token (which every booking
   * has): keyed hashes of the citizen's email and phone (kept under an identity limit), a keyed
   * hash of the client's address (kept from a hold under a hold limit), and an idempotency key's
   * hash with the sealed manage token for a retried confirmation.
   */
  record Pseudonyms(boolean identityKeys, boolean clientKey, boolean idempotencyKey) {}

  /**
   * What an idempotent request leaves behind: the hash of its key, a fingerprint of the request (a
   * retry must match it), and an opaque payload for the retry (e.g. a sealed secret).
   */
  record IdempotencyRecord(byte[] keyHash, String requestFingerprint, byte[] retryPayload) {}

  /** A stored idempotent request, found again by its key. */
  record IdempotencyMatch(
      AppointmentId appointment, String requestFingerprint, byte[] retryPayload) {}

  /** A booking with the hash of its manage token. */
  record StoredBooking(Booking booking, byte[] manageTokenHash) {}
}
