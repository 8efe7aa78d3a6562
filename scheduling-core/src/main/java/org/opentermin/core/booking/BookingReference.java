package org.opentermin.core.booking;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Locale;
import java.util.Optional;
import java.util.function.IntUnaryOperator;

/**
 * The human-friendly reference of a booking: eight characters from an alphabet without look-alikes
 * (no 0/O, 1/I/L), so it can be read out on the phone. Immutable.
 */
public record BookingReference(String value) {

  /** 31 characters: digits 2-9 and capitals without I, L and O. */
  public static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

  public static final int LENGTH = 8;

  public BookingReference {
    checkNotNull(value, "value");
    checkArgument(
        isWellFormed(value), "a booking reference is %s characters of %s", LENGTH, ALPHABET);
  }

  /** A random reference; {@code randomIndex} returns a uniform number in {@code [0, bound)}. */
  public static BookingReference random(IntUnaryOperator randomIndex) {
    StringBuilder value = new StringBuilder(LENGTH);
    for (int i = 0; i < LENGTH; i++) {
      value.append(ALPHABET.charAt(randomIndex.applyAsInt(ALPHABET.length())));
    }
    return new BookingReference(value.toString());
  }

  /** Parses what a citizen typed: case and surrounding blanks do not matter. */
  public static Optional<BookingReference> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String normalized = text.strip().toUpperCase(Locale.ROOT);
    return isWellFormed(normalized)
        ? Optional.of(new BookingReference(normalized))
        : Optional.empty();
  }

  private static boolean isWellFormed(String value) {
    if (value.length() != LENGTH) {
      return false;
    }
    for (int i = 0; i < LENGTH; i++) {
      if (ALPHABET.indexOf(value.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return value;
  }
}
