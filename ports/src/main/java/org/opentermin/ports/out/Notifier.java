package org.opentermin.ports.out;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Instant;
import java.util.Optional;
import org.opentermin.core.booking.Citizen;
import org.opentermin.core.catalog.OfficeId;

/**
 * Tells citizens what the system did for them: a waiting-list offer, a lottery's result. The email
 * adapter comes later; until then an implementation may only record that a message went out.
 * Implementations never log personal data and never name the service (it may be sensitive): a
 * notification carries no service, and the texts that leave the system (subject, body, text
 * message, calendar file) say only what {@link org.opentermin.core.booking.OutsideText} says, an
 * appointment at the office. A notification never carries the citizen's note. Thread-safe.
 */
public interface Notifier {

  void send(Notification notification);

  /**
   * One message: what happened, at which office, to whom, about which entry (waiting-list or
   * lottery entry id), and the moments that matter to the citizen.
   *
   * @param deadline until when an offer can be taken
   * @param appointmentStart the start of the offered or booked appointment
   */
  record Notification(
      Kind kind,
      OfficeId office,
      Citizen recipient,
      String entryId,
      Optional<Instant> deadline,
      Optional<Instant> appointmentStart) {
    public Notification {
      checkNotNull(kind, "kind");
      checkNotNull(office, "office");
      // The note is for the office's staff only; no message ever carries it.
      recipient = checkNotNull(recipient, "recipient").withoutNote();
      checkNotNull(entryId, "entryId");
      checkNotNull(deadline, "deadline");
      checkNotNull(appointmentStart, "appointmentStart");
    }
  }

  /** What a notification is about. */
  enum Kind {
    /** Capacity was held for a waiting-list entry until the deadline. */
    WAITING_LIST_OFFER,
    /** A lottery entry won and was booked. */
    LOTTERY_WON,
    /** A lottery entry did not win. */
    LOTTERY_LOST
  }
}
