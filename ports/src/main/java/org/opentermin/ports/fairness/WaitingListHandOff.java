package org.opentermin.ports.fairness;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import org.opentermin.core.time.DateRange;
import org.opentermin.ports.in.JoinWaitingList;
import org.opentermin.ports.in.ServiceRequest;

/**
 * Puts a lost lottery entry on the office's waiting list for the two weeks from the day it asked
 * for (or that day alone, where the office's horizon ends sooner), so that capacity freed later
 * reaches people who already tried. A refusal (no waiting list at the office, already waiting)
 * leaves the loser where they are: the draw goes on. Thread-safe.
 */
public final class WaitingListHandOff implements LostEntryHandOff {

  /** How far the waiting-list registration reaches from the lottery's day. */
  static final int DAYS_ON_THE_LIST = 14;

  private final JoinWaitingList waitingList;

  public WaitingListHandOff(JoinWaitingList waitingList) {
    this.waitingList = checkNotNull(waitingList, "waitingList");
  }

  @Override
  public void add(Loser loser) {
    ImmutableList<ServiceRequest> services =
        loser.services().stream()
            .map(service -> new ServiceRequest(service.service(), service.persons()))
            .collect(ImmutableList.toImmutableList());
    JoinWaitingList.JoinResult twoWeeks =
        register(
            loser,
            services,
            DateRange.closed(loser.day(), loser.day().plusDays(DAYS_ON_THE_LIST - 1)));
    if (!(twoWeeks instanceof JoinWaitingList.Joined)) {
      register(loser, services, DateRange.ofDay(loser.day()));
    }
  }

  private JoinWaitingList.JoinResult register(
      Loser loser, ImmutableList<ServiceRequest> services, DateRange dates) {
    return waitingList.register(
        new JoinWaitingList.Registration(loser.office(), services, dates, loser.citizen()));
  }
}
