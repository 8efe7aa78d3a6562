package org.opentermin.core.availability;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;

/** The free slots of one local day, sorted by start, never empty. Immutable. */
public record DayAvailability(LocalDate date, ImmutableList<Slot> slots) {

  public DayAvailability {
    checkNotNull(date, "date");
    slots = ImmutableList.copyOf(checkNotNull(slots, "slots"));
    checkArgument(!slots.isEmpty(), "a day's availability lists at least one slot");
  }
}
