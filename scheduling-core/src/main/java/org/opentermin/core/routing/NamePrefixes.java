package org.opentermin.core.routing;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableList;
import java.util.Comparator;
import java.util.List;

/**
 * Name prefixes ("von", "van der", ...) that an office ignores when filing surnames, so that "von
 * Trapp" files under T; an office that keeps prefixes uses {@link #KEEP} and files it under V.
 * Prefixes are stored folded, as words separated by one space, longest (most words) first, because
 * "von der Heide" must lose "von der" and not only "von". Immutable and thread-safe.
 *
 * @param ignored folded prefixes, each one or more whole words; duplicates removed
 */
public record NamePrefixes(ImmutableList<String> ignored) {

  // Declared before the constants below, whose construction splits words.
  private static final Splitter WORDS = Splitter.onPattern("[^\\p{L}]+").omitEmptyStrings();

  /** Prefixes are part of the surname: "von Trapp" files under V. */
  public static final NamePrefixes KEEP = new NamePrefixes(ImmutableList.of());

  /** The prefixes most often met in German offices. */
  public static final NamePrefixes COMMON =
      ignoring(
          "von",
          "von der",
          "von dem",
          "von den",
          "vom",
          "von und zu",
          "zu",
          "zum",
          "zur",
          "van",
          "van der",
          "van den",
          "van de",
          "de",
          "de la",
          "del",
          "della",
          "di",
          "da",
          "le",
          "la",
          "ter",
          "ten",
          "den",
          "der");

  public NamePrefixes {
    checkNotNull(ignored, "ignored");
    ignored =
        ignored.stream()
            .map(
                prefix -> {
                  checkNotNull(prefix, "prefix");
                  List<String> words = words(prefix);
                  checkArgument(
                      !words.isEmpty(), "a name prefix needs at least one letter: '%s'", prefix);
                  return String.join(" ", words);
                })
            .distinct()
            .sorted(
                Comparator.comparingInt((String prefix) -> words(prefix).size())
                    .reversed()
                    .thenComparing(Comparator.naturalOrder()))
            .collect(ImmutableList.toImmutableList());
  }

  /** An office that ignores {@code prefixes} when filing surnames. */
  public static NamePrefixes ignoring(String... prefixes) {
    return new NamePrefixes(ImmutableList.copyOf(prefixes));
  }

  /**
   * The words of {@code folded} without its longest ignored prefix; a prefix counts only as whole
   * leading words and only if a word remains, so "Vonderau" and a surname that is just "van" stay.
   */
  ImmutableList<String> strip(List<String> foldedWords) {
    for (String prefix : ignored) {
      List<String> prefixWords = words(prefix);
      if (foldedWords.size() > prefixWords.size()
          && foldedWords.subList(0, prefixWords.size()).equals(prefixWords)) {
        return ImmutableList.copyOf(foldedWords.subList(prefixWords.size(), foldedWords.size()));
      }
    }
    return ImmutableList.copyOf(foldedWords);
  }

  /** The folded words of {@code text}; hyphens, apostrophes, spaces and digits separate words. */
  static ImmutableList<String> words(String text) {
    return ImmutableList.copyOf(WORDS.split(GermanFolding.fold(text)));
  }
}
