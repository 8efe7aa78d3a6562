package org.opentermin.core.catalog;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableSet;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import org.opentermin.core.calendar.GermanState;
import org.opentermin.core.calendar.HolidayRegion;

/**
 * A place where citizens are served (Standort, Dienststelle, Sozialbürgerhaus), with its own time
 * zone, holidays, slot grid, booking horizon and hold duration. Immutable.
 *
 * @param slotMinutes the grid on which appointments may start, in local time: one of {@link
 *     #SLOT_GRIDS}
 * @param holdDuration how long a hold keeps its claim while the citizen fills in the form
 * @param address where citizens find the office, as one line of text to show
 */
public record Office(
    OfficeId id,
    String name,
    ZoneId zone,
    HolidayRegion holidayRegion,
    int slotMinutes,
    BookingHorizon horizon,
    Duration holdDuration,
    Optional<String> address) {

  /** The slot grids an office may choose, in minutes; each divides an hour. */
  public static final ImmutableSet<Integer> SLOT_GRIDS = ImmutableSet.of(5, 10, 15, 20, 30);

  /** The hold duration offices get unless they choose another. */
  public static final Duration DEFAULT_HOLD_DURATION = Duration.ofMinutes(10);

  /** The longest address text. */
  public static final int MAXIMUM_ADDRESS_LENGTH = 300;

  /** The longest hold an office may configure. */
  public static final Duration MAXIMUM_HOLD_DURATION = Duration.ofMinutes(60);

  public Office {
    checkNotNull(id, "id");
    checkNotNull(name, "name");
    checkArgument(
        !name.isBlank() && name.length() <= 200, "office name must have 1 to 200 characters");
    checkNotNull(zone, "zone");
    checkNotNull(holidayRegion, "holidayRegion");
    checkArgument(
        SLOT_GRIDS.contains(slotMinutes),
        "slot grid must be one of %s minutes, not %s",
        SLOT_GRIDS,
        slotMinutes);
    checkNotNull(horizon, "horizon");
    checkNotNull(holdDuration, "holdDuration");
    checkArgument(
        holdDuration.compareTo(Duration.ofMinutes(1)) >= 0
            && holdDuration.compareTo(MAXIMUM_HOLD_DURATION) <= 0,
        "hold duration must be between 1 and %s minutes, not %s",
        MAXIMUM_HOLD_DURATION.toMinutes(),
        holdDuration);
    checkNotNull(address, "address");
    address.ifPresent(
        text ->
            checkArgument(
                !text.isBlank() && text.length() <= MAXIMUM_ADDRESS_LENGTH,
                "office address must have 1 to %s characters",
                MAXIMUM_ADDRESS_LENGTH));
  }

  /** An office without an address on record. */
  public Office(
      OfficeId id,
      String name,
      ZoneId zone,
      HolidayRegion holidayRegion,
      int slotMinutes,
      BookingHorizon horizon,
      Duration holdDuration) {
    this(id, name, zone, holidayRegion, slotMinutes, horizon, holdDuration, Optional.empty());
  }

  /** This office at {@code newAddress}. */
  public Office withAddress(String newAddress) {
    return new Office(
        id, name, zone, holidayRegion, slotMinutes, horizon, holdDuration, Optional.of(newAddress));
  }

  /** The federal state whose holidays the office keeps. */
  public GermanState state() {
    return holidayRegion.state();
  }
}
