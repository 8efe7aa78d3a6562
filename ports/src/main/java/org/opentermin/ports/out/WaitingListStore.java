package org.opentermin.ports.out;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.opentermin.core.booking.AppointmentId;
import org.opentermin.core.booking.BookedService;
import org.opentermin.core.booking.Citizen;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.fairness.WaitingListEntryId;
import org.opentermin.core.time.DateRange;

/**
 * Waiting-list entries: who waits at an office for which services within which dates, and what was
 * offered to them. The store keeps keyed hashes of the identities (never the normalised email or
 * phone), the SHA-256 hash of the entry token, and the contact the offers go to.
 *
 * <p>Every change is one atomic compare-and-set on the status, so that several app instances
 * running the offer job never offer one entry twice and never lose an offer: whichever instance's
 * change applies decides, the other sees {@code false}. Implementations are thread-safe.
 */
public interface WaitingListStore {

  /**
   * Adds a {@link Status#WAITING} entry without an offer, unless an entry of the same office that
   * is still {@link Status#WAITING} or {@link Status#OFFERED} shares an identity key and a service
   * with it. Checking and adding are atomic against other additions with the same keys.
   */
  Addition add(Entry entry);

  /** What became of an {@link #add}. */
  enum Addition {
    ADDED,
    /** The same person already waits at the office for one of these services. */
    ALREADY_WAITING
  }

  Optional<Entry> find(WaitingListEntryId id);

  /** The office's entries in any of {@code statuses}, by registration instant, then id. */
  ImmutableList<Entry> entries(OfficeId office, Set<Status> statuses);

  /**
   * Marks the entry {@link Status#OFFERED} with {@code offer} if it is still {@link
   * Status#WAITING}.
   */
  boolean offer(WaitingListEntryId id, Offer offer, Instant at);

  /**
   * Changes the entry's status from {@code expected} to {@code target} if it is still {@code
   * expected}; the offer, if any, is kept for the record. Only {@link Status#canBecome} changes are
   * allowed; others throw {@link IllegalArgumentException}.
   */
  boolean changeStatus(WaitingListEntryId id, Status expected, Status target, Instant at);

  /**
   * Deletes the hold of a withdrawn or failed offer if it is still a hold (never a booking), so its
   * capacity is free again at once rather than at its expiry. Returns whether a hold was deleted.
   */
  boolean releaseHold(AppointmentId hold);

  /**
   * Deletes up to {@code limit} entries of the office that are no longer on the list (neither
   * waiting nor offered) since {@code closedBy} or earlier, or whose dates ended (their exclusive
   * end) on or before {@code datesEndedBy} whatever their status; returns how many. The personal
   * data goes with them: entries are not kept for statistics. Safe to run from several app
   * instances at once.
   */
  int deleteFinished(OfficeId office, Instant closedBy, LocalDate datesEndedBy, int limit);

  /** Where an entry stands. */
  enum Status {
    /** In the queue. */
    WAITING,
    /** Capacity is held for the entry until the offer's deadline. */
    OFFERED,
    /** The offered hold was confirmed. */
    BOOKED,
    /** The offer was not taken before its deadline; the capacity moved on. */
    LAPSED,
    /** The citizen left the list. */
    WITHDRAWN,
    /** The entry's dates passed without an offer. */
    EXPIRED;

    /** Whether the entry still takes part in the waiting list. */
    public boolean isOpen() {
      return this == WAITING || this == OFFERED;
    }

    /** Whether an entry in this status may change to {@code target}. */
    public boolean canBecome(Status target) {
      return switch (this) {
        case WAITING -> target == OFFERED || target == WITHDRAWN || target == EXPIRED;
        case OFFERED -> target == BOOKED || target == LAPSED || target == WITHDRAWN;
        default -> false;
      };
    }
  }

  /**
   * Capacity held for an entry: the hold (which the citizen confirms to book), its start, its
   * deadline.
   */
  record Offer(AppointmentId hold, Instant start, Instant deadline) {
    public Offer {
      checkNotNull(hold, "hold");
      checkNotNull(start, "start");
      checkNotNull(deadline, "deadline");
    }
  }

  /**
   * A stored entry. {@code contact} is personal data: it is needed to send offers and is shown only
   * to staff of the office. Immutable apart from the token hash array, which is copied.
   *
   * @param dates the days the citizen can come, non-empty
   * @param identityKeys keyed hashes of the citizen's identities, at least one
   * @param tokenHash SHA-256 of the entry token
   * @param changedAt when the status last changed (the registration for a new entry)
   */
  record Entry(
      WaitingListEntryId id,
      ImmutableList<BookedService> services,
      DateRange dates,
      Citizen contact,
      ImmutableSet<String> identityKeys,
      byte[] tokenHash,
      Instant registeredAt,
      Status status,
      Optional<Offer> offer,
      Instant changedAt) {

    public Entry {
      checkNotNull(id, "id");
      services = ImmutableList.copyOf(checkNotNull(services, "services"));
      checkArgument(!services.isEmpty(), "an entry names at least one service");
      checkNotNull(dates, "dates");
      checkArgument(!dates.isEmpty(), "an entry's dates must not be empty");
      checkNotNull(contact, "contact");
      identityKeys = ImmutableSet.copyOf(checkNotNull(identityKeys, "identityKeys"));
      checkArgument(!identityKeys.isEmpty(), "an entry has at least one identity key");
      checkNotNull(tokenHash, "tokenHash");
      checkArgument(tokenHash.length == 32, "the token hash is a SHA-256 hash");
      tokenHash = tokenHash.clone();
      checkNotNull(registeredAt, "registeredAt");
      checkNotNull(status, "status");
      checkNotNull(offer, "offer");
      checkArgument(status != Status.WAITING || offer.isEmpty(), "a waiting entry has no offer");
      checkArgument(status != Status.OFFERED || offer.isPresent(), "an offered entry has an offer");
      checkNotNull(changedAt, "changedAt");
    }

    @Override
    public byte[] tokenHash() {
      return tokenHash.clone();
    }

    public OfficeId office() {
      return id.office();
    }

    /** This entry with another status (and offer), as a store records a change. */
    public Entry with(Status newStatus, Optional<Offer> newOffer, Instant at) {
      return new Entry(
          id,
          services,
          dates,
          contact,
          identityKeys,
          tokenHash,
          registeredAt,
          newStatus,
          newOffer,
          at);
    }

    @Override
    public String toString() {
      return "Entry[" + id + ", " + status + ", personal data hidden]";
    }
  }
}
