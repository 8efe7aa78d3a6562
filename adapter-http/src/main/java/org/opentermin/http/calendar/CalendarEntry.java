package org.opentermin.http.calendar;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * What a calendar file says about one booking: an appointment in {@code [start, end)}, shown in the
 * office's {@code zone}.
 *
 * <p>{@code uid} stays the same for every version of the booking, and {@code sequence} grows with
 * each change, so that a calendar replaces the earlier version instead of adding a second
 * appointment. {@code stamp} is when this version was made, taken from the caller's clock.
 *
 * <p>The text ends up on the citizen's devices and often in a cloud calendar: summary, location and
 * description name the office and what to bring, never the citizen, a case number or the matter.
 * {@code url} is where the appointment takes place online, e.g. a video room.
 *
 * <p>Immutable and thread-safe.
 */
public record CalendarEntry(
    String uid,
    int sequence,
    Instant stamp,
    Instant start,
    Instant end,
    ZoneId zone,
    String summary,
    Optional<String> location,
    String description,
    boolean cancelled,
    Optional<URI> url) {

  public CalendarEntry {
    checkNotNull(uid, "uid");
    checkArgument(!uid.isBlank(), "uid must not be blank");
    checkArgument(sequence >= 0, "sequence must not be negative: %s", sequence);
    checkNotNull(stamp, "stamp");
    checkNotNull(start, "start");
    checkNotNull(end, "end");
    checkArgument(start.isBefore(end), "start %s must be before end %s", start, end);
    checkNotNull(zone, "zone");
    // A fixed offset has no VTIMEZONE and would show the wrong time after a DST change.
    checkArgument(!(zone instanceof ZoneOffset), "zone must be a region, not an offset: %s", zone);
    checkNotNull(summary, "summary");
    checkArgument(!summary.isBlank(), "summary must not be blank");
    checkNotNull(location, "location");
    checkArgument(
        location.map(l -> !l.isBlank()).orElse(true), "location, if given, must not be blank");
    checkNotNull(description, "description");
    checkNotNull(url, "url");
    url.ifPresent(link -> checkArgument(link.isAbsolute(), "url must be absolute: %s", link));
  }

  /** An entry without a URL. */
  public CalendarEntry(
      String uid,
      int sequence,
      Instant stamp,
      Instant start,
      Instant end,
      ZoneId zone,
      String summary,
      Optional<String> location,
      String description,
      boolean cancelled) {
    this(
        uid,
        sequence,
        stamp,
        start,
        end,
        zone,
        summary,
        location,
        description,
        cancelled,
        Optional.empty());
  }
}
