package org.opentermin.core.routing;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A range of surname initials such as {@code A–Ge}: it holds every {@link SurnameKey} that is at
 * least {@code from} and whose first {@code to.length()} letters are at most {@code to}, so that
 * {@code Ge} covers every name starting with "ge" ("Gez" is in {@code A–Ge}) and {@code Gf–Ma}
 * starts right after it. Both ends are inclusive, unlike the half-open intervals elsewhere, because
 * that is how every municipality writes these ranges and {@code Z} has nothing after it. Immutable.
 *
 * @param from folded lower-case letters a to z, at most 10
 * @param to folded lower-case letters a to z, at most 10; the range must hold at least one name
 */
public record InitialRange(String from, String to) {

  /**
   * Above every string of the letters a to z; marks a range that runs to the end of the alphabet.
   */
  private static final String END = "{";

  private static final Pattern ENDPOINT = Pattern.compile("[a-z]{1,10}");
  private static final Pattern DASH = Pattern.compile("\\s*[-–—]\\s*");

  /** The whole alphabet. */
  public static final InitialRange ALL = new InitialRange("a", "z");

  public InitialRange {
    checkNotNull(from, "from");
    checkNotNull(to, "to");
    from = GermanFolding.fold(from.strip());
    to = GermanFolding.fold(to.strip());
    checkArgument(
        ENDPOINT.matcher(from).matches(),
        "an initial range starts with 1 to 10 letters A to Z: '%s'",
        from);
    checkArgument(
        ENDPOINT.matcher(to).matches(),
        "an initial range ends with 1 to 10 letters A to Z: '%s'",
        to);
    checkArgument(
        truncate(from, to.length()).compareTo(to) <= 0,
        "an initial range must not end before it starts: '%s–%s'",
        capitalise(from),
        capitalise(to));
  }

  /**
   * Parses {@code A–Ge}, {@code a-ge} or {@code Gf - Ma}; the ends are separated by a hyphen or
   * dash.
   */
  public static InitialRange parse(String text) {
    checkNotNull(text, "text");
    String[] ends = DASH.split(text.strip(), -1);
    checkArgument(ends.length == 2, "an initial range looks like 'A–Ge': '%s'", text);
    return new InitialRange(ends[0], ends[1]);
  }

  /** Whether the surname files under this range. */
  public boolean contains(SurnameKey surname) {
    checkNotNull(surname, "surname");
    String key = surname.value();
    return key.compareTo(from) >= 0 && truncate(key, to.length()).compareTo(to) <= 0;
  }

  /** Whether some surname of the letters a to z files under both ranges. */
  public boolean overlaps(InitialRange other) {
    checkNotNull(other, "other");
    String lower = max(from, other.from);
    String upper = min(upperExclusive(), other.upperExclusive());
    return lower.compareTo(upper) < 0;
  }

  /**
   * The stretches of the alphabet that none of {@code ranges} covers, in order. Seen as strings of
   * the letters a to z, a range is the half-open interval from {@code from} to the first string
   * after everything starting with {@code to}; that makes the coverage a plain interval sweep.
   */
  static ImmutableList<Gap> gaps(Collection<InitialRange> ranges) {
    List<InitialRange> sorted = new ArrayList<>(ranges);
    sorted.sort(Comparator.comparing(InitialRange::from));
    List<Gap> gaps = new ArrayList<>();
    String covered = "a";
    for (InitialRange range : sorted) {
      if (range.from.compareTo(covered) > 0) {
        gaps.add(new Gap(covered, Optional.of(range.from)));
      }
      covered = max(covered, range.upperExclusive());
      if (covered.equals(END)) {
        return ImmutableList.copyOf(gaps);
      }
    }
    gaps.add(new Gap(covered, Optional.empty()));
    return ImmutableList.copyOf(gaps);
  }

  /**
   * Surnames from {@code from} up to but not including {@code before}, or to the end of the
   * alphabet.
   */
  record Gap(String from, Optional<String> before) {

    @Override
    public String toString() {
      return before
          .map(
              end ->
                  "surnames from '"
                      + capitalise(from)
                      + "' up to but not including '"
                      + capitalise(end)
                      + "'")
          .orElseGet(() -> "surnames from '" + capitalise(from) + "' to the end of the alphabet");
    }
  }

  /**
   * The first string after every string that starts with {@code to}: "ge" gives "gf", "gz" gives
   * "h".
   */
  private String upperExclusive() {
    int last = to.length() - 1;
    while (last >= 0 && to.charAt(last) == 'z') {
      last--;
    }
    if (last < 0) {
      return END;
    }
    return to.substring(0, last) + (char) (to.charAt(last) + 1);
  }

  private static String truncate(String text, int length) {
    return text.length() <= length ? text : text.substring(0, length);
  }

  private static String max(String a, String b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static String min(String a, String b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  static String capitalise(String letters) {
    return Character.toUpperCase(letters.charAt(0)) + letters.substring(1);
  }

  /** As municipalities write it, for example {@code A–Ge}. */
  @Override
  public String toString() {
    return capitalise(from) + "–" + capitalise(to);
  }
}
