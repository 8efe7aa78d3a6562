package org.opentermin.core.worktime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class OfficeClosureTest {

  private static final LocalDate STAFF_OUTING = LocalDate.of(2026, 6, 19);

  @Test
  void reasonOfTwoHundredCharactersIsAccepted() {
    assertThat(new OfficeClosure(STAFF_OUTING, "x".repeat(200)).reason()).hasSize(200);
  }

  @Test
  void reasonOverTwoHundredCharactersIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new OfficeClosure(STAFF_OUTING, "x".repeat(201)))
        .withMessageContaining("200");
  }

  @Test
  void closureNeedsADate() {
    assertThatNullPointerException().isThrownBy(() -> new OfficeClosure(null, "Betriebsausflug"));
  }
}
