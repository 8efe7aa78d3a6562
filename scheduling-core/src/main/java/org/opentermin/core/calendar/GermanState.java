package org.opentermin.core.calendar;

import com.google.common.collect.ImmutableMap;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** The sixteen German federal states, with their ISO 3166-2 subdivision codes (without "DE-"). */
public enum GermanState {
  BADEN_WUERTTEMBERG("BW", "Baden-Württemberg"),
  BAVARIA("BY", "Bayern"),
  BERLIN("BE", "Berlin"),
  BRANDENBURG("BB", "Brandenburg"),
  BREMEN("HB", "Bremen"),
  HAMBURG("HH", "Hamburg"),
  HESSE("HE", "Hessen"),
  MECKLENBURG_WESTERN_POMERANIA("MV", "Mecklenburg-Vorpommern"),
  LOWER_SAXONY("NI", "Niedersachsen"),
  NORTH_RHINE_WESTPHALIA("NW", "Nordrhein-Westfalen"),
  RHINELAND_PALATINATE("RP", "Rheinland-Pfalz"),
  SAARLAND("SL", "Saarland"),
  SAXONY("SN", "Sachsen"),
  SAXONY_ANHALT("ST", "Sachsen-Anhalt"),
  SCHLESWIG_HOLSTEIN("SH", "Schleswig-Holstein"),
  THURINGIA("TH", "Thüringen");

  private static final ImmutableMap<String, GermanState> BY_CODE =
      Arrays.stream(values())
          .collect(ImmutableMap.toImmutableMap(GermanState::code, Function.identity()));

  private final String code;
  private final String germanName;

  GermanState(String code, String germanName) {
    this.code = code;
    this.germanName = germanName;
  }

  /** The two-letter code, e.g. {@code BY} for Bavaria. */
  public String code() {
    return code;
  }

  /** The state's name in German, e.g. {@code Bayern}. */
  public String germanName() {
    return germanName;
  }

  /** The state with the two-letter code, case-insensitive, also accepting a {@code DE-} prefix. */
  public static Optional<GermanState> fromCode(String code) {
    String normalized = code.trim().toUpperCase(Locale.ROOT);
    if (normalized.startsWith("DE-")) {
      normalized = normalized.substring(3);
    }
    return Optional.ofNullable(BY_CODE.get(normalized));
  }
}
