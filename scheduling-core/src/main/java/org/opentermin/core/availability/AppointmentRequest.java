package org.opentermin.core.availability;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.opentermin.core.catalog.AppointmentMode;
import org.opentermin.core.catalog.Channel;
import org.opentermin.core.catalog.Office;
import org.opentermin.core.catalog.Resource;
import org.opentermin.core.catalog.Service;
import org.opentermin.core.catalog.ServiceId;

/**
 * What a citizen wants to book at one office: services with a number of persons each, through a
 * channel, in an appointment mode. One resource that has every requested skill, and that every
 * service lets serve in the mode, serves the whole appointment.
 *
 * <p>The same service named twice is merged into one entry with the persons added up. Every service
 * must allow the channel and the mode, and its person count must not exceed the service's maximum;
 * the appointment lasts the sum of the services' durations at this office in the mode times their
 * persons, rounded up to the office's slot grid, and at most one day. Callers that take input from
 * outside check {@link Service#allows} and {@link Service#maxPersons} first and refuse politely;
 * here a violation is a programming error. Immutable.
 */
public record AppointmentRequest(
    Office office,
    ImmutableList<RequestedService> services,
    Channel channel,
    AppointmentMode mode) {

  /** The longest appointment: it must fit into one day. */
  public static final Duration MAXIMUM_DURATION = Duration.ofHours(24);

  public AppointmentRequest {
    checkNotNull(office, "office");
    checkNotNull(channel, "channel");
    checkNotNull(mode, "mode");
    services = merged(checkNotNull(services, "services"));
    checkArgument(!services.isEmpty(), "an appointment request needs at least one service");
    for (RequestedService requested : services) {
      Service service = requested.service();
      checkArgument(
          service.allows(channel), "service %s cannot be booked via %s", service.id(), channel);
      checkArgument(
          service.allows(mode), "service %s is not served in mode %s", service.id(), mode);
      checkArgument(
          requested.persons() <= service.maxPersons(),
          "service %s allows at most %s persons, not %s",
          service.id(),
          service.maxPersons(),
          requested.persons());
    }
    checkArgument(
        totalDuration(office, services, mode).compareTo(MAXIMUM_DURATION) <= 0,
        "the appointment would last longer than a day");
  }

  /** A request in person. */
  public AppointmentRequest(
      Office office, ImmutableList<RequestedService> services, Channel channel) {
    this(office, services, channel, AppointmentMode.IN_PERSON);
  }

  /** A request through {@code channel} for the given services, in person. */
  public static AppointmentRequest of(
      Office office, Channel channel, Iterable<RequestedService> services) {
    return new AppointmentRequest(office, ImmutableList.copyOf(services), channel);
  }

  /** A request through {@code channel} for the given services in {@code mode}. */
  public static AppointmentRequest of(
      Office office, Channel channel, AppointmentMode mode, Iterable<RequestedService> services) {
    return new AppointmentRequest(office, ImmutableList.copyOf(services), channel, mode);
  }

  /** A request through {@code channel} for one person and one service. */
  public static AppointmentRequest of(Office office, Channel channel, Service service) {
    return of(office, channel, ImmutableList.of(RequestedService.of(service, 1)));
  }

  /**
   * Whether {@code resource} can serve this request: it has every requested skill, and every
   * service lets it serve in the request's mode.
   */
  public boolean servableBy(Resource resource) {
    if (!resource.office().equals(office.id())) {
      return false;
    }
    for (RequestedService requested : services) {
      Service service = requested.service();
      if (!resource.skills().contains(service.id())
          || !service.servedBy(mode, office.id(), resource.id())) {
        return false;
      }
    }
    return true;
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
    long total = totalDuration(office, services, mode).toMinutes();
    return (int) ((total + grid - 1) / grid * grid);
  }

  /**
   * The services' durations at the office in {@code mode} times their persons, before rounding to
   * the grid: what must not exceed {@link #MAXIMUM_DURATION}. Callers use it to refuse such
   * requests politely. Every service must be served in {@code mode}.
   */
  public static Duration totalDuration(
      Office office, Iterable<RequestedService> services, AppointmentMode mode) {
    long minutes = 0;
    for (RequestedService requested : services) {
      minutes +=
          requested.service().durationAt(office.id(), mode).toMinutes() * requested.persons();
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
