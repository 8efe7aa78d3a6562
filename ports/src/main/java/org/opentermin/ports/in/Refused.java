package org.opentermin.ports.in;

import static com.google.common.base.Preconditions.checkNotNull;

import org.opentermin.core.booking.RefusalReason;

/**
 * A use case said no: the reason, and a detail in plain English that may be shown to the caller
 * (never personal data). Immutable.
 */
public record Refused(RefusalReason reason, String detail)
    implements AvailabilityResult,
        FirstSlotResult,
        HoldResult,
        BookingResult,
        ChangeResult,
        GetChallenge.ChallengeResult,
        EnterLottery.EntryResult,
        EnterLottery.DrawsResult,
        ResolveResponsibility.ResponsibilityResult,
        ConfigureResponsibility.Outcome,
        ViewDay.DayResult {

  public Refused {
    checkNotNull(reason, "reason");
    checkNotNull(detail, "detail");
  }
}
