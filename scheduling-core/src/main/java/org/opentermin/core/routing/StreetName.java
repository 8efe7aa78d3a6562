package org.opentermin.core.routing;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.regex.Pattern;

/**
 * A street name as it is compared: folded the German way (case, umlauts, "ß"), "Str." / "Str" /
 * "Straße" / "Strasse" written the same, and everything but letters and digits left out, so that
 * "Hauptstr." matches "Haupt-Straße". Immutable.
 *
 * @param key folded lower-case letters and digits
 */
public record StreetName(String key) {

  private static final Pattern KEY = Pattern.compile("[\\p{L}\\p{N}]+");
  // "str" as an abbreviation: followed by a dot or by no further letter ("Hauptstr", "Str. des 17.
  // Juni").
  private static final Pattern ABBREVIATED_STREET = Pattern.compile("str(?:\\.|(?!\\p{L}))");
  private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");

  public StreetName {
    checkNotNull(key, "key");
    checkArgument(KEY.matcher(key).matches(), "a street key is letters and digits: '%s'", key);
  }

  /** The street as written by a citizen or in a rule. */
  public static StreetName of(String street) {
    checkNotNull(street, "street");
    String folded = ABBREVIATED_STREET.matcher(GermanFolding.fold(street)).replaceAll("strasse");
    String key = NOT_LETTER_OR_DIGIT.matcher(folded).replaceAll("");
    checkArgument(!key.isEmpty(), "a street needs letters or digits: '%s'", street);
    return new StreetName(key);
  }

  @Override
  public String toString() {
    return key;
  }
}
