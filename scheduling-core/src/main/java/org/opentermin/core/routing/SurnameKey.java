package org.opentermin.core.routing;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.regex.Pattern;

/**
 * A surname as offices compare it: folded the German way (case ignored, "Müller" as "muller",
 * "Strauß" as "strauss", other accents dropped), an ignored {@link NamePrefixes prefix} removed,
 * and everything that is not a letter (hyphens, apostrophes, spaces) left out. {@link #toString()}
 * hides the name, as personal data. Immutable.
 *
 * @param value one or more lower-case letters
 */
public record SurnameKey(String value) implements Comparable<SurnameKey> {

  private static final Pattern LETTERS = Pattern.compile("\\p{L}+");

  public SurnameKey {
    checkNotNull(value, "value");
    checkArgument(
        LETTERS.matcher(value).matches(), "a surname key must be one or more letters: '%s'", value);
    checkArgument(
        GermanFolding.fold(value).equals(value), "a surname key must be folded: '%s'", value);
  }

  /**
   * The key of {@code surname} for an office that handles name prefixes as {@code prefixes} says.
   */
  public static SurnameKey of(String surname, NamePrefixes prefixes) {
    checkNotNull(surname, "surname");
    checkNotNull(prefixes, "prefixes");
    String key = String.join("", prefixes.strip(NamePrefixes.words(surname)));
    checkArgument(!key.isEmpty(), "a surname needs at least one letter: '%s'", surname);
    return new SurnameKey(key);
  }

  @Override
  public int compareTo(SurnameKey other) {
    return value.compareTo(other.value);
  }

  /** Never the name: keys pass through routing decisions, which may be logged. */
  @Override
  public String toString() {
    return "SurnameKey[hidden]";
  }
}
