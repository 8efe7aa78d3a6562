package org.opentermin.ports.out;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Sets;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.opentermin.core.booking.AppointmentId;
import org.opentermin.core.booking.AppointmentStatus;
import org.opentermin.core.booking.BookingEvent;
import org.opentermin.core.booking.BookingReference;
import org.opentermin.core.booking.Citizen;
import org.opentermin.core.booking.VideoLink;
import org.opentermin.core.catalog.Channel;
import org.opentermin.ports.out.BookingStore.IdempotencyRecord;
import org.opentermin.ports.out.BookingStore.IdentityQuota;

/**
 * A confirmation to make with {@link BookingStore#confirm}: which hold, by which channels it may
 * have been placed, the booking's reference, the hash of its manage token, the citizen, the
 * optional idempotency record, identity quota and video link, the instant that decides whether the
 * hold is still live, and the event to record (from {@code HELD} to {@code CONFIRMED}, about this
 * hold). Immutable: the token hash is copied in and out.
 */
public record ConfirmClaim(
    AppointmentId hold,
    ImmutableSet<Channel> channels,
    BookingReference reference,
    byte[] manageTokenHash,
    Citizen citizen,
    Optional<IdempotencyRecord> idempotency,
    Optional<IdentityQuota> identityQuota,
    Optional<VideoLink> videoLink,
    Instant now,
    BookingEvent event) {

  public ConfirmClaim {
    checkNotNull(hold, "hold");
    channels = Sets.immutableEnumSet(checkNotNull(channels, "channels"));
    checkArgument(!channels.isEmpty(), "a confirmation allows at least one channel");
    checkNotNull(reference, "reference");
    checkNotNull(manageTokenHash, "manageTokenHash");
    checkArgument(manageTokenHash.length > 0, "the manage token hash must not be empty");
    manageTokenHash = manageTokenHash.clone();
    checkNotNull(citizen, "citizen");
    checkNotNull(idempotency, "idempotency");
    checkNotNull(identityQuota, "identityQuota");
    checkNotNull(videoLink, "videoLink");
    checkNotNull(now, "now");
    checkNotNull(event, "event");
    checkArgument(event.appointment().equals(hold), "the event must be about hold %s", hold);
    checkArgument(
        event.from() == AppointmentStatus.HELD && event.to() == AppointmentStatus.CONFIRMED,
        "the event must go from HELD to CONFIRMED, not %s to %s",
        event.from(),
        event.to());
  }

  /**
   * A claim without idempotency record, identity quota or video link; add them with the {@code
   * with} methods.
   */
  public static ConfirmClaim of(
      AppointmentId hold,
      Set<Channel> channels,
      BookingReference reference,
      byte[] manageTokenHash,
      Citizen citizen,
      Instant now,
      BookingEvent event) {
    return new ConfirmClaim(
        hold,
        Sets.immutableEnumSet(channels),
        reference,
        manageTokenHash,
        citizen,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        now,
        event);
  }

  /** This claim, kept for an idempotent retry under {@code record} if present. */
  public ConfirmClaim withIdempotency(Optional<IdempotencyRecord> record) {
    return new ConfirmClaim(
        hold,
        channels,
        reference,
        manageTokenHash,
        citizen,
        record,
        identityQuota,
        videoLink,
        now,
        event);
  }

  /** This claim, counted against {@code quota} if present. */
  public ConfirmClaim withIdentityQuota(Optional<IdentityQuota> quota) {
    return new ConfirmClaim(
        hold,
        channels,
        reference,
        manageTokenHash,
        citizen,
        idempotency,
        quota,
        videoLink,
        now,
        event);
  }

  /** This claim, for a video hold that gets {@code link} if present. */
  public ConfirmClaim withVideoLink(Optional<VideoLink> link) {
    return new ConfirmClaim(
        hold,
        channels,
        reference,
        manageTokenHash,
        citizen,
        idempotency,
        identityQuota,
        link,
        now,
        event);
  }

  /**
   * This claim with another reference, for a retry after {@link
   * BookingStore.Confirmation#REFERENCE_TAKEN}.
   */
  public ConfirmClaim withReference(BookingReference other) {
    return new ConfirmClaim(
        hold,
        channels,
        other,
        manageTokenHash,
        citizen,
        idempotency,
        identityQuota,
        videoLink,
        now,
        event);
  }

  /** A copy of the hash of the booking's manage token. */
  @Override
  public byte[] manageTokenHash() {
    return manageTokenHash.clone();
  }
}
