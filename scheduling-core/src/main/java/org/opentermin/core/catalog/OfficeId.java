package org.opentermin.core.catalog;

/**
 * Identifies an office: 1 to 64 letters, digits, {@code -} or {@code _}, starting with a letter or
 * digit, so it can appear in URLs unescaped. Immutable.
 */
public record OfficeId(String value) implements Comparable<OfficeId> {

  public OfficeId {
    Identifiers.checkValid(value, "office id");
  }

  public static OfficeId of(String value) {
    return new OfficeId(value);
  }

  /** Whether {@code value} would make a valid id, for validating input without exceptions. */
  public static boolean isValid(String value) {
    return Identifiers.isValid(value);
  }

  @Override
  public int compareTo(OfficeId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
