package org.opentermin.ports.in;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.opentermin.core.booking.Actor;
import org.opentermin.core.booking.AppointmentId;
import org.opentermin.core.booking.BookedService;
import org.opentermin.core.booking.Citizen;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.fairness.WaitingListEntryId;
import org.opentermin.core.time.DateRange;

/**
 * A citizen's place on an office's waiting list: when capacity frees up, the next entry in order is
 * offered a hold that it confirms like any other. Each entry is reached with the entry token handed
 * out at registration; a wrong token is answered exactly like an unknown entry, so entries cannot
 * be probed, and an entry never shows anything of another.
 */
public interface JoinWaitingList {

  /** Puts the citizen on the office's waiting list for the services within {@code dates}. */
  JoinResult register(Registration registration);

  /** The entry, if it exists and {@code entryToken} is its token. */
  Optional<EntryView> find(WaitingListEntryId entry, String entryToken);

  /**
   * Takes the entry off the list; an offered hold is released at once. Withdrawing a withdrawn
   * entry again succeeds; a booked, lapsed or expired entry cannot be withdrawn.
   */
  WithdrawResult withdraw(WaitingListEntryId entry, String entryToken);

  /**
   * Staff of the office: its open entries (waiting or offered) in the order they are served, with
   * the contacts on them. The read is recorded in the audit log as {@code viewer}'s before the
   * entries are returned.
   */
  ImmutableList<StaffEntryView> openEntries(OfficeId office, Actor viewer);

  /** Who wants what, when, and how to reach them (a valid email address or phone number). */
  record Registration(
      OfficeId office, ImmutableList<ServiceRequest> services, DateRange dates, Citizen citizen) {
    public Registration {
      checkNotNull(office, "office");
      services = ImmutableList.copyOf(checkNotNull(services, "services"));
      checkNotNull(dates, "dates");
      checkNotNull(citizen, "citizen");
    }
  }

  /** The new entry, or why there is none. */
  sealed interface JoinResult permits Joined, NotJoined {}

  /** On the list; the token is shown once and stored only as a hash. */
  record Joined(WaitingListEntryId entry, String entryToken, Status status) implements JoinResult {
    public Joined {
      checkNotNull(entry, "entry");
      checkNotNull(entryToken, "entryToken");
      checkNotNull(status, "status");
    }
  }

  /** The registration was refused. */
  record NotJoined(Refused refused) implements JoinResult {
    public NotJoined {
      checkNotNull(refused, "refused");
    }
  }

  /** Whether the entry left the list. */
  sealed interface WithdrawResult permits Withdrawn, NotWithdrawn {}

  /** The entry is off the list (and its offer released). */
  record Withdrawn(WaitingListEntryId entry) implements WithdrawResult {}

  /** The entry could not be withdrawn. */
  record NotWithdrawn(Refused refused) implements WithdrawResult {
    public NotWithdrawn {
      checkNotNull(refused, "refused");
    }
  }

  /**
   * What the holder of the entry token sees: the entry's own data, never anything of another entry.
   * {@link Status#EXPIRED} shows as soon as the dates passed, even before the job marks it.
   *
   * @param zone the office's zone, to show times locally
   */
  record EntryView(
      WaitingListEntryId entry,
      ImmutableList<BookedService> services,
      DateRange dates,
      Status status,
      Instant registeredAt,
      Optional<Offer> offer,
      ZoneId zone) {
    public EntryView {
      checkNotNull(entry, "entry");
      services = ImmutableList.copyOf(checkNotNull(services, "services"));
      checkNotNull(dates, "dates");
      checkNotNull(status, "status");
      checkNotNull(registeredAt, "registeredAt");
      checkNotNull(offer, "offer");
      checkNotNull(zone, "zone");
    }
  }

  /** What staff of the office see of an entry: the citizen's view plus the contact. */
  record StaffEntryView(EntryView entry, Citizen contact) {
    public StaffEntryView {
      checkNotNull(entry, "entry");
      checkNotNull(contact, "contact");
    }
  }

  /** Where an entry stands, as its citizen and the office's staff see it. */
  enum Status {
    /** In the queue. */
    WAITING,
    /** Capacity is held for the entry until the offer's deadline; confirming the hold books it. */
    OFFERED,
    /** The offered hold was confirmed. */
    BOOKED,
    /** The offer was not taken before its deadline; the capacity moved on. */
    LAPSED,
    /** The citizen left the list. */
    WITHDRAWN,
    /** The entry's dates passed without an offer. */
    EXPIRED;

    /** Whether the entry is still on the list, waiting for or holding an offer. */
    public boolean isOpen() {
      return this == WAITING || this == OFFERED;
    }
  }

  /**
   * Capacity held for the entry: the hold that the citizen confirms like any other to book it, the
   * start of the appointment, and the deadline for confirming.
   */
  record Offer(AppointmentId hold, Instant start, Instant deadline) {
    public Offer {
      checkNotNull(hold, "hold");
      checkNotNull(start, "start");
      checkNotNull(deadline, "deadline");
    }
  }
}
