package org.opentermin.core.fairness;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.opentermin.core.catalog.OfficeId;

/**
 * Identifies an entry on an office's waiting list. Like an appointment id it names its office, so a
 * lookup can go straight to the office's data. Its text form is {@code <officeId>.<uuid>}; it is
 * what the citizen gets back at registration and names the entry in every later request. Immutable.
 */
public record WaitingListEntryId(OfficeId office, UUID uuid) {

  private static final Pattern CANONICAL_UUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  public WaitingListEntryId {
    checkNotNull(office, "office");
    checkNotNull(uuid, "uuid");
  }

  /** Parses the text form; empty for anything else, so input can be checked without exceptions. */
  public static Optional<WaitingListEntryId> parse(String text) {
    if (text == null || text.length() > 64 + 1 + 36) {
      return Optional.empty();
    }
    int dot = text.lastIndexOf('.');
    if (dot <= 0
        || !OfficeId.isValid(text.substring(0, dot))
        || !CANONICAL_UUID.matcher(text.substring(dot + 1)).matches()) {
      return Optional.empty();
    }
    return Optional.of(
        new WaitingListEntryId(
            OfficeId.of(text.substring(0, dot)), UUID.fromString(text.substring(dot + 1))));
  }

  @Override
  public String toString() {
    return office.value() + "." + uuid;
  }
}
