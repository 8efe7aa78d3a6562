package org.opentermin.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GermanStateTest {

  @ParameterizedTest(name = "\"{0}\" is Bavaria")
  @ValueSource(strings = {"BY", "by", "By", "DE-BY", "de-by", " BY ", " DE-BY "})
  void bavariaIsFoundByItsCodeInAnyCaseWithOrWithoutCountryPrefix(String code) {
    assertThat(GermanState.fromCode(code)).contains(GermanState.BAVARIA);
  }

  @Test
  void codeWithSurroundingBlanksIsTrimmed() {
    assertThat(GermanState.fromCode(" BE ")).contains(GermanState.BERLIN);
  }

  @Test
  void everyStateIsFoundByItsOwnCode() {
    for (GermanState state : GermanState.values()) {
      assertThat(GermanState.fromCode(state.code())).as(state.name()).contains(state);
      assertThat(GermanState.fromCode("DE-" + state.code())).as(state.name()).contains(state);
    }
  }

  @Test
  void theSixteenStatesHaveDistinctIsoCodes() {
    assertThat(Arrays.stream(GermanState.values()).map(GermanState::code))
        .hasSize(16)
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrder(
            "BW", "BY", "BE", "BB", "HB", "HH", "HE", "MV", "NI", "NW", "RP", "SL", "SN", "ST",
            "SH", "TH");
  }

  @ParameterizedTest(name = "\"{0}\" is no state")
  @ValueSource(strings = {"", "  ", "XX", "DE-", "DE-XX", "AT-BY", "Bayern", "BAY", "B", "DEBY"})
  void unknownCodesFindNoState(String code) {
    assertThat(GermanState.fromCode(code)).isEmpty();
  }
}
