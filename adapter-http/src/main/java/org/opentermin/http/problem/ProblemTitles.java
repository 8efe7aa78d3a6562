package org.opentermin.http.problem;

import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The titles of problem types in English or German, chosen by the request's {@code
 * Accept-Language}. Titles live in {@code problems.properties} and {@code problems_de.properties}.
 */
public final class ProblemTitles {

  public static final String TYPE_BASE = "https://opentermin.org/problems/";

  private static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.GERMAN);
  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private ProblemTitles() {}

  public static String title(String type, String acceptLanguage) {
    ResourceBundle bundle =
        ResourceBundle.getBundle(
            "org.opentermin.http.problems", locale(acceptLanguage), NO_FALLBACK);
    try {
      return bundle.getString(type);
    } catch (MissingResourceException unknownType) {
      return bundle.getString("internal-error");
    }
  }

  /**
   * The best supported language for the header; English when nothing fits or the header is
   * malformed.
   */
  public static Locale locale(String acceptLanguage) {
    if (acceptLanguage == null || acceptLanguage.isBlank()) {
      return Locale.ENGLISH;
    }
    try {
      Locale best = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), SUPPORTED);
      return best == null ? Locale.ENGLISH : best;
    } catch (IllegalArgumentException malformed) {
      return Locale.ENGLISH;
    }
  }
}
