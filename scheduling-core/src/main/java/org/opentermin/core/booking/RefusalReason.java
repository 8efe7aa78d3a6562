package org.opentermin.core.booking;

/**
 * Why a booking operation was refused: a business answer, not an error. The reason code of the
 * ports' {@code Refused} result, which adds a detail for the caller; the HTTP adapter maps each
 * reason to a status code and a problem type.
 */
public enum RefusalReason {
  /** The start is not (or no longer) free for the request. */
  UNAVAILABLE,
  /** The hold expired before it was confirmed. */
  HOLD_EXPIRED,
  /** The hold was already confirmed or used for a reschedule. */
  HOLD_ALREADY_USED,
  /** No such hold or booking, or the manage token does not match. */
  NOT_FOUND,
  /** The appointment's status does not allow this change. */
  ILLEGAL_TRANSITION,
  /** This actor may not make this change. */
  NOT_PERMITTED,
  /** Too late for this change, e.g. cancelling online after the start. */
  TOO_LATE,
  /** Too early for this change, e.g. a no-show before the start. */
  TOO_EARLY,
  /** The idempotency key was used before for a different request. */
  IDEMPOTENCY_KEY_REUSED,
  /** The request names an unknown office or service, or one the office does not offer so. */
  INVALID_REQUEST,
  /** Something with this id exists already. */
  ALREADY_EXISTS,
  /** The time is not released for booking yet (a release wave opens it later). */
  NOT_YET_RELEASED,
  /** The time is reserved for another channel's contingent. */
  CONTINGENT_EXHAUSTED,
  /** The citizen's email or phone has as many bookings for this service as the office allows. */
  IDENTITY_LIMIT,
  /** The client has as many live holds as the office allows. */
  HOLD_LIMIT,
  /** The booking was moved as often as the office allows. */
  RESCHEDULE_LIMIT,
  /** A solved challenge (proof of work) must come with this hold. */
  CHALLENGE_REQUIRED,
  /** No responsibility rule covers the citizen's address: no office is responsible online. */
  NOT_COVERED,
  /** Another office, or another caseworker of this one, is responsible for the citizen. */
  NOT_RESPONSIBLE,
  /** The office serves online only the citizens it is responsible for: give the routing inputs. */
  ROUTING_REQUIRED,
  /** A requested service is not served in the requested appointment mode (at this office). */
  MODE_NOT_OFFERED,
  /** A phone appointment needs the citizen's phone number: the caseworker calls back. */
  PHONE_REQUIRED,
  /** A booking moves only to a hold of its own appointment mode. */
  MODE_MISMATCH
}
