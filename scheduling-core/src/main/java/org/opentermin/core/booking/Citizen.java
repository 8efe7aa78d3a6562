package org.opentermin.core.booking;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Optional;

/**
 * The minimal personal data of a booking: a name and optionally an email address and a phone
 * number. {@link #toString()} never shows the data, so that it cannot leak into logs. Immutable.
 */
public record Citizen(String name, Optional<String> email, Optional<String> phone) {

  public static final int MAXIMUM_NAME_LENGTH = 200;
  public static final int MAXIMUM_CONTACT_LENGTH = 254;

  public Citizen {
    checkNotNull(name, "name");
    checkArgument(!name.isBlank() && name.length() <= MAXIMUM_NAME_LENGTH, "name must have 1 to %s characters", MAXIMUM_NAME_LENGTH);
    checkNotNull(email, "email");
    checkNotNull(phone, "phone");
    email.ifPresent(value -> checkArgument(!value.isBlank() && value.length() <= MAXIMUM_CONTACT_LENGTH, "email too long or blank"));
    phone.ifPresent(value -> checkArgument(!value.isBlank() && value.length() <= MAXIMUM_CONTACT_LENGTH, "phone too long or blank"));
  }

  public static Citizen named(String name) {
    return new Citizen(name, Optional.empty(), Optional.empty());
  }

  @Override
  public String toString() {
    return "Citizen[personal data hidden]";
  }
}
