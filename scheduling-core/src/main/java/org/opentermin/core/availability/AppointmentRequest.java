package org.opentermin.core.availability;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.opentermin.core.catalog.Channel;
import org.opentermin.core.catalog.Office;
import org.opentermin.core.catalog.Service;
import org.opentermin.core.catalog.ServiceId;

/**
 * What a citizen wants to book at one office: services with a number of persons each, through a
 * channel. One resource that has every requested skill serves the whole appointment.
 *
 * <p>The same service named twice is merged into one entry with the persons added up. Every
 * service must allow the channel and its person count must not exceed the service's maximum; the
 * appointment lasts the sum of the services' durations at this office times their persons,
 * rounded up to the office's slot grid, and at most one day. Callers that take input from outside
 * check {@link Service#allows} and {@link Service#maxPersons} first and refuse politely; here a
 * violation is a programming error. Immutable.
 */
public record AppointmentRequest(
    Office office, ImmutableList<RequestedService> services, Channel channel) {

  /** The longest appointment: it must fit into one day. */
  public static final Duration MAXIMUM_DURATION = Duration.ofHours(24);

  public AppointmentRequest {
    checkNotNull(office, "office");
    checkNotNull(channel, "channel");
    services = merged(checkNotNull(services, "services"));
    checkArgument(!services.isEmpty(), "an appointment request needs at least one service");
    for (RequestedService requested : services) {
      Service service = requested.service();
      checkArgument(service.allows(channel), "service %s cannot be booked via %s", service.id(), channel);
      checkArgument(
          requested.persons() <= service.maxPersons(),
          "service %s allows at most %s persons, not %s",
          service.id(),
          service.maxPersons(),
          requested.persons());
    }
    checkArgument(
        totalDuration(office, services).compareTo(MAXIMUM_DURATION) <= 0,
        "the appointment would last longer than a day");
  }

  /** A request through {@code channel} for the given services. */
  public static AppointmentRequest of(
      Office office, Channel channel, Iterable<RequestedService> services) {
    return new AppointmentRequest(office, ImmutableList.copyOf(services), channel);
  }

  /** A request through {@code channel} for one person and one service. */
  public static AppointmentRequest of(Office office, Channel channel, Service service) {
    return of(office, channel, ImmutableList.of(RequestedService.of(service, 1)));
  }

  /** The skills a resource needs to serve this request. */
  public ImmutableSet<ServiceId> serviceIds() {
    return services.stream()
        .map(requested -> requested.service().id())
        .collect(ImmutableSet.toImmutableSet());
  }

  /** How long the appointment lasts: the services' total, rounded up to the slot grid. */
  public Duration duration() {
    return Duration.ofMinutes(durationMinutes());
  }

  /** {@link #duration()} in minutes. */
  public int durationMinutes() {
    int grid = office.slotMinutes();
    long total = totalDuration(office, services).toMinutes();
    return (int) ((total + grid - 1) / grid * grid);
  }

  /**
   * The services' durations at the office times their persons, before rounding to the grid: what
   * must not exceed {@link #MAXIMUM_DURATION}. Callers use it to refuse such requests politely.
   */
  public static Duration totalDuration(Office office, Iterable<RequestedService> services) {
    long minutes = 0;
    for (RequestedService requested : services) {
      minutes += requested.service().durationAt(office.id()).toMinutes() * requested.persons();
    }
    return Duration.ofMinutes(minutes);
  }

  private static ImmutableList<RequestedService> merged(ImmutableList<RequestedService> services) {
    Map<ServiceId, RequestedService> byId = new LinkedHashMap<>();
    for (RequestedService requested : services) {
      checkNotNull(requested, "services must not contain null");
      byId.merge(
          requested.service().id(),
          requested,
          (first, second) -> {
            checkArgument(
                first.service().equals(second.service()),
                "two different services share the id %s",
                first.service().id());
            return new RequestedService(first.service(), first.persons() + second.persons());
          });
    }
    return ImmutableList.copyOf(byId.values());
  }
}
