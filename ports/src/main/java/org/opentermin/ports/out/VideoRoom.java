package org.opentermin.ports.out;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Instant;
import org.opentermin.core.booking.VideoLink;
import org.opentermin.core.catalog.OfficeId;

/**
 * Opens a video room for each video appointment when it is confirmed, and answers with the link
 * citizen and caseworker use to join. The link is stored with the booking and kept when it moves.
 *
 * <p>An implementation gets only what a video service may know, never the citizen or the service
 * (which may be sensitive), and its links must carry neither: they are shown to the citizen, go
 * into calendar files and often into cloud calendars. A link must be unguessable, because whoever
 * knows it can join. Implementations are thread-safe.
 */
public interface VideoRoom {

  /** A new room for {@code meeting} and the link to join it. */
  VideoLink open(Meeting meeting);

  /** When and at which office a video appointment takes place. Immutable. */
  record Meeting(OfficeId office, Instant start, Instant end) {
    public Meeting {
      checkNotNull(office, "office");
      checkNotNull(start, "start");
      checkNotNull(end, "end");
      checkArgument(start.isBefore(end), "a meeting ends after it starts");
    }
  }
}
