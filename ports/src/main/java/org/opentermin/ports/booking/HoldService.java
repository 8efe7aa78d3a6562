package org.opentermin.ports.booking;

import com.google.common.collect.ImmutableList;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Collectors;
import org.opentermin.core.booking.Actor;
import org.opentermin.core.booking.Appointment;
import org.opentermin.core.booking.AppointmentId;
import org.opentermin.core.booking.Hold;
import org.opentermin.core.booking.RefusalReason;
import org.opentermin.core.catalog.AppointmentMode;
import org.opentermin.core.catalog.Office;
import org.opentermin.core.fairness.ClosureScope;
import org.opentermin.ports.in.HoldResult;
import org.opentermin.ports.in.HoldSlot;
import org.opentermin.ports.in.Refused;
import org.opentermin.ports.in.ServiceRequest;
import org.opentermin.ports.out.BookingStore;
import org.opentermin.ports.out.BookingStore.ClientQuota;
import org.opentermin.ports.out.BookingStore.HoldPlacement;
import org.opentermin.ports.out.BookingStore.IdempotencyMatch;
import org.opentermin.ports.out.BookingStore.IdempotencyRecord;
import org.opentermin.ports.out.HoldClaim;
import org.opentermin.ports.out.RandomSource;

/**
 * Holds a start for a citizen or staff: checks the request, the challenge and the fair-access
 * policy, then lets the store claim one of the candidate resources; the store refuses if the time
 * was taken meanwhile or the client has too many live holds. Retries with the same idempotency key
 * get the same hold. Thread-safe.
 */
final class HoldService implements HoldSlot {

  private final OfficeRequests requests;
  private final HoldCandidates candidates;
  private final ChallengeGate challenges;
  private final BookingStore bookings;
  private final RandomSource random;
  private final Clock clock;

  HoldService(
      OfficeRequests requests,
      HoldCandidates candidates,
      ChallengeGate challenges,
      BookingStore bookings,
      RandomSource random,
      Clock clock) {
    this.requests = requests;
    this.candidates = candidates;
    this.challenges = challenges;
    this.bookings = bookings;
    this.random = random;
    this.clock = clock;
  }

  @Override
  public HoldResult hold(HoldSlot.Command command) {
    Step<ResolvedRequest> step =
        requests.resolveRouted(
            command.office(),
            command.services(),
            command.channel(),
            command.mode(),
            command.actor(),
            command.routing());
    if (step instanceof Step.Stop<ResolvedRequest> stop) {
      return stop.refused();
    }
    ResolvedRequest resolved = step.value();
    Office office = resolved.office();
    Step<Optional<String>> key = BookingChecks.validKey(command.idempotencyKey());
    if (key instanceof Step.Stop<Optional<String>> stop) {
      return stop.refused();
    }
    String fingerprint = fingerprint(command);
    Optional<IdempotencyRecord> idempotency =
        key.value()
            .map(value -> new IdempotencyRecord(Secrets.keyHash(value), fingerprint, new byte[0]));
    if (idempotency.isPresent()) {
      Optional<IdempotencyMatch> earlier =
          bookings.findByHoldKey(office.id(), idempotency.get().keyHash());
      if (earlier.isPresent()) {
        return replay(earlier.get(), fingerprint);
      }
    }
    Instant now = BookingChecks.now(clock);
    Optional<Refused> challenge = challenges.check(resolved, command, now);
    if (challenge.isPresent()) {
      return challenge.get();
    }
    boolean urgent = command.urgent() && command.actor() instanceof Actor.Staff;
    Step<HoldCandidates.Candidates> found =
        candidates.at(resolved, command.start(), command.channel(), urgent, ClosureScope.ALL, now);
    if (found instanceof Step.Stop<HoldCandidates.Candidates> stop) {
      return stop.refused();
    }
    // Only a keyed hash of the client's address is stored, and only on the hold.
    Optional<ClientQuota> clientQuota =
        resolved
            .policy()
            .holdLimit()
            .filter(limit -> command.actor() instanceof Actor.Citizen)
            .flatMap(
                limit ->
                    command
                        .clientKey()
                        .map(
                            client ->
                                new ClientQuota(
                                    resolved.policies().secret().keyedDigest("client", client),
                                    limit.maxLiveHoldsPerClient())));
    HoldClaim claim =
        new HoldClaim(
            new AppointmentId(office.id(), random.nextUuid()),
            ImmutableList.copyOf(found.value().resources()),
            command.start(),
            command.start().plus(resolved.request().duration()),
            BookingChecks.booked(resolved.request()),
            command.channel(),
            now.plus(office.holdDuration()),
            clientQuota,
            command.mode());
    HoldPlacement placement = bookings.placeHold(claim, idempotency, now);
    switch (placement.outcome()) {
      case INSERTED:
        return new HoldResult.Held(placement.hold().orElseThrow());
      case KEY_TAKEN:
        return replay(
            bookings.findByHoldKey(office.id(), idempotency.orElseThrow().keyHash()).orElseThrow(),
            fingerprint);
      case CLIENT_LIMIT:
        return new Refused(
            RefusalReason.HOLD_LIMIT,
            "this client has "
                + clientQuota.orElseThrow().maxLiveHolds()
                + " open holds at this office; confirm one or let it expire");
      case TIME_TAKEN:
        break;
    }
    return found.value().whenTaken();
  }

  private HoldResult replay(IdempotencyMatch earlier, String fingerprint) {
    if (!earlier.requestFingerprint().equals(fingerprint)) {
      return new Refused(
          RefusalReason.IDEMPOTENCY_KEY_REUSED,
          "this idempotency key was used for another request");
    }
    Optional<Appointment> hold = bookings.find(earlier.appointment());
    if (hold.isEmpty()) {
      return new Refused(RefusalReason.HOLD_EXPIRED, "the hold made with this key expired");
    }
    if (!(hold.get() instanceof Hold live)) {
      return new Refused(
          RefusalReason.HOLD_ALREADY_USED, "the hold made with this key was already confirmed");
    }
    return new HoldResult.Held(live);
  }

  private static String fingerprint(HoldSlot.Command command) {
    String services =
        OfficeRequests.merged(command.services()).stream()
            .sorted(Comparator.comparing(ServiceRequest::service))
            .map(service -> service.service() + "x" + service.persons())
            .collect(Collectors.joining(","));
    // In person adds nothing, so that keys used before modes existed still match their holds.
    String mode = command.mode() == AppointmentMode.IN_PERSON ? "" : "|" + command.mode();
    return command.office()
        + "|"
        + command.start()
        + "|"
        + command.channel()
        + "|"
        + services
        + mode;
  }
}
