package org.opentermin.core.catalog;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Maps;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * What a citizen comes for (Dienstleistung, Anliegen): how long it takes per person, possibly
 * overridden per office, how many persons one appointment may cover, through which channels it can
 * be booked, whether it is sensitive (never named in anything that leaves the system), and in which
 * {@link AppointmentMode modes} it is served, each with its own {@link ModeOptions}. A service made
 * without modes is served in person only. Immutable.
 *
 * @param modes at least one mode, in the enum's order, each with its options
 */
public record Service(
    ServiceId id,
    String name,
    Duration duration,
    ImmutableMap<OfficeId, Duration> durationAtOffice,
    int maxPersons,
    ImmutableSet<Channel> channels,
    boolean sensitive,
    ImmutableMap<AppointmentMode, ModeOptions> modes) {

  /** The modes of a service that names none: in person, with the service's own durations. */
  public static final ImmutableMap<AppointmentMode, ModeOptions> IN_PERSON_ONLY =
      Maps.immutableEnumMap(Map.of(AppointmentMode.IN_PERSON, ModeOptions.DEFAULT));

  /** The longest duration of a single service for a single person. */
  public static final Duration MAXIMUM_DURATION = Duration.ofHours(8);

  /** The most persons one appointment may cover. */
  public static final int MAXIMUM_PERSONS_LIMIT = 20;

  public Service {
    checkNotNull(id, "id");
    checkNotNull(name, "name");
    checkArgument(
        !name.isBlank() && name.length() <= 200, "service name must have 1 to 200 characters");
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
    // In the enum's order, whatever order they came in.
    modes = Maps.immutableEnumMap(checkNotNull(modes, "modes"));
    checkArgument(!modes.isEmpty(), "service %s must allow at least one appointment mode", id);
  }

  /** A service served in person only. */
  public Service(
      ServiceId id,
      String name,
      Duration duration,
      ImmutableMap<OfficeId, Duration> durationAtOffice,
      int maxPersons,
      ImmutableSet<Channel> channels,
      boolean sensitive) {
    this(id, name, duration, durationAtOffice, maxPersons, channels, sensitive, IN_PERSON_ONLY);
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
        id,
        name,
        duration,
        ImmutableMap.of(),
        maxPersons,
        ImmutableSet.copyOf(channels),
        sensitive);
  }

  /** This service with its own durations at some offices. */
  public Service withDurationAtOffices(Map<OfficeId, Duration> overrides) {
    return new Service(
        id, name, duration, ImmutableMap.copyOf(overrides), maxPersons, channels, sensitive, modes);
  }

  /** This service served in exactly the given modes, with their options. */
  public Service withModes(Map<AppointmentMode, ModeOptions> servedIn) {
    return new Service(
        id,
        name,
        duration,
        durationAtOffice,
        maxPersons,
        channels,
        sensitive,
        ImmutableMap.copyOf(servedIn));
  }

  /** How long the service takes for one person at {@code office}. */
  public Duration durationAt(OfficeId office) {
    return durationAtOffice.getOrDefault(office, duration);
  }

  /**
   * How long the service takes for one person at {@code office} in {@code mode}: the mode's own
   * duration wherever it has one, otherwise {@link #durationAt(OfficeId)}.
   *
   * @throws IllegalArgumentException if the service is not served in {@code mode}
   */
  public Duration durationAt(OfficeId office, AppointmentMode mode) {
    return options(mode).duration().orElseGet(() -> durationAt(office));
  }

  public boolean allows(Channel channel) {
    return channels.contains(channel);
  }

  public boolean allows(AppointmentMode mode) {
    return modes.containsKey(mode);
  }

  /**
   * Whether {@code resource} of {@code office} may serve this service in {@code mode}, given that
   * it has the skill: false for a mode the service is not served in.
   */
  public boolean servedBy(AppointmentMode mode, OfficeId office, ResourceId resource) {
    ModeOptions options = modes.get(mode);
    return options != null && options.servedBy(office, resource);
  }

  /**
   * The options of {@code mode}.
   *
   * @throws IllegalArgumentException if the service is not served in {@code mode}
   */
  public ModeOptions options(AppointmentMode mode) {
    ModeOptions options = modes.get(mode);
    checkArgument(options != null, "service %s is not served in mode %s", id, mode);
    return options;
  }

  static void checkDuration(Duration duration) {
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
