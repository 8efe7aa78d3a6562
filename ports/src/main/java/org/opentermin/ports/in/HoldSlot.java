package org.opentermin.ports.in;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.util.Optional;
import org.opentermin.core.booking.Actor;
import org.opentermin.core.catalog.AppointmentMode;
import org.opentermin.core.catalog.Channel;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.routing.RoutingInputs;

/**
 * Claims a start for a request while the citizen fills in the form: a hold that counts against
 * capacity until it expires after the office's hold duration. With an idempotency key, a retry
 * returns the first hold and never claims a second time. The office's fair-access policy may refuse
 * the hold: not yet released, reserved for another channel, too many live holds of the client, or a
 * challenge to solve first. A hold is for one appointment mode, which the booking keeps; a mode a
 * requested service is not served in is refused with {@link
 * org.opentermin.core.booking.RefusalReason#MODE_NOT_OFFERED}.
 */
public interface HoldSlot {

  HoldResult hold(Command command);

  /**
   * What to hold. Immutable.
   *
   * @param urgent staff may use the urgent contingent
   * @param clientKey what tells the client apart (e.g. its address), for the limit on live holds
   *     per client; only a keyed hash of it is stored
   * @param challenge the client's answer to a challenge, when the office asks for one
   * @param routing the citizen's routing inputs: then only the caseworkers responsible for them may
   *     be held, and an office that is not responsible refuses
   * @param mode how citizen and caseworker will meet
   */
  record Command(
      OfficeId office,
      ImmutableList<ServiceRequest> services,
      Instant start,
      Channel channel,
      Actor actor,
      Optional<String> idempotencyKey,
      boolean urgent,
      Optional<String> clientKey,
      Optional<ChallengeAnswer> challenge,
      Optional<RoutingInputs> routing,
      AppointmentMode mode) {
    public Command {
      checkNotNull(office, "office");
      services = ImmutableList.copyOf(checkNotNull(services, "services"));
      checkNotNull(start, "start");
      checkNotNull(channel, "channel");
      checkNotNull(actor, "actor");
      checkNotNull(idempotencyKey, "idempotencyKey");
      checkNotNull(clientKey, "clientKey");
      checkNotNull(challenge, "challenge");
      checkNotNull(routing, "routing");
      checkNotNull(mode, "mode");
    }

    /** This hold with these routing inputs (or none). */
    public Command withRouting(Optional<RoutingInputs> inputs) {
      return new Command(
          office,
          services,
          start,
          channel,
          actor,
          idempotencyKey,
          urgent,
          clientKey,
          challenge,
          inputs,
          mode);
    }

    /** This hold in {@code appointmentMode}. */
    public Command withMode(AppointmentMode appointmentMode) {
      return new Command(
          office,
          services,
          start,
          channel,
          actor,
          idempotencyKey,
          urgent,
          clientKey,
          challenge,
          routing,
          checkNotNull(appointmentMode, "appointmentMode"));
    }

    /** A hold in person, without routing. */
    public Command(
        OfficeId office,
        ImmutableList<ServiceRequest> services,
        Instant start,
        Channel channel,
        Actor actor,
        Optional<String> idempotencyKey,
        boolean urgent,
        Optional<String> clientKey,
        Optional<ChallengeAnswer> challenge) {
      this(
          office,
          services,
          start,
          channel,
          actor,
          idempotencyKey,
          urgent,
          clientKey,
          challenge,
          Optional.empty(),
          AppointmentMode.IN_PERSON);
    }

    /**
     * A hold in person that is not urgent, from no particular client, without a challenge answer.
     */
    public Command(
        OfficeId office,
        ImmutableList<ServiceRequest> services,
        Instant start,
        Channel channel,
        Actor actor,
        Optional<String> idempotencyKey) {
      this(
          office,
          services,
          start,
          channel,
          actor,
          idempotencyKey,
          false,
          Optional.empty(),
          Optional.empty());
    }
  }

  /** A challenge as issued by {@link GetChallenge} and the client's solution. */
  record ChallengeAnswer(String challenge, String solution) {
    public ChallengeAnswer {
      checkNotNull(challenge, "challenge");
      checkNotNull(solution, "solution");
    }
  }
}
