package org.opentermin.ports.in;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.opentermin.core.booking.BookingReference;
import org.opentermin.core.booking.Citizen;
import org.opentermin.core.catalog.OfficeId;

/**
 * Citizens enter the lottery of an office's release wave instead of racing for its opening second
 * (ADR 005): entries are collected for {@code entryWindow} before the wave opens, drawn at its
 * opening in a seeded order that anyone can recompute once the seed is revealed, and won entries
 * are booked, one per identity. The token an entry gets is the manage token of its booking if it
 * wins.
 */
public interface EnterLottery {

  /**
   * Enters the lottery of the wave of {@code command.day()} whose entries are open now. Refused
   * when the office has no lottery for the services ({@code NOT_PERMITTED}), no entry window for
   * the day is open now ({@code NOT_YET_RELEASED}, the detail says when entries open; {@code
   * TOO_LATE} once every wave of the day is drawn), the same person entered this draw already
   * ({@code ALREADY_EXISTS}), the citizen has no valid email or phone or a service is unknown
   * ({@code INVALID_REQUEST}), or the office is unknown ({@code NOT_FOUND}).
   */
  EntryResult enter(Command command);

  /** The entry's state; empty when the entry is unknown or the token does not match, alike. */
  Optional<EntryStatus> find(String entryId, String entryToken);

  /** The public audit view of one draw; empty when the office has no such draw. */
  Optional<DrawView> draw(OfficeId office, LocalDate day, int wave);

  /** The audit views of every wave of {@code day} at the office, or why there are none. */
  DrawsResult draws(OfficeId office, LocalDate day);

  /**
   * What to enter for.
   *
   * @param waitingListIfLost put the citizen on the office's waiting list if the entry loses
   */
  record Command(
      OfficeId office,
      ImmutableList<ServiceRequest> services,
      LocalDate day,
      Citizen citizen,
      boolean waitingListIfLost) {
    public Command {
      checkNotNull(office, "office");
      services = ImmutableList.copyOf(checkNotNull(services, "services"));
      checkNotNull(day, "day");
      checkNotNull(citizen, "citizen");
    }
  }

  /** The entry, or why there is none. */
  sealed interface EntryResult permits Entered, Refused {}

  /**
   * The citizen is in the draw of {@code wave} at {@code drawAt}. The token is shown only here; it
   * opens the entry and, if it wins, the booking.
   *
   * @param commitment the SHA-256 of the draw's seed, which is revealed after the draw
   */
  record Entered(
      String entryId, String entryToken, LocalDate day, int wave, Instant drawAt, String commitment)
      implements EntryResult {
    public Entered {
      checkNotNull(entryId, "entryId");
      checkNotNull(entryToken, "entryToken");
      checkNotNull(day, "day");
      checkNotNull(drawAt, "drawAt");
      checkNotNull(commitment, "commitment");
    }

    @Override
    public String toString() {
      return "Entered["
          + entryId
          + ", token hidden, "
          + day
          + ", wave "
          + wave
          + ", "
          + drawAt
          + "]";
    }
  }

  /** Where an entry stands. */
  sealed interface EntryStatus permits Pending, Won, Lost {
    String entryId();

    OfficeId office();

    LocalDate day();

    int wave();
  }

  /** Not drawn yet: the draw happens at {@code drawAt}. */
  record Pending(
      String entryId, OfficeId office, LocalDate day, int wave, Instant drawAt, String commitment)
      implements EntryStatus {
    public Pending {
      checkNotNull(entryId, "entryId");
      checkNotNull(office, "office");
      checkNotNull(day, "day");
      checkNotNull(drawAt, "drawAt");
      checkNotNull(commitment, "commitment");
    }
  }

  /** Won and booked; the entry token manages the booking. */
  record Won(
      String entryId,
      OfficeId office,
      LocalDate day,
      int wave,
      BookingReference reference,
      Instant start)
      implements EntryStatus {
    public Won {
      checkNotNull(entryId, "entryId");
      checkNotNull(office, "office");
      checkNotNull(day, "day");
      checkNotNull(reference, "reference");
      checkNotNull(start, "start");
    }
  }

  /** Not won: drawn too late, or nothing fitting was free. */
  record Lost(String entryId, OfficeId office, LocalDate day, int wave) implements EntryStatus {
    public Lost {
      checkNotNull(entryId, "entryId");
      checkNotNull(office, "office");
      checkNotNull(day, "day");
    }
  }

  /** Where a draw stands, as the public sees it. */
  enum DrawStatus {
    /** Entries open at {@code entriesOpenAt}. */
    SCHEDULED,
    /** Entries are collected until the draw. */
    OPEN,
    /** The draw is running. */
    DRAWING,
    /** Drawn; seed, order and winners are public. */
    DRAWN
  }

  /**
   * The public audit view of a draw: nothing personal, only random entry ids. Anyone can check that
   * {@code commitment} is the SHA-256 of {@code seed} and recompute {@code order} from the seed and
   * the ids ({@code org.opentermin.core.fairness.Lottery#drawOrder}).
   *
   * @param commitment present from {@code entriesOpenAt} on
   * @param seed present once drawn
   * @param order every entry id in draw order, once drawn
   * @param winners the won entry ids in draw order, once drawn
   */
  record DrawView(
      OfficeId office,
      LocalDate day,
      int wave,
      Instant entriesOpenAt,
      Instant drawAt,
      DrawStatus status,
      int entries,
      Optional<String> commitment,
      Optional<String> seed,
      ImmutableList<String> order,
      ImmutableList<String> winners) {
    public DrawView {
      checkNotNull(office, "office");
      checkNotNull(day, "day");
      checkArgument(wave >= 0, "wave must not be negative");
      checkNotNull(entriesOpenAt, "entriesOpenAt");
      checkNotNull(drawAt, "drawAt");
      checkNotNull(status, "status");
      checkArgument(entries >= 0, "entries must not be negative");
      checkNotNull(commitment, "commitment");
      checkNotNull(seed, "seed");
      order = ImmutableList.copyOf(checkNotNull(order, "order"));
      winners = ImmutableList.copyOf(checkNotNull(winners, "winners"));
    }
  }

  /** The draws of a day, or why there are none. */
  sealed interface DrawsResult permits Draws, Refused {}

  /** The day's draws by wave. */
  record Draws(ImmutableList<DrawView> draws) implements DrawsResult {
    public Draws {
      draws = ImmutableList.copyOf(checkNotNull(draws, "draws"));
    }
  }
}
