package org.opentermin.core.routing;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.regex.Pattern;

/** A German postal code ("Postleitzahl"): exactly five digits, leading zeros kept. Immutable. */
public record PostalCode(String value) {

  private static final Pattern FIVE_DIGITS = Pattern.compile("[0-9]{5}");

  public PostalCode {
    checkNotNull(value, "value");
    checkArgument(
        FIVE_DIGITS.matcher(value).matches(), "a postal code is five digits: '%s'", value);
  }

  public static PostalCode of(String value) {
    return new PostalCode(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
