package org.opentermin.core.routing;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A house number with an optional letter suffix, such as {@code 12a}. Rules compare only the {@code
 * number}: "12a" lies where "12" lies, in range and parity, because municipalities split streets by
 * number and a suffixed house stands on the plot of its number. Immutable.
 *
 * @param number 1 to 99999
 * @param suffix empty or one lower-case letter
 */
public record HouseNumber(int number, String suffix) {

  private static final Pattern TEXT = Pattern.compile("([0-9]{1,5})\\s*[-/]?\\s*([A-Za-z]?)");

  public HouseNumber {
    checkArgument(number >= 1 && number <= 99_999, "a house number is 1 to 99999, not %s", number);
    checkNotNull(suffix, "suffix");
    checkArgument(
        suffix.matches("[a-z]?"),
        "a house number suffix is empty or one lower-case letter: '%s'",
        suffix);
  }

  /** Parses "12", "12a", "12 A" or "12-a". */
  public static HouseNumber parse(String text) {
    checkNotNull(text, "text");
    Matcher matcher = TEXT.matcher(text.strip());
    checkArgument(matcher.matches(), "a house number looks like '12' or '12a': '%s'", text);
    return new HouseNumber(
        Integer.parseInt(matcher.group(1)), matcher.group(2).toLowerCase(Locale.ROOT));
  }

  @Override
  public String toString() {
    return number + suffix;
  }
}
