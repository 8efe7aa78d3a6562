package org.opentermin.ports.out;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.opentermin.core.booking.BookedService;
import org.opentermin.core.booking.BookingReference;
import org.opentermin.core.booking.Citizen;
import org.opentermin.core.catalog.OfficeId;

/**
 * Lottery entries and draws (ADR 005). The store decides what must hold across app instances: one
 * entry per identity key and draw, no entry once a draw is claimed, each draw claimed by one
 * instance at a time, each entry resolved once. Personal data of an entry is kept only until it is
 * resolved. Implementations are thread-safe; each method is atomic.
 */
public interface LotteryStore {

  /**
   * Adds the entry, and its draw if it is the draw's first: in one step, so that an entry never
   * slips into a draw that is being drawn. The draw's stored values (draw time, commitment) win
   * over those of {@code draw} when it exists.
   */
  Insertion enter(Draw draw, Entry entry);

  /** What {@link #enter} did. */
  enum Insertion {
    /** The entry was added. */
    ENTERED,
    /** An entry of the draw shares an identity key with this one; nothing was added. */
    IDENTITY_TAKEN,
    /** The draw is claimed or drawn; nothing was added. */
    DRAW_CLOSED
  }

  Optional<Entry> entry(String entryId);

  Optional<Draw> draw(DrawKey key);

  /** The office's draws of {@code day}, by wave. */
  ImmutableList<Draw> draws(OfficeId office, LocalDate day);

  /** The entries of a draw, in no particular order. */
  ImmutableList<Entry> entries(DrawKey key);

  /**
   * The draws {@link #claim} would claim now: open ones whose draw time has come, and claimed ones
   * whose claim is older than {@code reclaimBefore} (their instance died mid-draw).
   */
  ImmutableList<DrawKey> dueDraws(Instant now, Instant reclaimBefore);

  /**
   * Claims a due draw for this caller: true for exactly one of any number of concurrent callers
   * while the draw is open and due at {@code now}, or claimed before {@code reclaimBefore}.
   */
  boolean claim(DrawKey key, Instant now, Instant reclaimBefore);

  /**
   * Records a pending entry's outcome and forgets its citizen's personal data: true the first time,
   * false when the entry was resolved before or is unknown.
   */
  boolean resolve(String entryId, Outcome outcome);

  /** Marks a claimed draw as drawn and reveals its seed; false unless the draw was claimed. */
  boolean finish(DrawKey key, String seed, Instant drawnAt);

  /**
   * Deletes up to {@code limit} entries, with their identity keys, of the office's draws for days
   * before {@code dayBefore}; returns how many. The draws stay, with their commitment and seed.
   * Safe to run from several app instances at once.
   */
  int deleteEntries(OfficeId office, LocalDate dayBefore, int limit);

  /** One draw: a release wave of one day at one office. */
  record DrawKey(OfficeId office, LocalDate day, int wave) {
    public DrawKey {
      checkNotNull(office, "office");
      checkNotNull(day, "day");
      checkArgument(wave >= 0, "wave must not be negative: %s", wave);
    }
  }

  /** Where a draw stands. */
  enum DrawStatus {
    /** Entries are collected. */
    OPEN,
    /** One instance is drawing; no more entries. */
    DRAWING,
    /** Drawn; the seed is revealed. */
    DRAWN
  }

  /**
   * A draw as stored.
   *
   * @param commitment SHA-256 of the seed, published while entries are open
   * @param claimedAt when the draw was last claimed
   * @param seed revealed once drawn
   */
  record Draw(
      DrawKey key,
      Instant drawAt,
      String commitment,
      DrawStatus status,
      Optional<Instant> claimedAt,
      Optional<String> seed,
      Optional<Instant> drawnAt) {
    public Draw {
      checkNotNull(key, "key");
      checkNotNull(drawAt, "drawAt");
      checkNotNull(commitment, "commitment");
      checkNotNull(status, "status");
      checkNotNull(claimedAt, "claimedAt");
      checkNotNull(seed, "seed");
      checkNotNull(drawnAt, "drawnAt");
      checkArgument(
          seed.isPresent() == (status == DrawStatus.DRAWN),
          "a draw reveals its seed exactly when drawn");
    }

    /** A draw that collects entries until {@code drawAt}. */
    public static Draw open(DrawKey key, Instant drawAt, String commitment) {
      return new Draw(
          key,
          drawAt,
          commitment,
          DrawStatus.OPEN,
          Optional.empty(),
          Optional.empty(),
          Optional.empty());
    }
  }

  /**
   * An entry as stored. Its id is random and public (the audit lists it); its token is stored as a
   * SHA-256 hash only and becomes the manage token of a won booking.
   *
   * @param citizen present until the entry is resolved, then forgotten
   * @param identityKeys keyed digests of the citizen's identities, never the identities
   */
  record Entry(
      String id,
      DrawKey draw,
      byte[] tokenHash,
      ImmutableList<BookedService> services,
      Optional<Citizen> citizen,
      ImmutableSet<String> identityKeys,
      boolean waitingListIfLost,
      Instant enteredAt,
      Outcome outcome) {

    public static final int MAXIMUM_ID_LENGTH = 64;

    public Entry {
      checkNotNull(id, "id");
      checkArgument(
          !id.isEmpty() && id.length() <= MAXIMUM_ID_LENGTH,
          "entry ids have 1 to %s characters",
          MAXIMUM_ID_LENGTH);
      checkNotNull(draw, "draw");
      checkNotNull(tokenHash, "tokenHash");
      checkArgument(tokenHash.length == 32, "a token hash is a SHA-256");
      tokenHash = tokenHash.clone();
      services = ImmutableList.copyOf(checkNotNull(services, "services"));
      checkArgument(!services.isEmpty(), "an entry names at least one service");
      checkNotNull(citizen, "citizen");
      identityKeys = ImmutableSet.copyOf(checkNotNull(identityKeys, "identityKeys"));
      checkArgument(!identityKeys.isEmpty(), "an entry has at least one identity key");
      checkNotNull(enteredAt, "enteredAt");
      checkNotNull(outcome, "outcome");
    }

    @Override
    public byte[] tokenHash() {
      return tokenHash.clone();
    }

    /** The personal data hidden; the token hash left out. */
    @Override
    public String toString() {
      return "Entry[" + id + ", " + draw + ", " + outcome + "]";
    }
  }

  /** Whether an entry is decided. */
  enum OutcomeStatus {
    PENDING,
    WON,
    LOST
  }

  /** An entry's result: pending, won with the booking, or lost. */
  record Outcome(
      OutcomeStatus status, Optional<BookingReference> reference, Optional<Instant> start) {
    private static final Outcome PENDING =
        new Outcome(OutcomeStatus.PENDING, Optional.empty(), Optional.empty());
    private static final Outcome LOST =
        new Outcome(OutcomeStatus.LOST, Optional.empty(), Optional.empty());

    public Outcome {
      checkNotNull(status, "status");
      checkNotNull(reference, "reference");
      checkNotNull(start, "start");
      checkArgument(
          reference.isPresent() == (status == OutcomeStatus.WON)
              && start.isPresent() == (status == OutcomeStatus.WON),
          "exactly a won entry has a booking reference and start");
    }

    public static Outcome pending() {
      return PENDING;
    }

    public static Outcome lost() {
      return LOST;
    }

    public static Outcome won(BookingReference reference, Instant start) {
      return new Outcome(OutcomeStatus.WON, Optional.of(reference), Optional.of(start));
    }
  }
}
