package org.opentermin.core.routing;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * German comparison folding shared by surnames and streets: case-insensitive, umlauts as their base
 * letters (as in DIN 5007-1 name lists), "ß" as "ss", other diacritics dropped.
 */
final class GermanFolding {

  private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

  private GermanFolding() {}

  /** Folds {@code text}; characters that are not letters are kept for the caller to interpret. */
  static String fold(String text) {
    // "ß" first: NFD leaves it alone, and its upper-case form "ẞ" lower-cases to it.
    String lower = text.toLowerCase(Locale.ROOT).replace("ß", "ss");
    String stripped =
        COMBINING_MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
    // Letters that NFD does not decompose but that name lists file under a Latin base letter.
    return stripped
        .replace("ł", "l")
        .replace("ø", "o")
        .replace("đ", "d")
        .replace("ı", "i")
        .replace("æ", "ae")
        .replace("œ", "oe");
  }
}
