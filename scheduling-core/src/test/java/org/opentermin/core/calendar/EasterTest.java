package org.opentermin.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EasterTest {

  @ParameterizedTest(name = "Easter {0} falls on {1}")
  @CsvSource({
    "2008, 2008-03-23",
    "2019, 2019-04-21",
    "2024, 2024-03-31",
    "2025, 2025-04-20",
    "2026, 2026-04-05",
    "2027, 2027-03-28",
    // latest possible date
    "2038, 2038-04-25",
    // earliest possible date
    "2285, 2285-03-22",
    "1818, 1818-03-22",
    "1583, 1583-04-10",
    "2000, 2000-04-23"
  })
  void easterSundayOfKnownYears(int year, LocalDate expected) {
    assertThat(Easter.sunday(year)).isEqualTo(expected);
  }

  @Test
  void yearsBeforeTheGregorianReformAreRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Easter.sunday(1582))
        .withMessageContaining("1582");
  }
}
