package org.opentermin.ports.fairness;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opentermin.core.audit.AuditAction;
import org.opentermin.core.audit.AuditEntry;
import org.opentermin.core.booking.Actor;
import org.opentermin.core.booking.BookedService;
import org.opentermin.core.booking.OutsideText;
import org.opentermin.core.booking.RefusalReason;
import org.opentermin.core.catalog.Channel;
import org.opentermin.core.catalog.Office;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.catalog.Resource;
import org.opentermin.core.catalog.Service;
import org.opentermin.core.catalog.ServiceId;
import org.opentermin.core.fairness.AccessPolicies;
import org.opentermin.core.fairness.Identity;
import org.opentermin.core.fairness.WaitingListEntryId;
import org.opentermin.core.fairness.WaitingOrder;
import org.opentermin.core.time.DateRange;
import org.opentermin.ports.booking.Secrets;
import org.opentermin.ports.in.JoinWaitingList;
import org.opentermin.ports.in.Refused;
import org.opentermin.ports.in.ServiceRequest;
import org.opentermin.ports.out.AuditLog;
import org.opentermin.ports.out.CatalogStore;
import org.opentermin.ports.out.RandomSource;
import org.opentermin.ports.out.WaitingListStore;
import org.opentermin.ports.out.WaitingListStore.Entry;

/**
 * The citizen's side of the waiting list (ADR 005): registration, the entry's view, withdrawal; and
 * the staff list of an office, each look at it recorded in the {@link AuditLog} first. Offers are
 * made by {@link WaitingListOffers}. The store's statuses and offers are translated into the use
 * case's own ({@link Status}, {@link Offer}) here. Thread-safe.
 */
public final class WaitingListService implements JoinWaitingList {

  /** Longest date range one entry may span, like an availability query over HTTP. */
  public static final int MAXIMUM_DAYS = 92;

  private final CatalogStore catalog;
  private final WaitingListStore store;
  private final AuditLog audit;
  private final Clock clock;
  private final RandomSource random;

  public WaitingListService(
      CatalogStore catalog,
      WaitingListStore store,
      AuditLog audit,
      Clock clock,
      RandomSource random) {
    this.catalog = checkNotNull(catalog, "catalog");
    this.store = checkNotNull(store, "store");
    this.audit = checkNotNull(audit, "audit");
    this.clock = checkNotNull(clock, "clock");
    this.random = checkNotNull(random, "random");
  }

  @Override
  public JoinResult register(Registration registration) {
    checkNotNull(registration, "registration");
    Office office = catalog.office(registration.office()).orElse(null);
    if (office == null) {
      return refused(RefusalReason.NOT_FOUND, "unknown office " + registration.office());
    }
    if (registration.services().isEmpty()) {
      return refused(RefusalReason.INVALID_REQUEST, "name at least one service");
    }
    if (registration.services().stream().anyMatch(wanted -> wanted.persons() < 1)) {
      return refused(RefusalReason.INVALID_REQUEST, "each service is for at least one person");
    }
    ImmutableList<BookedService> services = merged(registration.services());
    ImmutableList<Resource> resources = catalog.resources(office.id());
    for (BookedService wanted : services) {
      Optional<Service> service = catalog.service(wanted.service());
      if (service.isEmpty()
          || resources.stream()
              .noneMatch(resource -> resource.canServeAll(List.of(wanted.service())))) {
        return refused(
            RefusalReason.INVALID_REQUEST,
            "unknown service " + wanted.service() + " at office " + office.id());
      }
      if (wanted.persons() < 1 || wanted.persons() > service.get().maxPersons()) {
        return refused(
            RefusalReason.INVALID_REQUEST,
            OutsideText.inRefusal(service.get())
                + " takes 1 to "
                + service.get().maxPersons()
                + " persons, not "
                + wanted.persons());
      }
      if (!service.get().allows(Channel.ONLINE)) {
        return refused(
            RefusalReason.INVALID_REQUEST,
            OutsideText.inRefusal(service.get()) + " cannot be booked online");
      }
    }
    AccessPolicies policies = catalog.accessPolicies(office.id()).orElseThrow();
    List<ServiceId> ids = services.stream().map(BookedService::service).toList();
    if (policies.forServices(ids).waitingList().isEmpty()) {
      return refused(RefusalReason.NOT_PERMITTED, "this office has no waiting list");
    }
    Instant now = now();
    DateRange dates = registration.dates();
    DateRange bookable = bookable(office, now);
    if (dates.isEmpty() || dates.lengthInDays() > MAXIMUM_DAYS) {
      return refused(
          RefusalReason.INVALID_REQUEST, "an entry spans 1 to " + MAXIMUM_DAYS + " days");
    }
    if (dates.start().isBefore(bookable.start())
        || dates.endExclusive().isAfter(bookable.endExclusive())) {
      return refused(
          RefusalReason.INVALID_REQUEST,
          "office "
              + office.id()
              + " can be booked from "
              + bookable.start()
              + " to "
              + bookable.last());
    }
    ImmutableSet<String> keys =
        Identity.of(registration.citizen()).stream()
            .map(identity -> identity.key(policies.secret()))
            .collect(ImmutableSet.toImmutableSet());
    if (keys.isEmpty()) {
      return refused(
          RefusalReason.INVALID_REQUEST,
          "the waiting list needs a valid email address or phone number");
    }
    String token = Secrets.newManageToken(random);
    WaitingListEntryId id = new WaitingListEntryId(office.id(), random.nextUuid());
    // A note belongs to a booking and its caseworker; the waiting list keeps only how to reach the
    // citizen.
    Entry entry =
        new Entry(
            id,
            services,
            dates,
            registration.citizen().withoutNote(),
            keys,
            Secrets.sha256(token),
            now,
            WaitingListStore.Status.WAITING,
            Optional.empty(),
            now);
    if (store.add(entry) == WaitingListStore.Addition.ALREADY_WAITING) {
      return refused(
          RefusalReason.ALREADY_EXISTS,
          "the same person already waits at this office for one of these services");
    }
    return new Joined(id, token, Status.WAITING);
  }

  @Override
  public Optional<EntryView> find(WaitingListEntryId entry, String entryToken) {
    return accessible(entry, entryToken).flatMap(found -> view(found, now()));
  }

  @Override
  public WithdrawResult withdraw(WaitingListEntryId entryId, String entryToken) {
    Optional<Entry> found = accessible(entryId, entryToken);
    // A status can change between reading and writing (the job offers, settles); read again then.
    for (int attempt = 0; attempt < 3 && found.isPresent(); attempt++) {
      Entry entry = found.get();
      switch (entry.status()) {
        case WITHDRAWN:
          return new Withdrawn(entryId);
        case WAITING:
        case OFFERED:
          if (store.changeStatus(
              entryId, entry.status(), WaitingListStore.Status.WITHDRAWN, now())) {
            entry.offer().ifPresent(offer -> store.releaseHold(offer.hold()));
            return new Withdrawn(entryId);
          }
          break;
        default:
          return new NotWithdrawn(
              new Refused(
                  RefusalReason.ILLEGAL_TRANSITION,
                  "this entry is "
                      + entry.status().name().toLowerCase(java.util.Locale.ROOT)
                      + " and no longer on the list"));
      }
      found = store.find(entryId);
    }
    if (found.isEmpty()) {
      return new NotWithdrawn(new Refused(RefusalReason.NOT_FOUND, "unknown waiting-list entry"));
    }
    return new NotWithdrawn(
        new Refused(RefusalReason.ILLEGAL_TRANSITION, "the entry changed meanwhile; try again"));
  }

  @Override
  public ImmutableList<StaffEntryView> openEntries(OfficeId office, Actor viewer) {
    checkNotNull(office, "office");
    checkNotNull(viewer, "viewer");
    Optional<AccessPolicies> policies = catalog.accessPolicies(office);
    if (policies.isEmpty()) {
      return ImmutableList.of();
    }
    Instant now = now();
    audit.append(AuditEntry.ofOffice(now, viewer, AuditAction.VIEWED_WAITING_LIST, office, ""));
    ImmutableList<Entry> open =
        WaitingOrder.order(
            policies.get().secret(),
            store.entries(
                office,
                EnumSet.of(WaitingListStore.Status.WAITING, WaitingListStore.Status.OFFERED)),
            Entry::registeredAt,
            entry -> entry.id().toString());
    return open.stream()
        .flatMap(
            entry ->
                view(entry, now).map(view -> new StaffEntryView(view, entry.contact())).stream())
        .collect(ImmutableList.toImmutableList());
  }

  /** The entry if the token is its token; a wrong token looks exactly like an unknown entry. */
  private Optional<Entry> accessible(WaitingListEntryId entry, String entryToken) {
    checkNotNull(entry, "entry");
    return store.find(entry).filter(found -> Secrets.tokenMatches(entryToken, found.tokenHash()));
  }

  private Optional<EntryView> view(Entry entry, Instant now) {
    return catalog
        .office(entry.office())
        .map(
            office -> {
              ZoneId zone = office.zone();
              Status status = shown(entry.status());
              if (status == Status.WAITING
                  && !entry.dates().endExclusive().isAfter(LocalDate.ofInstant(now, zone))) {
                status = Status.EXPIRED;
              }
              Optional<Offer> offer =
                  entry.offer().map(held -> new Offer(held.hold(), held.start(), held.deadline()));
              return new EntryView(
                  entry.id(),
                  entry.services(),
                  entry.dates(),
                  status,
                  entry.registeredAt(),
                  offer,
                  zone);
            });
  }

  /** The store's status as the use case names it; a new store status has to be placed here. */
  static Status shown(WaitingListStore.Status status) {
    return switch (status) {
      case WAITING -> Status.WAITING;
      case OFFERED -> Status.OFFERED;
      case BOOKED -> Status.BOOKED;
      case LAPSED -> Status.LAPSED;
      case WITHDRAWN -> Status.WITHDRAWN;
      case EXPIRED -> Status.EXPIRED;
    };
  }

  /** The days the office can be booked on now: today to the end of its horizon. */
  static DateRange bookable(Office office, Instant now) {
    LocalDate today = LocalDate.ofInstant(now, office.zone());
    return DateRange.closed(today, today.plusDays(office.horizon().maximumDaysAhead()));
  }

  /** The same service named twice counts its persons together. */
  static ImmutableList<BookedService> merged(List<ServiceRequest> services) {
    Map<ServiceId, Integer> persons = new LinkedHashMap<>();
    services.forEach(wanted -> persons.merge(wanted.service(), wanted.persons(), Integer::sum));
    return persons.entrySet().stream()
        .map(entry -> new BookedService(entry.getKey(), entry.getValue()))
        .collect(ImmutableList.toImmutableList());
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private static NotJoined refused(RefusalReason reason, String detail) {
    return new NotJoined(new Refused(reason, detail));
  }
}
