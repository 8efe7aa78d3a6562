package org.opentermin.core.booking;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Optional;

/**
 * The minimal personal data of a booking: a name, optionally an email address and a phone number,
 * and optionally a short note from the citizen to the office. Which of them a booking needs is the
 * use case's decision (a citizen who books online gives a way to be reached; staff may book a
 * walk-in by name only).
 *
 * <p>The note is sensitive (it may say why someone needs the social welfare office): it is shown
 * only to the office's staff and to the citizen, and never goes into notifications ({@link
 * #withoutNote()}), calendar files, logs or exception messages. {@link #toString()} never shows any
 * of the data, so that it cannot leak into logs, and the checks' messages never repeat it.
 * Immutable.
 */
public record Citizen(
    String name, Optional<String> email, Optional<String> phone, Optional<String> note) {

  public static final int MAXIMUM_NAME_LENGTH = 200;
  public static final int MAXIMUM_CONTACT_LENGTH = 254;
  public static final int MAXIMUM_NOTE_LENGTH = 500;

  public Citizen {
    checkNotNull(name, "name");
    checkArgument(
        !name.isBlank() && name.length() <= MAXIMUM_NAME_LENGTH,
        "name must have 1 to %s characters",
        MAXIMUM_NAME_LENGTH);
    checkNotNull(email, "email");
    checkNotNull(phone, "phone");
    checkNotNull(note, "note");
    email.ifPresent(
        value ->
            checkArgument(
                !value.isBlank() && value.length() <= MAXIMUM_CONTACT_LENGTH,
                "email too long or blank"));
    phone.ifPresent(
        value ->
            checkArgument(
                !value.isBlank() && value.length() <= MAXIMUM_CONTACT_LENGTH,
                "phone too long or blank"));
    note.ifPresent(
        value ->
            checkArgument(
                !value.isBlank() && value.length() <= MAXIMUM_NOTE_LENGTH,
                "note must have 1 to %s characters",
                MAXIMUM_NOTE_LENGTH));
  }

  /** A citizen without a note. */
  public Citizen(String name, Optional<String> email, Optional<String> phone) {
    this(name, email, phone, Optional.empty());
  }

  public static Citizen named(String name) {
    return new Citizen(name, Optional.empty(), Optional.empty());
  }

  /** Whether the office can reach this citizen: an email address or a phone number is given. */
  public boolean hasContact() {
    return email.isPresent() || phone.isPresent();
  }

  /** The same citizen without the note: what may travel to a notification. */
  public Citizen withoutNote() {
    return note.isEmpty() ? this : new Citizen(name, email, phone);
  }

  @Override
  public String toString() {
    return "Citizen[personal data hidden]";
  }
}
