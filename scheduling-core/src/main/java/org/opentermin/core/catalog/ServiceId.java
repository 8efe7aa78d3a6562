package org.opentermin.core.catalog;

/**
 * Identifies a service: 1 to 64 letters, digits, {@code -} or {@code _}, starting with a letter or
 * digit, so it can appear in URLs unescaped. Immutable.
 */
public record ServiceId(String value) implements Comparable<ServiceId> {

  public ServiceId {
    Identifiers.checkValid(value, "service id");
  }

  public static ServiceId of(String value) {
    return new ServiceId(value);
  }

  /** Whether {@code value} would make a valid id, for validating input without exceptions. */
  public static boolean isValid(String value) {
    return Identifiers.isValid(value);
  }

  @Override
  public int compareTo(ServiceId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
