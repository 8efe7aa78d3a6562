package org.opentermin.core.catalog;

/**
 * Identifies a resource: 1 to 64 letters, digits, {@code -} or {@code _}, starting with a letter or
 * digit, so it can appear in URLs unescaped. Immutable.
 */
public record ResourceId(String value) implements Comparable<ResourceId> {

  public ResourceId {
    Identifiers.checkValid(value, "resource id");
  }

  public static ResourceId of(String value) {
    return new ResourceId(value);
  }

  /** Whether {@code value} would make a valid id, for validating input without exceptions. */
  public static boolean isValid(String value) {
    return Identifiers.isValid(value);
  }

  @Override
  public int compareTo(ResourceId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
