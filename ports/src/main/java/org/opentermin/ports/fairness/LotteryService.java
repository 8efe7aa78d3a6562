package org.opentermin.ports.fairness;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opentermin.core.booking.BookedService;
import org.opentermin.core.booking.OutsideText;
import org.opentermin.core.booking.RefusalReason;
import org.opentermin.core.catalog.Channel;
import org.opentermin.core.catalog.Office;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.catalog.Service;
import org.opentermin.core.catalog.ServiceId;
import org.opentermin.core.fairness.AccessPolicies;
import org.opentermin.core.fairness.AccessPolicy;
import org.opentermin.core.fairness.Identity;
import org.opentermin.core.fairness.Lottery;
import org.opentermin.ports.booking.Secrets;
import org.opentermin.ports.in.EnterLottery;
import org.opentermin.ports.in.Refused;
import org.opentermin.ports.in.ServiceRequest;
import org.opentermin.ports.out.CatalogStore;
import org.opentermin.ports.out.LotteryStore;
import org.opentermin.ports.out.LotteryStore.Draw;
import org.opentermin.ports.out.LotteryStore.DrawKey;
import org.opentermin.ports.out.LotteryStore.Entry;
import org.opentermin.ports.out.LotteryStore.OutcomeStatus;
import org.opentermin.ports.out.RandomSource;

/**
 * Lottery entries and the public audit of draws (ADR 005); {@link LotteryDraws} draws them. An
 * entry goes to the first wave of its day whose entry window is open now, as the policy for its
 * services says; the store refuses a second entry of the same identity (any of its normalised email
 * or phone) in a draw. Thread-safe.
 */
public final class LotteryService implements EnterLottery {

  /** Most distinct services one entry may name. */
  public static final int MAXIMUM_SERVICES = 10;

  private final CatalogStore catalog;
  private final LotteryStore store;
  private final Clock clock;
  private final RandomSource random;

  public LotteryService(
      CatalogStore catalog, LotteryStore store, Clock clock, RandomSource random) {
    this.catalog = checkNotNull(catalog, "catalog");
    this.store = checkNotNull(store, "store");
    this.clock = checkNotNull(clock, "clock");
    this.random = checkNotNull(random, "random");
  }

  @Override
  public EntryResult enter(Command command) {
    checkNotNull(command, "command");
    Optional<Office> office = catalog.office(command.office());
    Optional<AccessPolicies> policies = catalog.accessPolicies(command.office());
    if (office.isEmpty() || policies.isEmpty()) {
      return new Refused(RefusalReason.NOT_FOUND, "unknown office " + command.office());
    }
    List<BookedService> services = new ArrayList<>();
    Optional<Refused> invalid = checkServices(command.services(), services);
    if (invalid.isPresent()) {
      return invalid.get();
    }
    AccessPolicy policy =
        policies.get().forServices(services.stream().map(BookedService::service).toList());
    if (policy.lottery().isEmpty() || policy.release().isEmpty()) {
      return new Refused(
          RefusalReason.NOT_PERMITTED,
          "office " + command.office() + " does not draw these services by lottery");
    }
    ImmutableSet<String> identityKeys =
        Identity.of(command.citizen()).stream()
            .map(identity -> identity.key(policies.get().secret()))
            .collect(ImmutableSet.toImmutableSet());
    if (identityKeys.isEmpty()) {
      return new Refused(
          RefusalReason.INVALID_REQUEST,
          "a lottery entry needs a valid email address or phone number");
    }
    Instant now = now();
    LotteryWaves waves = new LotteryWaves(policies.get(), policy, office.get(), command.day());
    Optional<Integer> wave = waves.openForEntries(now);
    if (wave.isEmpty()) {
      Optional<Instant> next = waves.nextEntriesOpenAt(now);
      return next.<EntryResult>map(
              opens ->
                  new Refused(
                      RefusalReason.NOT_YET_RELEASED,
                      "entries for " + command.day() + " open at " + opens))
          .orElseGet(
              () ->
                  new Refused(
                      RefusalReason.TOO_LATE,
                      "every lottery for "
                          + command.day()
                          + " has been drawn; book what is left from "
                          + waves.lastFirstComeFirstServed()));
    }
    DrawKey key = new DrawKey(command.office(), command.day(), wave.get());
    Draw draw =
        Draw.open(key, waves.opensAt(wave.get()), Lottery.commitment(waves.seed(wave.get())));
    String token = Secrets.newManageToken(random);
    Entry entry =
        new Entry(
            random.nextUuid().toString(),
            key,
            Secrets.sha256(token),
            ImmutableList.copyOf(services),
            Optional.of(
                command.citizen().withoutNote()), // a note belongs to a booking, not to an entry
            identityKeys,
            command.waitingListIfLost(),
            now,
            LotteryStore.Outcome.pending());
    switch (store.enter(draw, entry)) {
      case ENTERED:
        break;
      case IDENTITY_TAKEN:
        return new Refused(
            RefusalReason.ALREADY_EXISTS,
            "this person has entered the lottery for " + command.day() + " already");
      case DRAW_CLOSED:
      default:
        return new Refused(
            RefusalReason.TOO_LATE,
            "the lottery for " + command.day() + " is being drawn; entries are closed");
    }
    Draw stored = store.draw(key).orElse(draw);
    return new Entered(
        entry.id(), token, command.day(), key.wave(), stored.drawAt(), stored.commitment());
  }

  @Override
  public Optional<EntryStatus> find(String entryId, String entryToken) {
    checkNotNull(entryId, "entryId");
    checkNotNull(entryToken, "entryToken");
    if (entryId.isEmpty() || entryId.length() > Entry.MAXIMUM_ID_LENGTH) {
      return Optional.empty();
    }
    // A wrong token looks exactly like an unknown entry.
    return store
        .entry(entryId)
        .filter(entry -> Secrets.tokenMatches(entryToken, entry.tokenHash()))
        .map(this::status);
  }

  private EntryStatus status(Entry entry) {
    DrawKey key = entry.draw();
    return switch (entry.outcome().status()) {
      case PENDING -> {
        Draw draw =
            store
                .draw(key)
                .orElseThrow(() -> new IllegalStateException("an entry's draw is stored with it"));
        yield new Pending(
            entry.id(), key.office(), key.day(), key.wave(), draw.drawAt(), draw.commitment());
      }
      case WON ->
          new Won(
              entry.id(),
              key.office(),
              key.day(),
              key.wave(),
              entry.outcome().reference().orElseThrow(),
              entry.outcome().start().orElseThrow());
      case LOST -> new Lost(entry.id(), key.office(), key.day(), key.wave());
    };
  }

  @Override
  public Optional<DrawView> draw(OfficeId office, LocalDate day, int wave) {
    DrawsResult result = draws(office, day);
    if (!(result instanceof Draws draws)) {
      return Optional.empty();
    }
    return draws.draws().stream().filter(view -> view.wave() == wave).findFirst();
  }

  @Override
  public DrawsResult draws(OfficeId officeId, LocalDate day) {
    checkNotNull(officeId, "officeId");
    checkNotNull(day, "day");
    Optional<Office> office = catalog.office(officeId);
    Optional<AccessPolicies> policies = catalog.accessPolicies(officeId);
    if (office.isEmpty() || policies.isEmpty()) {
      return new Refused(RefusalReason.NOT_FOUND, "unknown office " + officeId);
    }
    Instant now = now();
    Map<Integer, DrawView> views = new LinkedHashMap<>();
    // Draws with entries, whichever policy they were entered under...
    for (Draw draw : store.draws(officeId, day)) {
      views.put(draw.key().wave(), view(draw, policies.get(), now));
    }
    // ...and the office's own waves that nobody has entered yet.
    AccessPolicy policy = policies.get().office();
    if (policy.lottery().isPresent() && policy.release().isPresent()) {
      LotteryWaves waves = new LotteryWaves(policies.get(), policy, office.get(), day);
      for (int wave = 0; wave < waves.count(); wave++) {
        if (!views.containsKey(wave)) {
          views.put(wave, waves.emptyView(wave, now));
        }
      }
    }
    boolean anyLottery =
        policy.lottery().isPresent()
            || policies.get().services().values().stream()
                .anyMatch(service -> service.lottery().isPresent());
    if (views.isEmpty() && !anyLottery) {
      return new Refused(RefusalReason.NOT_PERMITTED, "office " + officeId + " has no lottery");
    }
    return new Draws(
        views.values().stream()
            .sorted(Comparator.comparingInt(DrawView::wave))
            .collect(ImmutableList.toImmutableList()));
  }

  private DrawView view(Draw draw, AccessPolicies policies, Instant now) {
    DrawKey key = draw.key();
    ImmutableList<Entry> entries = store.entries(key);
    AccessPolicy policy = policies.office();
    Instant entriesOpenAt =
        policy.lottery().map(lottery -> lottery.entriesOpenAt(draw.drawAt())).orElse(draw.drawAt());
    if (draw.status() != LotteryStore.DrawStatus.DRAWN) {
      DrawStatus status =
          draw.status() == LotteryStore.DrawStatus.DRAWING ? DrawStatus.DRAWING : DrawStatus.OPEN;
      return new DrawView(
          key.office(),
          key.day(),
          key.wave(),
          entriesOpenAt,
          draw.drawAt(),
          status,
          entries.size(),
          Optional.of(draw.commitment()),
          Optional.empty(),
          ImmutableList.of(),
          ImmutableList.of());
    }
    String seed = draw.seed().orElseThrow();
    ImmutableList<Entry> order = Lottery.drawOrder(seed, entries, Entry::id);
    return new DrawView(
        key.office(),
        key.day(),
        key.wave(),
        entriesOpenAt,
        draw.drawAt(),
        DrawStatus.DRAWN,
        entries.size(),
        Optional.of(draw.commitment()),
        Optional.of(seed),
        order.stream().map(Entry::id).collect(ImmutableList.toImmutableList()),
        order.stream()
            .filter(entry -> entry.outcome().status() == OutcomeStatus.WON)
            .map(Entry::id)
            .collect(ImmutableList.toImmutableList()));
  }

  /**
   * Checks and merges the requested services (the same service twice counts its persons together).
   */
  private Optional<Refused> checkServices(
      List<ServiceRequest> requested, List<BookedService> checked) {
    if (requested.isEmpty()) {
      return Optional.of(new Refused(RefusalReason.INVALID_REQUEST, "name at least one service"));
    }
    Map<ServiceId, Integer> persons = new LinkedHashMap<>();
    for (ServiceRequest wanted : requested) {
      persons.merge(wanted.service(), wanted.persons(), Integer::sum);
    }
    if (persons.size() > MAXIMUM_SERVICES) {
      return Optional.of(
          new Refused(
              RefusalReason.INVALID_REQUEST,
              "an entry names at most " + MAXIMUM_SERVICES + " services"));
    }
    for (Map.Entry<ServiceId, Integer> wanted : persons.entrySet()) {
      Optional<Service> service = catalog.service(wanted.getKey());
      if (service.isEmpty()) {
        return Optional.of(
            new Refused(RefusalReason.INVALID_REQUEST, "unknown service " + wanted.getKey()));
      }
      if (wanted.getValue() < 1 || wanted.getValue() > service.get().maxPersons()) {
        return Optional.of(
            new Refused(
                RefusalReason.INVALID_REQUEST,
                OutsideText.inRefusal(service.get())
                    + " takes 1 to "
                    + service.get().maxPersons()
                    + " persons, not "
                    + wanted.getValue()));
      }
      if (!service.get().allows(Channel.ONLINE)) {
        return Optional.of(
            new Refused(
                RefusalReason.INVALID_REQUEST,
                OutsideText.inRefusal(service.get()) + " cannot be booked online"));
      }
      checked.add(new BookedService(wanted.getKey(), wanted.getValue()));
    }
    return Optional.empty();
  }

  /**
   * The current instant at the database's precision (microseconds), so stored instants round-trip.
   */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
