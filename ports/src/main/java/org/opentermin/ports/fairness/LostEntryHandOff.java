package org.opentermin.ports.fairness;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import org.opentermin.core.booking.BookedService;
import org.opentermin.core.booking.Citizen;
import org.opentermin.core.catalog.OfficeId;

/**
 * Where a lost lottery entry goes when its citizen asked for the waiting list: the hand-over from
 * the lottery to the waiting list, which the app wires ({@link WaitingListHandOff}). Called once
 * per such entry, after the entry is recorded as lost; the lottery's store forgets the citizen's
 * data afterwards, so the waiting list keeps what it needs. Implementations are thread-safe and
 * must not throw for a business refusal (e.g. a full list): the draw goes on either way.
 */
@FunctionalInterface
public interface LostEntryHandOff {

  /** Nobody is put on a waiting list: for offices or apps without one. */
  LostEntryHandOff NONE = loser -> {};

  void add(Loser loser);

  /**
   * A lost entry: the office, what and for which day the citizen asked, and who.
   *
   * @param entryId the lottery entry's public id, for the record
   */
  record Loser(
      OfficeId office,
      ImmutableList<BookedService> services,
      LocalDate day,
      Citizen citizen,
      String entryId) {
    public Loser {
      checkNotNull(office, "office");
      services = ImmutableList.copyOf(checkNotNull(services, "services"));
      checkNotNull(day, "day");
      checkNotNull(citizen, "citizen");
      checkNotNull(entryId, "entryId");
    }
  }
}
