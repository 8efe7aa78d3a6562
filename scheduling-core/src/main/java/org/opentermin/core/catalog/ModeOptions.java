package org.opentermin.core.catalog;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableSetMultimap;
import java.time.Duration;
import java.util.Optional;

/**
 * How a service is served in one {@link AppointmentMode}: optionally its own duration per person (a
 * phone call is often shorter than a visit), and optionally the only resources that serve it in
 * this mode (only some caseworkers do video). Resources belong to offices, so they are named per
 * office; with none named, every resource with the service's skill serves the mode at every office,
 * and once any are named, the mode is served only by them, and only at their offices. Immutable.
 *
 * @param duration the duration per person in this mode; empty: the service's duration at the office
 * @param resources the resources that serve this mode, per office; empty: every skilled resource
 */
public record ModeOptions(
    Optional<Duration> duration, ImmutableSetMultimap<OfficeId, ResourceId> resources) {

  /** The service's own duration, served by every resource with its skill. */
  public static final ModeOptions DEFAULT =
      new ModeOptions(Optional.empty(), ImmutableSetMultimap.of());

  public ModeOptions {
    checkNotNull(duration, "duration");
    duration.ifPresent(Service::checkDuration);
    resources = ImmutableSetMultimap.copyOf(checkNotNull(resources, "resources"));
  }

  /** Options with their own duration per person, served by every skilled resource. */
  public static ModeOptions lasting(Duration duration) {
    return new ModeOptions(Optional.of(duration), ImmutableSetMultimap.of());
  }

  /**
   * These options, served at {@code office} only by {@code servedBy} (in addition to those named
   * before).
   */
  public ModeOptions servedAt(OfficeId office, Iterable<ResourceId> servedBy) {
    checkNotNull(office, "office");
    ImmutableSetMultimap.Builder<OfficeId, ResourceId> more = ImmutableSetMultimap.builder();
    more.putAll(resources);
    more.putAll(office, servedBy);
    return new ModeOptions(duration, more.build());
  }

  /** Whether {@code resource} of {@code office} may serve in this mode, given it has the skill. */
  public boolean servedBy(OfficeId office, ResourceId resource) {
    return resources.isEmpty() || resources.containsEntry(office, resource);
  }
}
