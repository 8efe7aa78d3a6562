package org.opentermin.core.catalog;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * What a citizen comes for (Dienstleistung, Anliegen): how long it takes per person, possibly
 * overridden per office, how many persons one appointment may cover, through which channels it
 * can be booked, and whether it is sensitive (never named in anything that leaves the system).
 * Immutable.
 */
public record Service(
    ServiceId id,
    String name,
    Duration duration,
    ImmutableMap<OfficeId, Duration> durationAtOffice,
    int maxPersons,
    ImmutableSet<Channel> channels,
    boolean sensitive) {

  /** The longest duration of a single service for a single person. */
  public static final Duration MAXIMUM_DURATION = Duration.ofHours(8);

  /** The most persons one appointment may cover. */
  public static final int MAXIMUM_PERSONS_LIMIT = 20;

  public Service {
    checkNotNull(id, "id");
    checkNotNull(name, "name");
    checkArgument(!name.isBlank() && name.length() <= 200, "service name must have 1 to 200 characters");
    checkDuration(duration);
    durationAtOffice = ImmutableMap.copyOf(checkNotNull(durationAtOffice, "durationAtOffice"));
    durationAtOffice.values().forEach(Service::checkDuration);
    checkArgument(
        maxPersons >= 1 && maxPersons <= MAXIMUM_PERSONS_LIMIT,
        "maximum persons must be between 1 and %s, not %s",
        MAXIMUM_PERSONS_LIMIT,
        maxPersons);
    channels = ImmutableSet.copyOf(checkNotNull(channels, "channels"));
    checkArgument(!channels.isEmpty(), "service %s must allow at least one channel", id);
  }

  /** A service with one duration everywhere. */
  public static Service of(
      ServiceId id,
      String name,
      Duration duration,
      int maxPersons,
      Set<Channel> channels,
      boolean sensitive) {
    return new Service(
        id, name, duration, ImmutableMap.of(), maxPersons, ImmutableSet.copyOf(channels), sensitive);
  }

  /** This service with its own durations at some offices. */
  public Service withDurationAtOffices(Map<OfficeId, Duration> overrides) {
    return new Service(
        id, name, duration, ImmutableMap.copyOf(overrides), maxPersons, channels, sensitive);
  }

  /** How long the service takes for one person at {@code office}. */
  public Duration durationAt(OfficeId office) {
    return durationAtOffice.getOrDefault(office, duration);
  }

  public boolean allows(Channel channel) {
    return channels.contains(channel);
  }

  private static void checkDuration(Duration duration) {
    checkNotNull(duration, "duration");
    checkArgument(
        duration.toSecondsPart() == 0 && duration.toNanosPart() == 0,
        "service durations are whole minutes, not %s",
        duration);
    checkArgument(
        !duration.isNegative() && !duration.isZero() && duration.compareTo(MAXIMUM_DURATION) <= 0,
        "service duration must be between 1 minute and %s hours, not %s",
        MAXIMUM_DURATION.toHours(),
        duration);
  }
}
