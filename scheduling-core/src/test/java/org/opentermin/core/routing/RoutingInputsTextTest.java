package org.opentermin.core.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Routing inputs are personal data: their text, which may end up in logs, never shows them. */
class RoutingInputsTextTest {

  @Test
  void aCitizensAddressSurnameAndCaseNumberAreHiddenInTheirText() {
    assertThat(Address.of("80331", "Sendlinger Straße", "12a").toString())
        .doesNotContain("80331")
        .doesNotContainIgnoringCase("sendlinger");
    assertThat(SurnameKey.of("Müller", NamePrefixes.KEEP).toString())
        .doesNotContainIgnoringCase("muller");
    assertThat(CaseNumber.of("SBH-12/2027").toString()).doesNotContain("12");
  }
}
