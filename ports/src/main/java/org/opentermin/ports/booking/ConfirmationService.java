package org.opentermin.ports.booking;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.opentermin.core.booking.Actor;
import org.opentermin.core.booking.Appointment;
import org.opentermin.core.booking.AppointmentId;
import org.opentermin.core.booking.AppointmentStatus;
import org.opentermin.core.booking.Booking;
import org.opentermin.core.booking.BookingEvent;
import org.opentermin.core.booking.BookingReference;
import org.opentermin.core.booking.BookingRules;
import org.opentermin.core.booking.RefusalReason;
import org.opentermin.core.booking.VideoLink;
import org.opentermin.core.catalog.AppointmentMode;
import org.opentermin.core.catalog.Channel;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.ports.in.BookingResult;
import org.opentermin.ports.in.ConfirmBooking;
import org.opentermin.ports.in.Refused;
import org.opentermin.ports.out.BookingStore;
import org.opentermin.ports.out.BookingStore.ConfirmResult;
import org.opentermin.ports.out.BookingStore.IdempotencyMatch;
import org.opentermin.ports.out.BookingStore.IdempotencyRecord;
import org.opentermin.ports.out.BookingStore.IdentityQuota;
import org.opentermin.ports.out.ConfirmClaim;
import org.opentermin.ports.out.RandomSource;
import org.opentermin.ports.out.VideoRoom;

/**
 * Turns a live hold into a booking with a reference and a manage token. The hold decides what the
 * confirmation needs: a phone appointment a number to call back, a video appointment a room from
 * the {@link VideoRoom}. The store confirms only a hold that is still live and counts the identity
 * limit in the same step. Retries with the same idempotency key get the same booking and token.
 * Thread-safe.
 */
final class ConfirmationService implements ConfirmBooking {

  /**
   * Draws of a reference before giving up; a clash is rare, eight in a row means a broken source.
   */
  static final int REFERENCE_ATTEMPTS = 8;

  private final BookingStore bookings;
  private final IdentityQuotas identityQuotas;
  private final VideoRoom videoRoom;
  private final RandomSource random;
  private final Clock clock;

  ConfirmationService(
      BookingStore bookings,
      IdentityQuotas identityQuotas,
      VideoRoom videoRoom,
      RandomSource random,
      Clock clock) {
    this.bookings = bookings;
    this.identityQuotas = identityQuotas;
    this.videoRoom = videoRoom;
    this.random = random;
    this.clock = clock;
  }

  @Override
  public BookingResult confirm(ConfirmBooking.Command command) {
    Step<Optional<String>> validKey = BookingChecks.validKey(command.idempotencyKey());
    if (validKey instanceof Step.Stop<Optional<String>> stop) {
      return stop.refused();
    }
    Optional<String> key = validKey.value();
    OfficeId office = command.hold().office();
    if (key.isPresent()) {
      Optional<IdempotencyMatch> earlier =
          bookings.findByConfirmKey(office, Secrets.keyHash(key.get()));
      if (earlier.isPresent()) {
        return replay(earlier.get(), command, key.get());
      }
    }
    Instant now = BookingChecks.now(clock);
    Set<Channel> channels = BookingChecks.channelsFor(command.actor());
    Optional<Appointment> hold =
        bookings
            .find(command.hold())
            .filter(found -> found.isLiveHoldAt(now) && channels.contains(found.channel()));
    if (hold.isPresent() && !BookingRules.reachable(hold.get().mode(), command.citizen())) {
      return new Refused(
          RefusalReason.PHONE_REQUIRED, "a phone appointment needs the phone number to call back");
    }
    if (command.actor() instanceof Actor.Citizen && !command.citizen().hasContact()) {
      return new Refused(
          RefusalReason.INVALID_REQUEST,
          "give an email address or a phone number, so that the office can reach you");
    }
    Step<Optional<IdentityQuota>> identityQuota =
        command.actor() instanceof Actor.Citizen
            ? identityQuotas.forHold(office, hold, command.citizen())
            : Step.go(Optional.empty());
    if (identityQuota instanceof Step.Stop<Optional<IdentityQuota>> stop) {
      return stop.refused();
    }
    Optional<VideoLink> videoLink =
        hold.filter(found -> found.mode() == AppointmentMode.VIDEO)
            .map(
                found ->
                    videoRoom.open(
                        new VideoRoom.Meeting(found.office(), found.start(), found.end())));
    String token = Secrets.newManageToken(random);
    byte[] tokenHash = Secrets.sha256(token);
    Optional<IdempotencyRecord> idempotency =
        key.map(
            value ->
                new IdempotencyRecord(
                    Secrets.keyHash(value),
                    command.hold().toString(),
                    Secrets.seal(token, value, random)));
    BookingEvent event =
        new BookingEvent(
            command.hold(),
            now,
            command.actor(),
            AppointmentStatus.HELD,
            AppointmentStatus.CONFIRMED,
            "");
    for (int attempt = 0; attempt < REFERENCE_ATTEMPTS; attempt++) {
      BookingReference reference = BookingReference.random(random::nextInt);
      ConfirmResult result =
          bookings.confirm(
              ConfirmClaim.of(
                      command.hold(), channels, reference, tokenHash, command.citizen(), now, event)
                  .withIdempotency(idempotency)
                  .withIdentityQuota(identityQuota.value())
                  .withVideoLink(videoLink));
      switch (result.outcome()) {
        case CONFIRMED:
          return new BookingResult.Confirmed(result.booking().orElseThrow(), token);
        case NOT_LIVE:
          return whyNotConfirmed(command.hold(), command.actor(), now);
        case KEY_TAKEN:
          return replay(
              bookings.findByConfirmKey(office, Secrets.keyHash(key.orElseThrow())).orElseThrow(),
              command,
              key.get());
        case IDENTITY_LIMIT:
          return new Refused(
              RefusalReason.IDENTITY_LIMIT,
              "the same person already has as many bookings for this service at this office as it"
                  + " allows");
        case REFERENCE_TAKEN:
          break; // draw another reference
      }
    }
    throw new IllegalStateException(
        "no unused booking reference after " + REFERENCE_ATTEMPTS + " attempts");
  }

  /** Explains, after the store refused, why the hold could not be confirmed. */
  private Refused whyNotConfirmed(AppointmentId holdId, Actor actor, Instant now) {
    Optional<Appointment> hold = bookings.find(holdId);
    if (hold.isEmpty()) {
      return new Refused(RefusalReason.NOT_FOUND, "unknown or expired hold");
    }
    return BookingChecks.checkChannel(hold.get().channel(), actor)
        .or(
            () ->
                BookingChecks.refusedIf(
                    BookingRules.confirm(hold.get(), now), "the hold cannot be confirmed"))
        .orElseGet(() -> new Refused(RefusalReason.HOLD_EXPIRED, "the hold expired"));
  }

  private BookingResult replay(
      IdempotencyMatch earlier, ConfirmBooking.Command command, String key) {
    if (!earlier.requestFingerprint().equals(command.hold().toString())) {
      return new Refused(
          RefusalReason.IDEMPOTENCY_KEY_REUSED,
          "this idempotency key was used for another request");
    }
    Optional<String> token = Secrets.unseal(earlier.retryPayload(), key);
    Optional<Booking> booking =
        bookings
            .find(earlier.appointment())
            .filter(Booking.class::isInstance)
            .map(Booking.class::cast);
    if (token.isEmpty() || booking.isEmpty()) {
      return new Refused(
          RefusalReason.NOT_FOUND, "the booking made with this key no longer exists");
    }
    return new BookingResult.Confirmed(booking.get(), token.get());
  }
}
