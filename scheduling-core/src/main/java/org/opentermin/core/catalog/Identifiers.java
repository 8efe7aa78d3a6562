package org.opentermin.core.catalog;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.regex.Pattern;

/** The one rule all ids share: short, URL-safe, readable in logs. */
final class Identifiers {

  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

  private Identifiers() {}

  static String checkValid(String value, String kind) {
    checkNotNull(value, "%s", kind);
    checkArgument(
        VALID.matcher(value).matches(),
        "%s must be 1 to 64 letters, digits, '-' or '_', starting with a letter or digit: '%s'",
        kind,
        value);
    return value;
  }

  static boolean isValid(String value) {
    return value != null && VALID.matcher(value).matches();
  }
}
