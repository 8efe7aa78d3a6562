package org.opentermin.core.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InitialRangeTest {

  private static final InitialRange A_GE = InitialRange.parse("A–Ge");
  private static final InitialRange GF_MA = InitialRange.parse("Gf-Ma");

  private static SurnameKey key(String surname) {
    return SurnameKey.of(surname, NamePrefixes.KEEP);
  }

  @Test
  void upperEndCoversEveryNameStartingWithIt() {
    assertThat(A_GE.contains(key("Gez"))).isTrue();
    assertThat(A_GE.contains(key("Geßner"))).isTrue();
    assertThat(A_GE.contains(key("G"))).isTrue();
    assertThat(A_GE.contains(key("Gf"))).isFalse();
  }

  @Test
  void nextRangeStartsRightAfterGe() {
    assertThat(GF_MA.contains(key("Gfeller"))).isTrue();
    assertThat(GF_MA.contains(key("Gez"))).isFalse();
    assertThat(GF_MA.contains(key("Maier"))).isTrue();
    assertThat(GF_MA.contains(key("Mb"))).isFalse();
  }

  @Test
  void mullerFilesUnderMAndArgerUnderA() {
    assertThat(InitialRange.parse("Mb–Z").contains(key("Müller"))).isTrue();
    assertThat(A_GE.contains(key("Ärger"))).isTrue();
  }

  @Test
  void parsesDashesSpacesAndUmlautsAndPrintsAsWritten() {
    assertThat(InitialRange.parse(" gf - ma ")).isEqualTo(GF_MA);
    assertThat(InitialRange.parse("Ä–Öz")).isEqualTo(new InitialRange("a", "oz"));
    assertThat(A_GE).hasToString("A–Ge");
  }

  @Test
  void rangeThatEndsBeforeItStartsIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> InitialRange.parse("Gf–Ge"))
        .withMessageContaining("Gf–Ge");
    assertThatIllegalArgumentException().isThrownBy(() -> InitialRange.parse("M–A"));
    assertThat(InitialRange.parse("Ge–G").contains(key("Gez"))).isTrue();
  }

  @Test
  void malformedRangesAreRejected() {
    assertThatIllegalArgumentException().isThrownBy(() -> InitialRange.parse("A"));
    assertThatIllegalArgumentException().isThrownBy(() -> InitialRange.parse("A–B–C"));
    assertThatIllegalArgumentException().isThrownBy(() -> InitialRange.parse("1–9"));
  }

  @Test
  void neighbouringRangesDoNotOverlapButSharedLettersDo() {
    assertThat(A_GE.overlaps(GF_MA)).isFalse();
    assertThat(A_GE.overlaps(InitialRange.parse("Ge–K"))).isTrue();
    assertThat(InitialRange.parse("A–Gz").overlaps(InitialRange.parse("H–Z"))).isFalse();
    assertThat(InitialRange.parse("A–G").overlaps(InitialRange.parse("Gz–Z"))).isTrue();
  }

  @Test
  void gapBetweenGeAndGhIsGf() {
    List<InitialRange.Gap> gaps = InitialRange.gaps(List.of(A_GE, InitialRange.parse("Gh–Z")));

    assertThat(gaps).containsExactly(new InitialRange.Gap("gf", Optional.of("gh")));
  }

  @Test
  void rangesUpToZLeaveNoGapAndMissingEndsAreGaps() {
    assertThat(InitialRange.gaps(List.of(InitialRange.parse("Mb–Z"), GF_MA, A_GE))).isEmpty();
    assertThat(InitialRange.gaps(List.of(GF_MA)))
        .containsExactly(
            new InitialRange.Gap("a", Optional.of("gf")),
            new InitialRange.Gap("mb", Optional.empty()));
  }
}
