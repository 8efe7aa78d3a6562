package org.opentermin.ports.in;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.util.Optional;
import org.opentermin.core.booking.Actor;
import org.opentermin.core.catalog.Channel;
import org.opentermin.core.catalog.OfficeId;

/**
 * Claims a start for a request while the citizen fills in the form: a hold that counts against
 * capacity until it expires after the office's hold duration. With an idempotency key, a retry
 * returns the first hold and never claims a second time.
 */
public interface HoldSlot {

  HoldResult hold(Command command);

  /** What to hold. Immutable. */
  record Command(
      OfficeId office,
      ImmutableList<ServiceRequest> services,
      Instant start,
      Channel channel,
      Actor actor,
      Optional<String> idempotencyKey) {
    public Command {
      checkNotNull(office, "office");
      services = ImmutableList.copyOf(checkNotNull(services, "services"));
      checkNotNull(start, "start");
      checkNotNull(channel, "channel");
      checkNotNull(actor, "actor");
      checkNotNull(idempotencyKey, "idempotencyKey");
    }
  }
}
