package org.opentermin.core.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BookingReferenceTest {

  @Test
  void alphabetHasThirtyOneCharactersWithoutLookAlikes() {
    assertThat(BookingReference.ALPHABET).hasSize(31).doesNotContain("0", "1", "I", "L", "O");
    assertThat(BookingReference.ALPHABET.chars().distinct().count()).isEqualTo(31);
  }

  @Test
  void randomReferenceUsesTheFirstCharacterForIndexZero() {
    assertThat(BookingReference.random(bound -> 0)).isEqualTo(new BookingReference("22222222"));
  }

  @Test
  void randomReferenceUsesTheLastCharacterForTheHighestIndex() {
    assertThat(BookingReference.random(bound -> bound - 1))
        .isEqualTo(new BookingReference("ZZZZZZZZ"));
  }

  @Test
  void randomReferenceAsksForEightIndicesBelowTheAlphabetSize() {
    List<Integer> bounds = new ArrayList<>();

    BookingReference.random(
        bound -> {
          bounds.add(bound);
          return bounds.size();
        });

    assertThat(bounds).hasSize(8).containsOnly(31);
  }

  @Test
  void randomReferenceTakesTheCharactersInTheOrderOfTheIndices() {
    int[] indices = {0, 1, 2, 3, 8, 9, 10, 30};
    int[] next = {0};

    assertThat(BookingReference.random(bound -> indices[next[0]++])).hasToString("2345ABCZ");
  }

  @Test
  void seededRandomReferencesAreEightAlphabetCharactersAndUseTheWholeAlphabet() {
    Random random = new Random(42);
    StringBuilder seen = new StringBuilder();

    for (int i = 0; i < 1_000; i++) {
      String value = BookingReference.random(random::nextInt).value();
      assertThat(value).matches("[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}");
      seen.append(value);
    }

    assertThat(seen.chars().distinct().count()).isEqualTo(31);
  }

  @Test
  void parseNormalisesCaseAndSurroundingBlanks() {
    assertThat(BookingReference.parse("  k7m2qx9p\t\n")).contains(new BookingReference("K7M2QX9P"));
  }

  @Test
  void parseAcceptsMixedCase() {
    assertThat(BookingReference.parse("k7M2qX9p")).contains(new BookingReference("K7M2QX9P"));
  }

  @Test
  void parseAcceptsTheCanonicalForm() {
    assertThat(BookingReference.parse("ABCD2345"))
        .map(BookingReference::value)
        .contains("ABCD2345");
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(
      strings = {
        "K7M2QX9I",
        "K7M2QX9L",
        "K7M2QX9O",
        "K7M2QX90",
        "K7M2QX91",
        "k7m2qx9i",
        "k7m2qx9l",
        "k7m2qx9o"
      })
  void parseRejectsLookAlikeCharacters(String text) {
    assertThat(BookingReference.parse(text)).isEmpty();
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"", "   ", "K7M2QX9", "K7M2QX9PA", "K7M2 QX9P", "K7M2-QX9P", "K7M2QX9?"})
  void parseRejectsWrongLengthAndForeignCharacters(String text) {
    assertThat(BookingReference.parse(text)).isEmpty();
  }

  @Test
  void parseOfNullIsEmpty() {
    assertThat(BookingReference.parse(null)).isEmpty();
  }

  @Test
  void constructorDoesNotNormaliseLowerCase() {
    assertThatIllegalArgumentException().isThrownBy(() -> new BookingReference("k7m2qx9p"));
  }

  @Test
  void constructorRejectsLookAlikes() {
    assertThatIllegalArgumentException().isThrownBy(() -> new BookingReference("K7M2QX9O"));
  }

  @Test
  void textIsTheBareValue() {
    assertThat(new BookingReference("K7M2QX9P")).hasToString("K7M2QX9P");
  }
}
