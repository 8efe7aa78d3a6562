package org.opentermin.core.fairness;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.opentermin.core.catalog.Channel;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.catalog.ResourceId;

/**
 * Capacity split by channel (Kontingente): each resource's local day is cut into blocks of {@code
 * blockMinutes}, aligned to local midnight, and each block belongs to one {@link Contingent}: the
 * resource's dedicated one if it has one, else one drawn by keyed hash weighted by the shares.
 * Because the partition is fixed in advance, a contingent can never be overdrawn and no counter has
 * to be kept; shares hold in expectation, not exactly per day.
 *
 * <p>Invariants: shares 0 to 100 summing to 100 (a missing contingent has share 0); {@code
 * blockMinutes} one of {@link #BLOCK_SIZES}; {@code 0 <= releaseToOnlineBefore <= 30 days}.
 * Immutable and thread-safe.
 *
 * @param releaseToOnlineBefore how long before their start PHONE and URGENT blocks open to ONLINE
 *     holds, so that reserved time that nobody claimed is not wasted
 */
public record ChannelContingents(
    ImmutableMap<Contingent, Integer> sharePercent,
    ImmutableMap<ResourceId, Contingent> dedicated,
    int blockMinutes,
    Duration releaseToOnlineBefore) {

  /** The block sizes in minutes; each divides a day, so blocks align to local midnight. */
  public static final ImmutableSet<Integer> BLOCK_SIZES = ImmutableSet.of(60, 120, 240);

  /** The longest {@code releaseToOnlineBefore}. */
  public static final Duration MAXIMUM_RELEASE_TO_ONLINE_BEFORE = Duration.ofDays(30);

  private static final Contingent[] CONTINGENTS = Contingent.values();

  public ChannelContingents {
    checkNotNull(sharePercent, "sharePercent");
    sharePercent = ImmutableMap.copyOf(sharePercent);
    int total = 0;
    for (var share : sharePercent.entrySet()) {
      checkArgument(
          share.getValue() >= 0 && share.getValue() <= 100,
          "the %s contingent's share must be 0 to 100 percent, not %s",
          share.getKey(),
          share.getValue());
      total += share.getValue();
    }
    checkArgument(total == 100, "the contingents' shares must sum to 100 percent, not %s", total);
    checkNotNull(dedicated, "dedicated");
    dedicated = ImmutableMap.copyOf(dedicated);
    checkArgument(
        BLOCK_SIZES.contains(blockMinutes),
        "contingent blocks must be one of %s minutes, not %s",
        BLOCK_SIZES,
        blockMinutes);
    checkNotNull(releaseToOnlineBefore, "releaseToOnlineBefore");
    checkArgument(
        !releaseToOnlineBefore.isNegative()
            && releaseToOnlineBefore.compareTo(MAXIMUM_RELEASE_TO_ONLINE_BEFORE) <= 0,
        "contingents are released to online 0 to %s days before, not %s",
        MAXIMUM_RELEASE_TO_ONLINE_BEFORE.toDays(),
        releaseToOnlineBefore);
  }

  /** The share of {@code contingent}, 0 when it has none. */
  public int shareOf(Contingent contingent) {
    return sharePercent.getOrDefault(contingent, 0);
  }

  /** The contingent of the block of {@code resource} that contains {@code at}. */
  public Contingent contingentOf(
      FairnessSecret secret, OfficeId office, ZoneId zone, ResourceId resource, Instant at) {
    checkNotNull(secret, "secret");
    checkNotNull(office, "office");
    checkNotNull(resource, "resource");
    Contingent own = dedicated.get(resource);
    if (own != null) {
      return own;
    }
    Instant blockStart = blockAt(zone, at).start();
    double point =
        secret.unit(
                "contingent-block", office.value(), resource.value(), blockStart.getEpochSecond())
            * 100;
    int cumulative = 0;
    Contingent last = null;
    for (Contingent contingent : CONTINGENTS) {
      int share = shareOf(contingent);
      if (share == 0) {
        continue;
      }
      cumulative += share;
      last = contingent;
      if (point < cumulative) {
        return contingent;
      }
    }
    return last;
  }

  /**
   * The block containing {@code at}, {@code [start, end)}. Boundaries are local times, so a block
   * over a DST change is shorter or longer than {@code blockMinutes}, and a block that lies wholly
   * in a spring-forward gap does not exist.
   */
  public TimeWindow blockAt(ZoneId zone, Instant at) {
    checkNotNull(zone, "zone");
    checkNotNull(at, "at");
    return LocalGrid.cellAt(zone, at, blockMinutes);
  }

  /**
   * Whether a hold of {@code channel} may use a block of contingent {@code block} starting at
   * {@code blockStart}, at {@code now}: always its own contingent's; URGENT blocks also when staff
   * marked it urgent and it is not ONLINE; PHONE and URGENT blocks also for ONLINE from {@code
   * blockStart - releaseToOnlineBefore} on. Citizens thus never use URGENT blocks before that.
   */
  public boolean usable(
      Contingent block, Channel channel, boolean urgent, Instant blockStart, Instant now) {
    checkNotNull(block, "block");
    checkNotNull(channel, "channel");
    checkNotNull(blockStart, "blockStart");
    checkNotNull(now, "now");
    if (block == Contingent.of(channel)) {
      return true;
    }
    if (block == Contingent.URGENT && urgent && channel != Channel.ONLINE) {
      return true;
    }
    return channel == Channel.ONLINE
        && (block == Contingent.PHONE || block == Contingent.URGENT)
        && !now.isBefore(releasedToOnlineAt(blockStart));
  }

  /** When a PHONE or URGENT block starting at {@code blockStart} opens to ONLINE holds. */
  public Instant releasedToOnlineAt(Instant blockStart) {
    return blockStart.minus(releaseToOnlineBefore);
  }
}
