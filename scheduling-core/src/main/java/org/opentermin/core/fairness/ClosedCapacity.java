package org.opentermin.core.fairness;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opentermin.core.availability.BusyPeriod;
import org.opentermin.core.catalog.Channel;
import org.opentermin.core.catalog.Office;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.catalog.ResourceId;

/**
 * What an {@link AccessPolicy} closes for one kind of hold, per rule, as busy periods whose expiry
 * is the moment the capacity opens: the slot finder and the hold's candidate search already
 * understand them. Keeping the rules apart lets a refused hold say why ({@code NOT_YET_RELEASED}
 * when only the release closes a start). Each list holds, per resource in the order given, periods
 * sorted by start, with adjacent periods of equal expiry merged. Immutable.
 */
public record ClosedCapacity(
    ImmutableList<BusyPeriod> byRelease,
    ImmutableList<BusyPeriod> byContingents,
    ImmutableList<BusyPeriod> byQuarantine) {

  private static final ClosedCapacity NONE =
      new ClosedCapacity(ImmutableList.of(), ImmutableList.of(), ImmutableList.of());

  public ClosedCapacity {
    byRelease = ImmutableList.copyOf(checkNotNull(byRelease, "byRelease"));
    byContingents = ImmutableList.copyOf(checkNotNull(byContingents, "byContingents"));
    byQuarantine = ImmutableList.copyOf(checkNotNull(byQuarantine, "byQuarantine"));
  }

  /** Nothing closed. */
  public static ClosedCapacity none() {
    return NONE;
  }

  /** Whether no rule closes anything. */
  public boolean isEmpty() {
    return byRelease.isEmpty() && byContingents.isEmpty() && byQuarantine.isEmpty();
  }

  public ImmutableList<BusyPeriod> all() {
    return ImmutableList.<BusyPeriod>builderWithExpectedSize(
            byRelease.size() + byContingents.size() + byQuarantine.size())
        .addAll(byRelease)
        .addAll(byContingents)
        .addAll(byQuarantine)
        .build();
  }

  /** Everything but the release rule, to tell {@code NOT_YET_RELEASED} from other reasons. */
  public ImmutableList<BusyPeriod> withoutRelease() {
    return ImmutableList.<BusyPeriod>builder().addAll(byContingents).addAll(byQuarantine).build();
  }

  /** Everything but the contingents, to tell {@code CONTINGENT_EXHAUSTED} from other reasons. */
  public ImmutableList<BusyPeriod> withoutContingents() {
    return ImmutableList.<BusyPeriod>builder().addAll(byRelease).addAll(byQuarantine).build();
  }

  /**
   * What {@code policy} closes for holds of {@code channel} ({@code urgent}: staff marked the hold
   * urgent) on {@code resources} of {@code office} in {@code [from, to)}, at {@code now}. Periods
   * cover whole grid cells or blocks that overlap {@code [from, to)}; each still counts at now.
   *
   * <ul>
   *   <li>Release: for ONLINE holds only (staff book for callers within the whole horizon), every
   *       grid cell of {@code office.slotMinutes()}, aligned to local midnight, that opens after
   *       now, until it opens. Days whose every wave is open are skipped without looking at cells.
   *       With a lottery, a cell opens {@link LotteryPolicy#DRAW_GRACE} after its wave: the draw
   *       books its winners first (it ignores this closure), everyone else books what is left.
   *   <li>Contingents: every block the hold may not use at now, until it may (its release to ONLINE
   *       for PHONE and URGENT blocks and ONLINE holds), else for good.
   *   <li>Quarantine: for ONLINE holds only, the time of each cancellation on one of {@code
   *       resources} that overlaps {@code [from, to)} and reopens after now, until it reopens.
   * </ul>
   */
  public static ClosedCapacity of(
      AccessPolicy policy,
      FairnessSecret secret,
      Office office,
      Iterable<ResourceId> resources,
      Instant from,
      Instant to,
      Channel channel,
      boolean urgent,
      Iterable<Cancellation> cancellations,
      Instant now) {
    checkNotNull(policy, "policy");
    checkNotNull(secret, "secret");
    checkNotNull(office, "office");
    ImmutableSet<ResourceId> ids = ImmutableSet.copyOf(checkNotNull(resources, "resources"));
    checkNotNull(from, "from");
    checkNotNull(to, "to");
    checkArgument(
        !to.isBefore(from), "the range must not end before it starts: %s to %s", from, to);
    checkNotNull(channel, "channel");
    checkNotNull(cancellations, "cancellations");
    checkNotNull(now, "now");
    if (policy.isNone() || ids.isEmpty() || from.equals(to)) {
      return NONE;
    }
    boolean online = channel == Channel.ONLINE;
    ImmutableList<BusyPeriod> release =
        online && policy.release().isPresent()
            ? closedByRelease(
                policy.release().get(),
                policy.lottery().isPresent(),
                secret,
                office,
                ids,
                from,
                to,
                now)
            : ImmutableList.of();
    ImmutableList<BusyPeriod> contingents =
        policy.contingents().isPresent()
            ? closedByContingents(
                policy.contingents().get(), secret, office, ids, from, to, channel, urgent, now)
            : ImmutableList.of();
    ImmutableList<BusyPeriod> quarantine =
        online && policy.quarantine().isPresent()
            ? closedByQuarantine(
                policy.quarantine().get(), secret, ids, from, to, cancellations, now)
            : ImmutableList.of();
    return new ClosedCapacity(release, contingents, quarantine);
  }

  private static ImmutableList<BusyPeriod> closedByRelease(
      ReleasePolicy release,
      boolean lottery,
      FairnessSecret secret,
      Office office,
      ImmutableSet<ResourceId> resources,
      Instant from,
      Instant to,
      Instant now) {
    ZoneId zone = office.zone();
    OfficeId officeId = office.id();
    int minutes = office.slotMinutes();
    Map<ResourceId, List<BusyPeriod>> closed = emptyLists(resources);
    LocalDate lastDay = LocalDate.ofInstant(to.minusNanos(1), zone);
    for (LocalDate day = LocalDate.ofInstant(from, zone);
        !day.isAfter(lastDay);
        day = day.plusDays(1)) {
      Instant fullyOpen = release.dayFullyOpenAt(secret, officeId, zone, day);
      if (!now.isBefore(lottery ? LotteryPolicy.firstComeFirstServedAt(fullyOpen) : fullyOpen)) {
        continue;
      }
      Instant dayStart = LocalGrid.startOfDay(zone, day);
      Instant dayEnd = LocalGrid.startOfDay(zone, day.plusDays(1));
      Instant first = from.isAfter(dayStart) ? from : dayStart;
      Instant last = to.isBefore(dayEnd) ? to : dayEnd;
      // What cellOpensAt gives per cell, with each wave's opening computed once per day.
      Instant[] openings = new Instant[release.waves().size()];
      for (int wave = 0; wave < openings.length; wave++) {
        Instant opens = release.waveOpensAt(secret, officeId, zone, day, wave);
        openings[wave] = lottery ? LotteryPolicy.firstComeFirstServedAt(opens) : opens;
      }
      List<TimeWindow> cells = cellsOf(zone, dayStart, dayEnd, first, last, minutes);
      for (ResourceId resource : resources) {
        List<BusyPeriod> periods = closed.get(resource);
        for (TimeWindow cell : cells) {
          Instant opens = openings[release.waveOf(secret, officeId, resource, cell.start())];
          if (now.isBefore(opens)) {
            periods.add(BusyPeriod.hold(resource, cell.start(), cell.end(), opens));
          }
        }
      }
    }
    return merged(closed);
  }

  /**
   * The grid cells of the day {@code [dayStart, dayEnd)} that overlap {@code [first, last)}. A day
   * of 24 hours without an offset change is plain arithmetic; a day with a change goes cell by cell
   * through the local grid.
   */
  private static List<TimeWindow> cellsOf(
      ZoneId zone, Instant dayStart, Instant dayEnd, Instant first, Instant last, int minutes) {
    List<TimeWindow> cells = new ArrayList<>();
    boolean plainDay =
        dayEnd.getEpochSecond() - dayStart.getEpochSecond() == 24 * 60 * 60
            && zone.getRules()
                .getOffset(dayStart)
                .equals(zone.getRules().getOffset(dayEnd.minusNanos(1)));
    if (plainDay) {
      long cellSeconds = minutes * 60L;
      long index = (first.getEpochSecond() - dayStart.getEpochSecond()) / cellSeconds;
      for (Instant start = dayStart.plusSeconds(index * cellSeconds);
          start.isBefore(last);
          start = start.plusSeconds(cellSeconds)) {
        cells.add(new TimeWindow(start, start.plusSeconds(cellSeconds)));
      }
      return cells;
    }
    for (TimeWindow cell = LocalGrid.cellAt(zone, first, minutes);
        cell.start().isBefore(last);
        cell = LocalGrid.cellAt(zone, cell.end(), minutes)) {
      cells.add(cell);
    }
    return cells;
  }

  private static ImmutableList<BusyPeriod> closedByContingents(
      ChannelContingents contingents,
      FairnessSecret secret,
      Office office,
      ImmutableSet<ResourceId> resources,
      Instant from,
      Instant to,
      Channel channel,
      boolean urgent,
      Instant now) {
    ZoneId zone = office.zone();
    Map<ResourceId, List<BusyPeriod>> closed = emptyLists(resources);
    for (ResourceId resource : resources) {
      List<BusyPeriod> periods = closed.get(resource);
      for (TimeWindow block = contingents.blockAt(zone, from);
          block.start().isBefore(to);
          block = contingents.blockAt(zone, block.end())) {
        Contingent contingent =
            contingents.contingentOf(secret, office.id(), zone, resource, block.start());
        if (contingents.usable(contingent, channel, urgent, block.start(), now)) {
          continue;
        }
        boolean opensToOnlineLater =
            channel == Channel.ONLINE
                && (contingent == Contingent.PHONE || contingent == Contingent.URGENT);
        Instant opens =
            opensToOnlineLater ? contingents.releasedToOnlineAt(block.start()) : Instant.MAX;
        periods.add(BusyPeriod.hold(resource, block.start(), block.end(), opens));
      }
    }
    return merged(closed);
  }

  private static ImmutableList<BusyPeriod> closedByQuarantine(
      Quarantine quarantine,
      FairnessSecret secret,
      ImmutableSet<ResourceId> resources,
      Instant from,
      Instant to,
      Iterable<Cancellation> cancellations,
      Instant now) {
    Map<ResourceId, List<BusyPeriod>> closed = emptyLists(resources);
    for (Cancellation cancellation : cancellations) {
      checkNotNull(cancellation, "cancellations must not contain null");
      List<BusyPeriod> periods = closed.get(cancellation.resource());
      if (periods == null
          || !cancellation.start().isBefore(to)
          || !from.isBefore(cancellation.end())) {
        continue;
      }
      Instant reopens = quarantine.reopensAt(secret, cancellation.id(), cancellation.cancelledAt());
      if (now.isBefore(reopens)) {
        periods.add(
            BusyPeriod.hold(
                cancellation.resource(), cancellation.start(), cancellation.end(), reopens));
      }
    }
    return merged(closed);
  }

  private static Map<ResourceId, List<BusyPeriod>> emptyLists(ImmutableSet<ResourceId> resources) {
    Map<ResourceId, List<BusyPeriod>> lists = new LinkedHashMap<>();
    for (ResourceId resource : resources) {
      lists.put(resource, new ArrayList<>());
    }
    return lists;
  }

  /** Per resource: sorted by start, touching or overlapping periods of equal expiry joined. */
  private static ImmutableList<BusyPeriod> merged(Map<ResourceId, List<BusyPeriod>> byResource) {
    ImmutableList.Builder<BusyPeriod> result = ImmutableList.builder();
    for (List<BusyPeriod> periods : byResource.values()) {
      periods.sort(Comparator.comparing(BusyPeriod::start).thenComparing(BusyPeriod::end));
      BusyPeriod open = null;
      for (BusyPeriod next : periods) {
        if (open != null
            && !next.start().isAfter(open.end())
            && next.expiresAt().equals(open.expiresAt())) {
          Instant end = next.end().isAfter(open.end()) ? next.end() : open.end();
          open = BusyPeriod.hold(open.resource(), open.start(), end, open.expiresAt());
        } else {
          if (open != null) {
            result.add(open);
          }
          open = next;
        }
      }
      if (open != null) {
        result.add(open);
      }
    }
    return result.build();
  }
}
