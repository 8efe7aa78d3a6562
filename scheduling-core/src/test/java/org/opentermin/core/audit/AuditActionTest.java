package org.opentermin.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opentermin.core.booking.AppointmentStatus.CANCELLED;
import static org.opentermin.core.booking.AppointmentStatus.CHECKED_IN;
import static org.opentermin.core.booking.AppointmentStatus.COMPLETED;
import static org.opentermin.core.booking.AppointmentStatus.CONFIRMED;
import static org.opentermin.core.booking.AppointmentStatus.HELD;
import static org.opentermin.core.booking.AppointmentStatus.NO_SHOW;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AuditActionTest {

  @Test
  void confirmingAHoldIsABooking() {
    assertThat(AuditAction.forChange(HELD, CONFIRMED)).isEqualTo(AuditAction.BOOKED);
  }

  @Test
  void statusChangesAreNamedByTheirTarget() {
    assertThat(AuditAction.forChange(CONFIRMED, CANCELLED)).isEqualTo(AuditAction.CANCELLED);
    assertThat(AuditAction.forChange(CHECKED_IN, CANCELLED)).isEqualTo(AuditAction.CANCELLED);
    assertThat(AuditAction.forChange(CONFIRMED, CHECKED_IN)).isEqualTo(AuditAction.CHECKED_IN);
    assertThat(AuditAction.forChange(CHECKED_IN, COMPLETED)).isEqualTo(AuditAction.COMPLETED);
    assertThat(AuditAction.forChange(CONFIRMED, NO_SHOW)).isEqualTo(AuditAction.MARKED_NO_SHOW);
  }

  @Test
  void aChangeThatKeepsTheStatusIsAMove() {
    assertThat(AuditAction.forChange(CONFIRMED, CONFIRMED)).isEqualTo(AuditAction.RESCHEDULED);
  }

  @Test
  void anyOtherChangeIsRecordedAsAChange() {
    assertThat(AuditAction.forChange(NO_SHOW, CONFIRMED)).isEqualTo(AuditAction.CHANGED);
  }

  @Test
  void readsAreTheViewedActionsAndNothingElse() {
    assertThat(Arrays.stream(AuditAction.values()).filter(AuditAction::isRead))
        .containsExactlyInAnyOrder(
            AuditAction.VIEWED_DAY,
            AuditAction.VIEWED_BOOKING,
            AuditAction.VIEWED_HISTORY,
            AuditAction.VIEWED_WAITING_LIST);
  }

  @Test
  void onlyDayListsWaitingListsAndConfigurationConcernAWholeOffice() {
    assertThat(Arrays.stream(AuditAction.values()).filter(action -> !action.concernsOneBooking()))
        .containsExactlyInAnyOrder(
            AuditAction.VIEWED_DAY, AuditAction.VIEWED_WAITING_LIST, AuditAction.CONFIGURED);
  }
}
