package org.opentermin.ports.memory;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.ports.out.LotteryStore;

/** {@link LotteryStore} in memory, for one app instance; one lock serializes every call. */
public final class InMemoryLotteryStore implements LotteryStore {

  private final Map<DrawKey, Draw> draws = new HashMap<>();
  private final Map<String, Entry> entries = new LinkedHashMap<>();

  /** Identity keys per draw: the in-memory stand-in for the database's unique constraint. */
  private final Map<DrawKey, Set<String>> identities = new HashMap<>();

  @Override
  public synchronized Insertion enter(Draw draw, Entry entry) {
    checkNotNull(draw, "draw");
    checkNotNull(entry, "entry");
    checkArgument(draw.key().equals(entry.draw()), "the entry belongs to another draw");
    checkArgument(draw.status() == DrawStatus.OPEN, "a new draw is open");
    checkArgument(
        entry.outcome().status() == OutcomeStatus.PENDING && entry.citizen().isPresent(),
        "a new entry is pending");
    checkArgument(!entries.containsKey(entry.id()), "entry %s exists", entry.id());
    Draw stored = draws.getOrDefault(draw.key(), draw);
    if (stored.status() != DrawStatus.OPEN) {
      return Insertion.DRAW_CLOSED;
    }
    Set<String> taken = identities.computeIfAbsent(draw.key(), key -> new HashSet<>());
    if (entry.identityKeys().stream().anyMatch(taken::contains)) {
      return Insertion.IDENTITY_TAKEN;
    }
    draws.putIfAbsent(draw.key(), draw);
    taken.addAll(entry.identityKeys());
    entries.put(entry.id(), entry);
    return Insertion.ENTERED;
  }

  @Override
  public synchronized Optional<Entry> entry(String entryId) {
    checkNotNull(entryId, "entryId");
    return Optional.ofNullable(entries.get(entryId));
  }

  @Override
  public synchronized Optional<Draw> draw(DrawKey key) {
    checkNotNull(key, "key");
    return Optional.ofNullable(draws.get(key));
  }

  @Override
  public synchronized ImmutableList<Draw> draws(OfficeId office, LocalDate day) {
    checkNotNull(office, "office");
    checkNotNull(day, "day");
    return draws.values().stream()
        .filter(draw -> draw.key().office().equals(office) && draw.key().day().equals(day))
        .sorted(Comparator.comparingInt(draw -> draw.key().wave()))
        .collect(ImmutableList.toImmutableList());
  }

  @Override
  public synchronized ImmutableList<Entry> entries(DrawKey key) {
    checkNotNull(key, "key");
    return entries.values().stream()
        .filter(entry -> entry.draw().equals(key))
        .collect(ImmutableList.toImmutableList());
  }

  @Override
  public synchronized ImmutableList<DrawKey> dueDraws(Instant now, Instant reclaimBefore) {
    checkNotNull(now, "now");
    checkNotNull(reclaimBefore, "reclaimBefore");
    return draws.values().stream()
        .filter(draw -> due(draw, now, reclaimBefore))
        .sorted(Comparator.comparing(Draw::drawAt))
        .map(Draw::key)
        .collect(ImmutableList.toImmutableList());
  }

  @Override
  public synchronized boolean claim(DrawKey key, Instant now, Instant reclaimBefore) {
    checkNotNull(key, "key");
    checkNotNull(now, "now");
    checkNotNull(reclaimBefore, "reclaimBefore");
    Draw draw = draws.get(key);
    if (draw == null || !due(draw, now, reclaimBefore)) {
      return false;
    }
    draws.put(
        key,
        new Draw(
            key,
            draw.drawAt(),
            draw.commitment(),
            DrawStatus.DRAWING,
            Optional.of(now),
            Optional.empty(),
            Optional.empty()));
    return true;
  }

  @Override
  public synchronized boolean resolve(String entryId, Outcome outcome) {
    checkNotNull(entryId, "entryId");
    checkNotNull(outcome, "outcome");
    checkArgument(outcome.status() != OutcomeStatus.PENDING, "an entry is resolved as won or lost");
    Entry entry = entries.get(entryId);
    if (entry == null || entry.outcome().status() != OutcomeStatus.PENDING) {
      return false;
    }
    entries.put(
        entryId,
        new Entry(
            entry.id(),
            entry.draw(),
            entry.tokenHash(),
            entry.services(),
            Optional.empty(),
            entry.identityKeys(),
            entry.waitingListIfLost(),
            entry.enteredAt(),
            outcome));
    return true;
  }

  @Override
  public synchronized boolean finish(DrawKey key, String seed, Instant drawnAt) {
    checkNotNull(key, "key");
    checkNotNull(seed, "seed");
    checkNotNull(drawnAt, "drawnAt");
    Draw draw = draws.get(key);
    if (draw == null || draw.status() != DrawStatus.DRAWING) {
      return false;
    }
    draws.put(
        key,
        new Draw(
            key,
            draw.drawAt(),
            draw.commitment(),
            DrawStatus.DRAWN,
            draw.claimedAt(),
            Optional.of(seed),
            Optional.of(drawnAt)));
    return true;
  }

  @Override
  public synchronized int deleteEntries(OfficeId office, LocalDate dayBefore, int limit) {
    checkNotNull(office, "office");
    checkNotNull(dayBefore, "dayBefore");
    checkArgument(limit > 0, "limit must be positive");
    List<Entry> old =
        entries.values().stream()
            .filter(
                entry ->
                    entry.draw().office().equals(office) && entry.draw().day().isBefore(dayBefore))
            .sorted(Comparator.comparing((Entry entry) -> entry.draw().day()))
            .limit(limit)
            .toList();
    for (Entry entry : old) {
      entries.remove(entry.id());
      Set<String> taken = identities.get(entry.draw());
      if (taken != null) {
        taken.removeAll(entry.identityKeys());
      }
    }
    return old.size();
  }

  private static boolean due(Draw draw, Instant now, Instant reclaimBefore) {
    return switch (draw.status()) {
      case OPEN -> !draw.drawAt().isAfter(now);
      case DRAWING -> draw.claimedAt().orElseThrow().isBefore(reclaimBefore);
      case DRAWN -> false;
    };
  }
}
