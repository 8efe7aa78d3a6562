package org.opentermin.ports.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opentermin.ports.contract.ContractFixtures.NOW;
import static org.opentermin.ports.contract.ContractFixtures.OFFICE;
import static org.opentermin.ports.contract.ContractFixtures.OTHER_OFFICE;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentermin.ports.out.HoldRates;

/**
 * Every {@link HoldRates} MUST pass this, as one instance sees its own attempts. Subclasses supply
 * an empty count per test.
 */
public abstract class HoldRatesContract {

  private HoldRates rates;

  /** A new count without any attempts. */
  protected abstract HoldRates newRates();

  @BeforeEach
  void createRates() {
    rates = newRates();
  }

  @Test
  void anOfficeWithoutAttemptsHasNone() {
    assertThat(rates.lastMinute(OFFICE, NOW)).isZero();
  }

  @Test
  void attemptsCountAtOnceAndPerOffice() {
    rates.record(OFFICE, NOW);
    rates.record(OFFICE, NOW);
    rates.record(OFFICE, NOW.plusSeconds(20));
    rates.record(OTHER_OFFICE, NOW.plusSeconds(20));

    assertThat(rates.lastMinute(OFFICE, NOW.plusSeconds(20))).isEqualTo(3);
    assertThat(rates.lastMinute(OTHER_OFFICE, NOW.plusSeconds(20))).isEqualTo(1);
  }

  @Test
  void anAttemptCountsForTheMinuteUpToAndIncludingItsSecondOnly() {
    rates.record(OFFICE, NOW);
    rates.record(OFFICE, NOW.plusSeconds(30));

    assertThat(rates.lastMinute(OFFICE, NOW.plusSeconds(59))).isEqualTo(2);
    assertThat(rates.lastMinute(OFFICE, NOW.plusSeconds(60))).isEqualTo(1);
    assertThat(rates.lastMinute(OFFICE, NOW.plusSeconds(90))).isZero();
  }

  @Test
  void aSecondSeenAgainAfterAMinuteStartsFromZero() {
    rates.record(OFFICE, NOW);
    rates.record(OFFICE, NOW);
    rates.record(OFFICE, NOW.plusSeconds(60));

    assertThat(rates.lastMinute(OFFICE, NOW.plusSeconds(60))).isEqualTo(1);
  }
}
