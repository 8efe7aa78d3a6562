package org.opentermin.core.routing;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.regex.Pattern;

/**
 * A case number ("Aktenzeichen") as staff write it, such as {@code SBH-12/2027}: 1 to 64 letters,
 * digits, {@code -}, {@code /}, {@code .} or {@code _}, starting with a letter or digit. Compared
 * exactly. Immutable.
 */
public record CaseNumber(String value) {

  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9/._-]{0,63}");

  public CaseNumber {
    checkNotNull(value, "value");
    checkArgument(
        VALID.matcher(value).matches(),
        "a case number is 1 to 64 letters, digits, '-', '/', '.' or '_', starting with a letter or"
            + " digit: '%s'",
        value);
  }

  public static CaseNumber of(String value) {
    return new CaseNumber(value);
  }

  /** Never the number: it points to a person's case, and routing may be logged. */
  @Override
  public String toString() {
    return "CaseNumber[hidden]";
  }
}
