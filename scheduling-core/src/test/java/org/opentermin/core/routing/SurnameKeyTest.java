package org.opentermin.core.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class SurnameKeyTest {

  private static SurnameKey kept(String surname) {
    return SurnameKey.of(surname, NamePrefixes.KEEP);
  }

  @Test
  void umlautsCountAsTheirBaseLetters() {
    assertThat(kept("Ärger")).isEqualTo(kept("Arger"));
    assertThat(kept("Müller").value()).isEqualTo("muller");
    assertThat(kept("ÖZTÜRK").value()).isEqualTo("ozturk");
  }

  @Test
  void sharpSIsDoubleS() {
    assertThat(kept("Strauß")).isEqualTo(kept("Strauss"));
    assertThat(kept("STRAUẞ")).isEqualTo(kept("strauss"));
  }

  @Test
  void otherDiacriticsAreDroppedAndPunctuationIgnored() {
    assertThat(kept("Ćosić").value()).isEqualTo("cosic");
    assertThat(kept("Łukasz").value()).isEqualTo("lukasz");
    assertThat(kept("Müller-Lüdenscheidt").value()).isEqualTo("mullerludenscheidt");
    assertThat(kept("O'Neill").value()).isEqualTo("oneill");
  }

  @Test
  void vonTrappFilesUnderVWhenPrefixesAreKept() {
    assertThat(kept("von Trapp").value()).isEqualTo("vontrapp");
  }

  @Test
  void vonTrappFilesUnderTWhenPrefixesAreIgnored() {
    assertThat(SurnameKey.of("von Trapp", NamePrefixes.COMMON).value()).isEqualTo("trapp");
  }

  @Test
  void longestPrefixIsRemovedFirst() {
    NamePrefixes prefixes = NamePrefixes.ignoring("von", "von der");

    assertThat(SurnameKey.of("von der Heide", prefixes).value()).isEqualTo("heide");
    assertThat(prefixes.ignored()).containsExactly("von der", "von");
  }

  @Test
  void prefixesCountOnlyAsWholeWordsAndNeverTheWholeName() {
    NamePrefixes prefixes = NamePrefixes.ignoring("von", "van", "de");

    assertThat(SurnameKey.of("Vonderau", prefixes).value()).isEqualTo("vonderau");
    assertThat(SurnameKey.of("Dehmel", prefixes).value()).isEqualTo("dehmel");
    assertThat(SurnameKey.of("Van", prefixes).value()).isEqualTo("van");
    assertThat(SurnameKey.of("VAN  Gogh", prefixes).value()).isEqualTo("gogh");
  }

  @Test
  void surnameWithoutLettersIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> kept(" - ' "))
        .withMessageContaining("at least one letter");
  }
}
