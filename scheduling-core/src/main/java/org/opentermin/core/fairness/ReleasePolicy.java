package org.opentermin.core.fairness;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkElementIndex;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.catalog.ResourceId;

/**
 * Days open in waves (Freischaltung), so that no single moment decides who gets a day: wave {@code
 * i} of day D opens at {@code opensAt} local time (office zone) on D minus {@code
 * waves.get(i).daysBefore()}, plus a keyed-random offset in {@code [0, randomWindow)} (whole
 * milliseconds) that is the same for every resource and app instance. Each grid cell of each
 * resource belongs to one wave by keyed hash, weighted by the waves' shares.
 *
 * <p>On a spring-forward day an {@code opensAt} that does not exist locally is taken at the next
 * valid time (02:30 becomes 03:30 in Europe/Berlin); on a fall-back day a repeated one is taken at
 * its first occurrence ({@link ZonedDateTime#of} behaviour).
 *
 * <p>Invariants: 1 to {@value #MAXIMUM_WAVES} waves, earliest first ({@code daysBefore} strictly
 * decreasing), shares summing to 100; {@code 0 <= randomWindow < 24 h}. Immutable and thread-safe.
 */
public record ReleasePolicy(
    LocalTime opensAt, Duration randomWindow, ImmutableList<ReleaseWave> waves) {

  public static final int MAXIMUM_WAVES = 4;

  public ReleasePolicy {
    checkNotNull(opensAt, "opensAt");
    checkNotNull(randomWindow, "randomWindow");
    checkArgument(
        !randomWindow.isNegative() && randomWindow.compareTo(Duration.ofDays(1)) < 0,
        "the release's random window must be at least 0 and shorter than 24 hours, not %s",
        randomWindow);
    checkNotNull(waves, "waves");
    waves = ImmutableList.copyOf(waves);
    checkArgument(
        !waves.isEmpty() && waves.size() <= MAXIMUM_WAVES,
        "a release has 1 to %s waves, not %s",
        MAXIMUM_WAVES,
        waves.size());
    int total = 0;
    for (int i = 0; i < waves.size(); i++) {
      total += waves.get(i).sharePercent();
      if (i > 0) {
        checkArgument(
            waves.get(i).daysBefore() < waves.get(i - 1).daysBefore(),
            "release waves must be listed earliest first (days before strictly decreasing): %s",
            waves);
      }
    }
    checkArgument(total == 100, "the release waves' shares must sum to 100 percent, not %s", total);
  }

  /** When wave {@code wave} of {@code day} opens. */
  public Instant waveOpensAt(
      FairnessSecret secret, OfficeId office, ZoneId zone, LocalDate day, int wave) {
    checkNotNull(secret, "secret");
    checkNotNull(office, "office");
    checkNotNull(zone, "zone");
    checkNotNull(day, "day");
    checkElementIndex(wave, waves.size(), "wave");
    Instant base =
        ZonedDateTime.of(day.minusDays(waves.get(wave).daysBefore()), opensAt, zone).toInstant();
    long windowMillis = randomWindow.toMillis();
    if (windowMillis == 0) {
      return base;
    }
    // floor(u * n) < n for every u < 1 and n below 2^53, so the offset stays inside the window.
    long offset = (long) (secret.unit("release-wave", office.value(), day, wave) * windowMillis);
    return base.plusMillis(offset);
  }

  /** The wave a grid cell of a resource belongs to: a keyed hash weighted by the shares. */
  public int waveOf(
      FairnessSecret secret, OfficeId office, ResourceId resource, Instant cellStart) {
    checkNotNull(secret, "secret");
    checkNotNull(office, "office");
    checkNotNull(resource, "resource");
    checkNotNull(cellStart, "cellStart");
    if (waves.size() == 1) {
      return 0;
    }
    double point =
        secret.unit("release-cell", office.value(), resource.value(), cellStart.getEpochSecond())
            * 100;
    int cumulative = 0;
    for (int i = 0; i < waves.size(); i++) {
      cumulative += waves.get(i).sharePercent();
      if (point < cumulative) {
        return i;
      }
    }
    return waves.size() - 1;
  }

  /**
   * When the grid cell starting at {@code cellStart} opens: its wave's opening on its local day.
   */
  public Instant cellOpensAt(
      FairnessSecret secret, OfficeId office, ZoneId zone, ResourceId resource, Instant cellStart) {
    checkNotNull(zone, "zone");
    LocalDate day = LocalDate.ofInstant(cellStart, zone);
    return waveOpensAt(secret, office, zone, day, waveOf(secret, office, resource, cellStart));
  }

  /**
   * When every wave of {@code day} is open. Usually the last wave's opening, but a random offset
   * across a 23-hour day can put an earlier wave later, so all are compared.
   */
  public Instant dayFullyOpenAt(
      FairnessSecret secret, OfficeId office, ZoneId zone, LocalDate day) {
    Instant latest = Instant.MIN;
    for (int wave = 0; wave < waves.size(); wave++) {
      Instant opens = waveOpensAt(secret, office, zone, day, wave);
      if (opens.isAfter(latest)) {
        latest = opens;
      }
    }
    return latest;
  }
}
