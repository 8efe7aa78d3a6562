package org.opentermin.core.booking;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.opentermin.core.catalog.OfficeId;

/**
 * Identifies a hold or booking. It names its office, so every lookup can go straight to the
 * office's data (and, later, to the office's database shard). Its text form is {@code
 * <officeId>.<uuid>}. Immutable.
 */
public record AppointmentId(OfficeId office, UUID uuid) {

  private static final Pattern CANONICAL_UUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  public AppointmentId {
    checkNotNull(office, "office");
    checkNotNull(uuid, "uuid");
  }

  /** Parses the text form; empty for anything else, so input can be checked without exceptions. */
  public static Optional<AppointmentId> parse(String text) {
    if (text == null || text.length() > 64 + 1 + 36) {
      return Optional.empty();
    }
    int dot = text.lastIndexOf('.');
    if (dot <= 0 || !OfficeId.isValid(text.substring(0, dot))) {
      return Optional.empty();
    }
    String uuidText = text.substring(dot + 1);
    if (!CANONICAL_UUID.matcher(uuidText).matches()) {
      return Optional.empty();
    }
    return Optional.of(
        new AppointmentId(OfficeId.of(text.substring(0, dot)), UUID.fromString(uuidText)));
  }

  @Override
  public String toString() {
    return office.value() + "." + uuid;
  }
}
