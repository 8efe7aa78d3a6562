package org.opentermin.ports.fairness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opentermin.ports.in.JoinWaitingList;
import org.opentermin.ports.out.WaitingListStore;

/** The use case names an entry's status in its own words; clients see the same names as before. */
class WaitingListStatusTest {

  @ParameterizedTest
  @EnumSource(WaitingListStore.Status.class)
  void everyStoredStatusIsShownUnderItsOwnName(WaitingListStore.Status stored) {
    assertThat(WaitingListService.shown(stored).name()).isEqualTo(stored.name());
  }

  @ParameterizedTest
  @EnumSource(WaitingListStore.Status.class)
  void anEntryIsOpenForTheUseCaseExactlyWhenItIsOpenInTheStore(WaitingListStore.Status stored) {
    assertThat(WaitingListService.shown(stored).isOpen()).isEqualTo(stored.isOpen());
  }

  @Test
  void theUseCaseShowsEveryStatusTheStoreKnowsAndNoOther() {
    assertThat(Arrays.stream(WaitingListStore.Status.values()).map(WaitingListService::shown))
        .containsExactly(JoinWaitingList.Status.values());
  }
}
