package org.opentermin.core.catalog;

/**
 * Identifies a team: 1 to 64 letters, digits, {@code -} or {@code _}, starting with a letter or
 * digit, so it can appear in URLs unescaped. Immutable.
 */
public record TeamId(String value) implements Comparable<TeamId> {

  public TeamId {
    Identifiers.checkValid(value, "team id");
  }

  public static TeamId of(String value) {
    return new TeamId(value);
  }

  /** Whether {@code value} would make a valid id, for validating input without exceptions. */
  public static boolean isValid(String value) {
    return Identifiers.isValid(value);
  }

  @Override
  public int compareTo(TeamId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
