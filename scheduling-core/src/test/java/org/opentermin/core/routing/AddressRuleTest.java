package org.opentermin.core.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.opentermin.core.catalog.OfficeId;

class AddressRuleTest {

  private static final OfficeId MITTE = OfficeId.of("mitte");

  @Test
  void streetSpellingsAreUnified() {
    assertThat(StreetName.of("Hauptstr.")).isEqualTo(StreetName.of("Haupt-Straße"));
    assertThat(StreetName.of("HAUPTSTRASSE")).isEqualTo(StreetName.of("Hauptstr"));
    assertThat(StreetName.of("Müllerstraße").key()).isEqualTo("mullerstrasse");
    assertThat(StreetName.of("Str. des 17. Juni").key()).isEqualTo("strassedes17juni");
    assertThat(StreetName.of("Strandweg").key()).isEqualTo("strandweg");
  }

  @Test
  void oddSideTakesOddNumbersWithSuffixesByTheirNumber() {
    AddressRule oddSide =
        AddressRule.of("line 2", "80331", "Hauptstraße", 1, 99, Parity.ODD, MITTE);

    assertThat(oddSide.matches(Address.of("80331", "Hauptstr.", "13"))).isTrue();
    assertThat(oddSide.matches(Address.of("80331", "Hauptstr.", "13a"))).isTrue();
    assertThat(oddSide.matches(Address.of("80331", "Hauptstr.", "12a"))).isFalse();
    assertThat(oddSide.matches(Address.of("80331", "Hauptstr.", "101"))).isFalse();
    assertThat(oddSide.matches(Address.of("80331", "Hauptstr."))).isFalse();
    assertThat(oddSide.matches(Address.of("80333", "Hauptstr.", "13"))).isFalse();
  }

  @Test
  void rangeEndsAreInclusive() {
    AddressRule evenSide =
        AddressRule.of("line 3", "80331", "Hauptstraße", 2, 12, Parity.EVEN, MITTE);

    assertThat(evenSide.matches(Address.of("80331", "Hauptstraße", "2"))).isTrue();
    assertThat(evenSide.matches(Address.of("80331", "Hauptstraße", "12 B"))).isTrue();
    assertThat(evenSide.matches(Address.of("80331", "Hauptstraße", "14"))).isFalse();
  }

  @Test
  void houseNumbersParseWithSuffix() {
    assertThat(HouseNumber.parse("12a")).isEqualTo(new HouseNumber(12, "a"));
    assertThat(HouseNumber.parse(" 12 A ")).isEqualTo(new HouseNumber(12, "a"));
    assertThat(HouseNumber.parse("7")).isEqualTo(new HouseNumber(7, ""));
    assertThatIllegalArgumentException().isThrownBy(() -> HouseNumber.parse("12ab"));
    assertThatIllegalArgumentException().isThrownBy(() -> HouseNumber.parse("0"));
  }

  @Test
  void oddAndEvenSidesNeverOverlapButSameSidesDo() {
    HouseNumberRange odd = new HouseNumberRange(1, 99, Parity.ODD);

    assertThat(odd.overlaps(new HouseNumberRange(1, 99, Parity.EVEN))).isFalse();
    assertThat(odd.overlaps(new HouseNumberRange(98, 120, Parity.ALL))).isTrue();
    assertThat(odd.overlaps(new HouseNumberRange(98, 98, Parity.ALL))).isFalse();
    assertThat(odd.overlaps(new HouseNumberRange(99, 200, Parity.ODD))).isTrue();
  }

  @Test
  void invalidRulesAndCodesAreRejected() {
    assertThatIllegalArgumentException().isThrownBy(() -> PostalCode.of("8033"));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new HouseNumberRange(2, 2, Parity.ODD))
        .withMessageContaining("no ODD");
    assertThatIllegalArgumentException().isThrownBy(() -> new HouseNumberRange(10, 2, Parity.ALL));
  }
}
