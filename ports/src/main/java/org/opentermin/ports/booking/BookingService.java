package org.opentermin.ports.booking;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Iterables;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import org.opentermin.core.audit.AuditAction;
import org.opentermin.core.audit.AuditEntry;
import org.opentermin.core.availability.AppointmentRequest;
import org.opentermin.core.availability.Availability;
import org.opentermin.core.availability.BusyPeriod;
import org.opentermin.core.availability.Occupancy;
import org.opentermin.core.availability.RequestedService;
import org.opentermin.core.availability.ScheduledResource;
import org.opentermin.core.availability.Slot;
import org.opentermin.core.availability.SlotFinder;
import org.opentermin.core.booking.Actor;
import org.opentermin.core.booking.Appointment;
import org.opentermin.core.booking.AppointmentId;
import org.opentermin.core.booking.AppointmentStatus;
import org.opentermin.core.booking.BookedService;
import org.opentermin.core.booking.BookingEvent;
import org.opentermin.core.booking.BookingReference;
import org.opentermin.core.booking.BookingRules;
import org.opentermin.core.booking.Citizen;
import org.opentermin.core.booking.OutsideText;
import org.opentermin.core.booking.Refusal;
import org.opentermin.core.booking.VideoLink;
import org.opentermin.core.catalog.AppointmentMode;
import org.opentermin.core.catalog.Channel;
import org.opentermin.core.catalog.ModeOptions;
import org.opentermin.core.catalog.Office;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.catalog.ResourceId;
import org.opentermin.core.catalog.Service;
import org.opentermin.core.catalog.ServiceId;
import org.opentermin.core.fairness.AccessPolicies;
import org.opentermin.core.fairness.AccessPolicy;
import org.opentermin.core.fairness.Cancellation;
import org.opentermin.core.fairness.ClosedCapacity;
import org.opentermin.core.fairness.FairAssignment;
import org.opentermin.core.fairness.FairnessSecret;
import org.opentermin.core.fairness.Identity;
import org.opentermin.core.fairness.IdentityLimit;
import org.opentermin.core.fairness.LotteryPolicy;
import org.opentermin.core.fairness.Quarantine;
import org.opentermin.core.fairness.TimeWindow;
import org.opentermin.core.routing.Routing;
import org.opentermin.core.routing.RoutingInputs;
import org.opentermin.core.time.DateRange;
import org.opentermin.ports.challenge.ProofOfWorkChallenge;
import org.opentermin.ports.in.AvailabilityResult;
import org.opentermin.ports.in.BookingAccess;
import org.opentermin.ports.in.BookingResult;
import org.opentermin.ports.in.ChangeResult;
import org.opentermin.ports.in.ConfirmBooking;
import org.opentermin.ports.in.FindAvailability;
import org.opentermin.ports.in.FirstSlotResult;
import org.opentermin.ports.in.GetChallenge;
import org.opentermin.ports.in.HoldResult;
import org.opentermin.ports.in.HoldSlot;
import org.opentermin.ports.in.ManageBooking;
import org.opentermin.ports.in.Refused;
import org.opentermin.ports.in.ResolveResponsibility;
import org.opentermin.ports.in.ServiceRequest;
import org.opentermin.ports.in.ViewDay;
import org.opentermin.ports.memory.InMemoryHoldRates;
import org.opentermin.ports.memory.InMemorySpentChallenges;
import org.opentermin.ports.out.AuditLog;
import org.opentermin.ports.out.BookingStore;
import org.opentermin.ports.routing.ResponsibilityService;
import org.opentermin.ports.out.BookingStore.ClientQuota;
import org.opentermin.ports.out.BookingStore.ConfirmResult;
import org.opentermin.ports.out.BookingStore.HoldClaim;
import org.opentermin.ports.out.BookingStore.HoldPlacement;
import org.opentermin.ports.out.BookingStore.IdempotencyMatch;
import org.opentermin.ports.out.BookingStore.IdempotencyRecord;
import org.opentermin.ports.out.BookingStore.IdentityQuota;
import org.opentermin.ports.out.BookingStore.StoredBooking;
import org.opentermin.ports.out.CatalogStore;
import org.opentermin.ports.out.Challenge;
import org.opentermin.ports.out.HoldRates;
import org.opentermin.ports.out.RandomSource;
import org.opentermin.ports.out.VideoRoom;
import org.opentermin.ports.video.GeneratedVideoRooms;

/**
 * The booking use cases. Each decides with the core's rules on what the stores return, then lets
 * the store apply the decision conditionally: if something changed in between (another citizen
 * took the time, the hold expired), the store refuses and the use case answers with a refusal.
 * Capacity is never checked here and then trusted; the store enforces it.
 *
 * <p>The office's fair-access policy (ADR 005) closes capacity that is not yet released, kept for
 * another channel or in quarantine after a cancellation: availability leaves it out and a hold on
 * it is refused with the rule's reason. Limits that count (live holds per client, bookings per
 * identity, reschedules) are counted by the store in the step that claims.
 *
 * <p>Every query and hold is for one appointment mode (in person unless said otherwise), which
 * decides the duration and the resources; a booking keeps its hold's mode. A phone appointment is
 * confirmed only with a phone number to call back; a video appointment gets its link from the
 * {@link VideoRoom} when it is confirmed, and keeps it when it moves.
 *
 * <p>Every read of personal data by staff (a booking, its history, a day's bookings) is appended
 * to the {@link AuditLog} before the data is returned: if the log cannot take the entry, nobody
 * sees the data. Changes are recorded by the store with the change itself. Staff reach the
 * bookings of their own offices only; others are answered as unknown. Thread-safe.
 */
public final class BookingService
    implements FindAvailability, HoldSlot, ConfirmBooking, ManageBooking, ViewDay, GetChallenge {

  /** Longest date range one availability query may span. */
  public static final int MAXIMUM_QUERY_DAYS = 366;

  /** How long an app instance may go without checking for schedule changes: a second. */
  public static final Duration RECOMMENDED_SCHEDULE_RECHECK = Duration.ofSeconds(1);

  private static final int REFERENCE_ATTEMPTS = 8;

  private final BookingStore bookings;
  private final AuditLog audit;
  private final Clock clock;
  private final RandomSource random;
  private final CompiledOffices offices;
  private final Challenge challenge;
  private final VideoRoom videoRoom;
  private final HoldRates holdRates;
  private final Optional<ResponsibilityService> responsibility;
  /**
   * Release and contingent closures of recent availability queries: computing them hashes every
   * grid cell of the range, far more work than the query itself, and they depend only on the key.
   */
  private final Cache<ClosureKey, ClosedCapacity> scheduledClosures = CacheBuilder.newBuilder().maximumSize(64).build();

  /**
   * A service that sees every schedule change from the next request on, with proof-of-work
   * challenges that only this instance can verify. Staff reads are recorded in {@code audit}, the
   * log that {@code bookings} records its changes in.
   */
  public BookingService(CatalogStore catalog, BookingStore bookings, AuditLog audit, Clock clock, RandomSource random) {
    this(builder(catalog, bookings, audit, clock, random));
  }

  /**
   * A service that checks whether an office's schedule changed at most every {@code
   * scheduleRecheck}: a schedule change then takes up to that long to reach this instance, and
   * most requests save the check's round trip.
   */
  public BookingService(
      CatalogStore catalog, BookingStore bookings, AuditLog audit, Clock clock, RandomSource random, Duration scheduleRecheck) {
    this(builder(catalog, bookings, audit, clock, random).scheduleRecheck(scheduleRecheck));
  }

  /**
   * A service built from {@code builder}: its challenges, responsibility rules and video rooms
   * where given, the defaults of {@link Builder} otherwise.
   */
  private BookingService(Builder builder) {
    this.bookings = builder.bookings;
    this.audit = builder.audit;
    this.clock = builder.clock;
    this.random = builder.random;
    this.challenge = builder.challenge.orElseGet(() -> localChallenge(builder.random));
    this.holdRates = builder.holdRates.orElseGet(InMemoryHoldRates::new);
    this.responsibility = builder.responsibility;
    this.videoRoom = builder.videoRoom.orElseGet(() -> new GeneratedVideoRooms(GeneratedVideoRooms.DEFAULT_BASE_URL, builder.random));
    this.offices = new CompiledOffices(builder.catalog, builder.clock, builder.scheduleRecheck);
  }

  /** A builder for a service over these stores, clock and randomness; the rest is optional. */
  public static Builder builder(CatalogStore catalog, BookingStore bookings, AuditLog audit, Clock clock, RandomSource random) {
    return new Builder(catalog, bookings, audit, clock, random);
  }

  /**
   * Builds a {@link BookingService}. Without further settings it sees every schedule change from
   * the next request on, verifies only its own proof-of-work challenges, follows no
   * responsibility rules, and opens video rooms under {@link GeneratedVideoRooms#DEFAULT_BASE_URL}.
   */
  public static final class Builder {
    private final CatalogStore catalog;
    private final BookingStore bookings;
    private final AuditLog audit;
    private final Clock clock;
    private final RandomSource random;
    private Duration scheduleRecheck = Duration.ZERO;
    private Optional<Challenge> challenge = Optional.empty();
    private Optional<HoldRates> holdRates = Optional.empty();
    private Optional<ResponsibilityService> responsibility = Optional.empty();
    private Optional<VideoRoom> videoRoom = Optional.empty();

    private Builder(CatalogStore catalog, BookingStore bookings, AuditLog audit, Clock clock, RandomSource random) {
      this.catalog = checkNotNull(catalog, "catalog");
      this.bookings = checkNotNull(bookings, "bookings");
      this.audit = checkNotNull(audit, "audit");
      this.clock = checkNotNull(clock, "clock");
      this.random = checkNotNull(random, "random");
    }

    /**
     * Checks whether an office's schedule changed at most every {@code recheck}: a change then takes
     * up to that long to reach this instance, and most requests save the check's round trip.
     */
    public Builder scheduleRecheck(Duration recheck) {
      checkArgument(!checkNotNull(recheck, "recheck").isNegative(), "schedule recheck must not be negative");
      this.scheduleRecheck = recheck;
      return this;
    }

    /** Challenges from {@code challenge}, e.g. one shared by every instance. */
    public Builder challenge(Challenge challenge) {
      this.challenge = Optional.of(checkNotNull(challenge, "challenge"));
      return this;
    }

    /** Counts the offices' hold attempts in {@code holdRates}, e.g. one shared by every instance. */
    public Builder holdRates(HoldRates holdRates) {
      this.holdRates = Optional.of(checkNotNull(holdRates, "holdRates"));
      return this;
    }

    /**
     * Follows the responsibility rules of {@code responsibility}: availability and holds with a
     * citizen's routing inputs offer only the responsible caseworkers, and exclusive offices serve
     * online only the citizens they are responsible for.
     */
    public Builder responsibility(ResponsibilityService responsibility) {
      this.responsibility = Optional.of(checkNotNull(responsibility, "responsibility"));
      return this;
    }

    /** Video appointments get their rooms from {@code videoRoom}. */
    public Builder videoRoom(VideoRoom videoRoom) {
      this.videoRoom = Optional.of(checkNotNull(videoRoom, "videoRoom"));
      return this;
    }

    public BookingService build() {
      return new BookingService(this);
    }
  }

  @Override
  public AvailabilityResult findSlots(FindAvailability.Query query) {
    try {
      if (query.dates().lengthInDays() > MAXIMUM_QUERY_DAYS) {
        throw refuse(Refusal.INVALID_REQUEST, "a query spans at most " + MAXIMUM_QUERY_DAYS + " days");
      }
      Resolved resolved =
          resolveRouted(query.office(), query.services(), query.channel(), query.mode(), Actor.SYSTEM, query.routing());
      Instant now = now();
      ZoneId zone = resolved.office().zone();
      Instant from = query.dates().start().atStartOfDay(zone).toInstant();
      Instant to = query.dates().endExclusive().atStartOfDay(zone).toInstant();
      Occupancy occupancy = occupancy(resolved, query.channel(), from, to, now, Closures.ALL);
      Availability availability = resolved.finder().findSlots(resolved.request(), query.dates(), occupancy, now);
      return new AvailabilityResult.Found(availability);
    } catch (Refuse refusal) {
      return refusal.refused;
    }
  }

  @Override
  public FirstSlotResult firstFreeSlot(
      OfficeId officeId, ImmutableList<ServiceRequest> services, Channel channel, Optional<RoutingInputs> routing,
      AppointmentMode mode) {
    try {
      Resolved resolved = resolveRouted(officeId, services, channel, mode, Actor.SYSTEM, routing);
      Instant now = now();
      Office office = resolved.office();
      LocalDate today = LocalDate.ofInstant(now, office.zone());
      Instant horizonEnd = today.plusDays(office.horizon().maximumDaysAhead() + 1L).atStartOfDay(office.zone()).toInstant();
      Occupancy occupancy = occupancy(resolved, channel, now, horizonEnd, now, Closures.ALL);
      Optional<Slot> first = resolved.finder().firstFreeSlot(resolved.request(), now, occupancy, now);
      return first.<FirstSlotResult>map(slot -> new FirstSlotResult.Found(slot, office.zone()))
          .orElseGet(FirstSlotResult.NoneFree::new);
    } catch (Refuse refusal) {
      return refusal.refused;
    }
  }

  @Override
  public HoldResult hold(HoldSlot.Command command) {
    try {
      Resolved resolved = resolveRouted(
          command.office(), command.services(), command.channel(), command.mode(), command.actor(), command.routing());
      Office office = resolved.office();
      Optional<String> key = validKey(command.idempotencyKey());
      String fingerprint = holdFingerprint(command);
      Optional<IdempotencyRecord> idempotency =
          key.map(value -> new IdempotencyRecord(Secrets.keyHash(value), fingerprint, new byte[0]));
      if (idempotency.isPresent()) {
        Optional<IdempotencyMatch> earlier = bookings.findByHoldKey(office.id(), idempotency.get().keyHash());
        if (earlier.isPresent()) {
          return replayHold(earlier.get(), fingerprint);
        }
      }
      Instant now = now();
      checkChallenge(resolved, command, now);
      boolean urgent = command.urgent() && command.actor() instanceof Actor.Staff;
      Candidates candidates = candidates(resolved, command.start(), command.channel(), urgent, Closures.ALL, now);
      // Only a keyed hash of the client's address is stored, and only on the hold.
      Optional<ClientQuota> clientQuota =
          resolved.policy().holdLimit().filter(limit -> command.actor() instanceof Actor.Citizen)
              .flatMap(limit -> command.clientKey().map(client -> new ClientQuota(
                  resolved.policies().secret().keyedDigest("client", client), limit.maxLiveHoldsPerClient())));
      HoldClaim claim = new HoldClaim(
          new AppointmentId(office.id(), random.nextUuid()),
          ImmutableList.copyOf(candidates.resources()),
          command.start(),
          command.start().plus(resolved.request().duration()),
          booked(resolved.request()),
          command.channel(),
          now.plus(office.holdDuration()),
          clientQuota,
          command.mode());
      HoldPlacement placement = bookings.placeHold(claim, idempotency, now);
      switch (placement.outcome()) {
        case INSERTED:
          return new HoldResult.Held(placement.hold().orElseThrow());
        case KEY_TAKEN:
          return replayHold(bookings.findByHoldKey(office.id(), idempotency.orElseThrow().keyHash()).orElseThrow(), fingerprint);
        case CLIENT_LIMIT:
          return new Refused(Refusal.HOLD_LIMIT,
              "this client has " + clientQuota.orElseThrow().maxLiveHolds() + " open holds at this office; confirm one or let it expire");
        case TIME_TAKEN:
          break;
      }
      return candidates.whenTaken();
    } catch (Refuse refusal) {
      return refusal.refused;
    }
  }

  @Override
  public BookingResult confirm(ConfirmBooking.Command command) {
    try {
      Optional<String> key = validKey(command.idempotencyKey());
      OfficeId office = command.hold().office();
      if (key.isPresent()) {
        Optional<IdempotencyMatch> earlier = bookings.findByConfirmKey(office, Secrets.keyHash(key.get()));
        if (earlier.isPresent()) {
          return replayConfirmation(earlier.get(), command, key.get());
        }
      }
      Instant now = now();
      // The hold decides what the confirmation needs: a phone number to call, a video room.
      Optional<Appointment> hold = liveHold(command.hold(), channelsFor(command.actor()), now);
      if (hold.isPresent() && !BookingRules.reachable(hold.get().mode(), command.citizen())) {
        return new Refused(Refusal.PHONE_REQUIRED, "a phone appointment needs the phone number to call back");
      }
      if (command.actor() instanceof Actor.Citizen && !command.citizen().hasContact()) {
        return new Refused(Refusal.INVALID_REQUEST, "give an email address or a phone number, so that the office can reach you");
      }
      Optional<IdentityQuota> identityQuota = identityQuota(command, hold);
      Optional<VideoLink> videoLink = hold.filter(found -> found.mode() == AppointmentMode.VIDEO)
          .map(found -> videoRoom.open(new VideoRoom.Meeting(found.office(), found.start(), found.end())));
      String token = Secrets.newManageToken(random);
      byte[] tokenHash = Secrets.sha256(token);
      Optional<IdempotencyRecord> idempotency =
          key.map(value -> new IdempotencyRecord(Secrets.keyHash(value), command.hold().toString(), Secrets.seal(token, value, random)));
      BookingEvent event =
          new BookingEvent(command.hold(), now, command.actor(), AppointmentStatus.HELD, AppointmentStatus.CONFIRMED, "");
      for (int attempt = 0; attempt < REFERENCE_ATTEMPTS; attempt++) {
        BookingReference reference = BookingReference.random(random::nextInt);
        ConfirmResult result = bookings.confirm(
            command.hold(), channelsFor(command.actor()), reference, tokenHash, command.citizen(), idempotency, identityQuota,
            videoLink, now, event);
        switch (result.outcome()) {
          case CONFIRMED:
            return new BookingResult.Confirmed(result.booking().orElseThrow(), token);
          case NOT_LIVE:
            return whyNotConfirmed(command, now);
          case KEY_TAKEN:
            return replayConfirmation(bookings.findByConfirmKey(office, Secrets.keyHash(key.orElseThrow())).orElseThrow(), command, key.get());
          case IDENTITY_LIMIT:
            return new Refused(Refusal.IDENTITY_LIMIT,
                "the same person already has as many bookings for this service at this office as it allows");
          case REFERENCE_TAKEN:
            break; // draw another reference
        }
      }
      throw new IllegalStateException("no unused booking reference after " + REFERENCE_ATTEMPTS + " attempts");
    } catch (Refuse refusal) {
      return refusal.refused;
    }
  }

  @Override
  public Optional<Appointment> find(BookingReference reference, BookingAccess access) {
    Optional<Appointment> booking = accessible(reference, access);
    booking.ifPresent(found -> auditRead(access, AuditAction.VIEWED_BOOKING, found));
    return booking;
  }

  @Override
  public ImmutableList<BookingEvent> history(BookingReference reference, BookingAccess access) {
    Optional<Appointment> booking = accessible(reference, access);
    booking.ifPresent(found -> auditRead(access, AuditAction.VIEWED_HISTORY, found));
    return booking.map(found -> bookings.history(found.id())).orElseGet(ImmutableList::of);
  }

  @Override
  public Optional<ViewDay.Day> bookingsOn(OfficeId officeId, LocalDate date, Actor viewer) {
    checkNotNull(date, "date");
    checkNotNull(viewer, "viewer");
    return offices.get(officeId).map(compiled -> {
      ZoneId zone = compiled.office().zone();
      Instant from = date.atStartOfDay(zone).toInstant();
      Instant to = date.plusDays(1).atStartOfDay(zone).toInstant();
      audit.append(AuditEntry.readDay(now(), viewer, officeId, date));
      return new ViewDay.Day(compiled.office(), date, bookings.bookings(officeId, from, to));
    });
  }

  /** Staff reads are recorded; the citizen reading their own booking with its token is not. */
  private void auditRead(BookingAccess access, AuditAction action, Appointment booking) {
    if (access instanceof BookingAccess.ByStaff) {
      audit.append(AuditEntry.readBooking(now(), access.actor(), action, booking));
    }
  }

  @Override
  public ChangeResult cancel(BookingReference reference, BookingAccess access, String reason) {
    checkNotNull(reason, "reason");
    return change(reference, access, AppointmentStatus.CANCELLED, reason,
        (booking, now, zone) -> BookingRules.cancel(booking, access.actor(), now));
  }

  @Override
  public ChangeResult checkIn(BookingReference reference, BookingAccess access) {
    return change(reference, access, AppointmentStatus.CHECKED_IN, "",
        (booking, now, zone) -> BookingRules.checkIn(booking, access.actor(), now, zone));
  }

  @Override
  public ChangeResult complete(BookingReference reference, BookingAccess access) {
    return change(reference, access, AppointmentStatus.COMPLETED, "",
        (booking, now, zone) -> BookingRules.complete(booking, access.actor(), now, zone));
  }

  @Override
  public ChangeResult markNoShow(BookingReference reference, BookingAccess access) {
    return change(reference, access, AppointmentStatus.NO_SHOW, "",
        (booking, now, zone) -> BookingRules.markNoShow(booking, access.actor(), now));
  }

  @Override
  public ChangeResult reschedule(BookingReference reference, BookingAccess access, AppointmentId newHold) {
    try {
      Appointment booking = accessible(reference, access).orElseThrow(() -> refuse(Refusal.NOT_FOUND, "unknown booking"));
      Appointment hold =
          bookings.find(newHold)
              .filter(found -> found.office().equals(booking.office()))
              .orElseThrow(() -> refuse(Refusal.NOT_FOUND, "unknown hold"));
      checkChannel(hold.channel(), access.actor());
      Instant now = now();
      Optional<Refusal> refusal = BookingRules.reschedule(booking, hold, access.actor(), now);
      if (refusal.equals(Optional.of(Refusal.MODE_MISMATCH))) {
        throw refuse(Refusal.MODE_MISMATCH,
            "this is a " + booking.mode() + " appointment; hold a new time for " + booking.mode() + " to move it");
      }
      refuseIf(refusal, "the booking cannot be moved");
      BookingEvent event =
          new BookingEvent(booking.id(), now, access.actor(), booking.status(), booking.status(),
              "moved from " + booking.start() + " to " + hold.start());
      OptionalInt limit = OptionalInt.empty();
      if (access.actor() instanceof Actor.Citizen) {
        limit = offices.get(booking.office())
            .flatMap(compiled -> compiled.policies().forServices(serviceIds(booking)).rescheduleLimit())
            .map(rule -> OptionalInt.of(rule.maxReschedules()))
            .orElse(OptionalInt.empty());
      }
      switch (bookings.reschedule(booking.id(), hold.id(), now, event, limit)) {
        case MOVED:
          return new ChangeResult.Changed(booking.movedTo(hold));
        case LIMIT_REACHED:
          return new Refused(Refusal.RESCHEDULE_LIMIT,
              "this booking was moved " + limit.getAsInt() + " times, as often as this office allows; cancel it and book anew");
        case NOT_LIVE:
          break;
      }
      return new Refused(Refusal.HOLD_EXPIRED, "the booking or the hold changed meanwhile; nothing was moved");
    } catch (Refuse refusal) {
      return refusal.refused;
    }
  }

  /**
   * The earliest start within {@code dates} that {@link #holdForSystem} could hold now: ONLINE
   * capacity as the office's policy leaves it to the system's own offers. Empty when nothing is
   * free or the request is invalid.
   */
  public Optional<Instant> firstStartForSystem(
      OfficeId officeId, ImmutableList<ServiceRequest> services, DateRange dates, SystemPurpose purpose) {
    checkNotNull(dates, "dates");
    checkNotNull(purpose, "purpose");
    try {
      Resolved resolved = resolve(officeId, services, Channel.ONLINE, AppointmentMode.IN_PERSON, Actor.SYSTEM);
      Instant now = now();
      ZoneId zone = resolved.office().zone();
      Instant from = dates.start().atStartOfDay(zone).toInstant();
      Instant to = dates.endExclusive().atStartOfDay(zone).toInstant();
      Occupancy occupancy = occupancy(resolved, Channel.ONLINE, from, to, now, purpose.closures);
      Availability availability = resolved.finder().findSlots(resolved.request(), dates, occupancy, now);
      return availability.days().stream().flatMap(day -> day.slots().stream()).map(Slot::start).findFirst();
    } catch (Refuse refusal) {
      return Optional.empty();
    }
  }

  /**
   * A hold the system places for a citizen, kept until {@code expiresAt} but never beyond its
   * start (nobody can take up an appointment that has begun): a waiting-list offer or a lottery
   * win. The store arbitrates as for every hold; contingents apply, quarantine does not,
   * and a lottery draw may book its wave before the wave opens.
   */
  public HoldResult holdForSystem(
      OfficeId officeId, ImmutableList<ServiceRequest> services, Instant start, Instant expiresAt, SystemPurpose purpose) {
    checkNotNull(start, "start");
    checkNotNull(expiresAt, "expiresAt");
    checkNotNull(purpose, "purpose");
    try {
      Resolved resolved = resolve(officeId, services, Channel.ONLINE, AppointmentMode.IN_PERSON, Actor.SYSTEM);
      Instant now = now();
      checkArgument(expiresAt.isAfter(now), "a system hold must expire after now");
      List<ResourceId> candidates = candidates(resolved, start, Channel.ONLINE, false, purpose.closures, now).resources();
      HoldClaim claim = new HoldClaim(
          new AppointmentId(officeId, random.nextUuid()),
          ImmutableList.copyOf(candidates),
          start,
          start.plus(resolved.request().duration()),
          booked(resolved.request()),
          Channel.ONLINE,
          (expiresAt.isAfter(start) ? start : expiresAt).truncatedTo(ChronoUnit.MICROS));
      HoldPlacement placement = bookings.placeHold(claim, Optional.empty(), now);
      if (placement.outcome() == BookingStore.HoldInsertion.INSERTED) {
        return new HoldResult.Held(placement.hold().orElseThrow());
      }
      return new Refused(Refusal.UNAVAILABLE, "this time is no longer free");
    } catch (Refuse refusal) {
      return refusal.refused;
    }
  }

  /**
   * Confirms a system hold for {@code citizen} with a manage token the citizen already has (e.g.
   * the token of a lottery entry), given by its SHA-256 hash. The office's identity limit applies.
   */
  public ChangeResult confirmForSystem(AppointmentId hold, Citizen citizen, byte[] manageTokenHash, String note) {
    checkNotNull(hold, "hold");
    checkNotNull(citizen, "citizen");
    checkNotNull(manageTokenHash, "manageTokenHash");
    checkNotNull(note, "note");
    try {
      Optional<IdentityQuota> identityQuota = identityQuota(hold, citizen);
      Instant now = now();
      BookingEvent event = new BookingEvent(hold, now, Actor.SYSTEM, AppointmentStatus.HELD, AppointmentStatus.CONFIRMED, note);
      for (int attempt = 0; attempt < REFERENCE_ATTEMPTS; attempt++) {
        BookingReference reference = BookingReference.random(random::nextInt);
        ConfirmResult result = bookings.confirm(
            hold, EnumSet.of(Channel.ONLINE), reference, manageTokenHash.clone(), citizen, Optional.empty(), identityQuota, now, event);
        switch (result.outcome()) {
          case CONFIRMED:
            return new ChangeResult.Changed(result.booking().orElseThrow());
          case IDENTITY_LIMIT:
            return new Refused(Refusal.IDENTITY_LIMIT,
                "the same person already has as many bookings for this service at this office as it allows");
          case NOT_LIVE:
          case KEY_TAKEN:
            return new Refused(Refusal.HOLD_EXPIRED, "the hold is gone");
          case REFERENCE_TAKEN:
            break; // draw another reference
        }
      }
      throw new IllegalStateException("no unused booking reference after " + REFERENCE_ATTEMPTS + " attempts");
    } catch (Refuse refusal) {
      return refusal.refused;
    }
  }

  /** Why the system books: decides which of the office's closures its holds respect. */
  public enum SystemPurpose {
    /** A waiting-list offer: released, contingent capacity, including capacity in quarantine. */
    WAITING_LIST_OFFER(Closures.NO_QUARANTINE),
    /** A lottery win: the drawn wave's capacity before it opens to everyone. */
    LOTTERY_WIN(Closures.DRAWN_WAVE);

    private final Closures closures;

    SystemPurpose(Closures closures) {
      this.closures = closures;
    }
  }

  /** The current instant at the database's precision (microseconds), so stored instants round-trip. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  /** A business rule of a status change, given the booking, the instant and the office's zone. */
  @FunctionalInterface
  private interface ChangeRule {
    Optional<Refusal> check(Appointment booking, Instant now, ZoneId zone);
  }

  private ChangeResult change(
      BookingReference reference, BookingAccess access, AppointmentStatus target, String note, ChangeRule rule) {
    try {
      Appointment booking = accessible(reference, access).orElseThrow(() -> refuse(Refusal.NOT_FOUND, "unknown booking"));
      ZoneId zone = offices.get(booking.office()).map(compiled -> compiled.office().zone())
          .orElseThrow(() -> refuse(Refusal.NOT_FOUND, "unknown office"));
      Instant now = now();
      refuseIf(rule.check(booking, now, zone), "the booking cannot change to " + target);
      String boundedNote = note.length() > BookingEvent.MAXIMUM_NOTE_LENGTH ? note.substring(0, BookingEvent.MAXIMUM_NOTE_LENGTH) : note;
      BookingEvent event = new BookingEvent(booking.id(), now, access.actor(), booking.status(), target, boundedNote);
      if (!bookings.changeStatus(booking.id(), booking.status(), event)) {
        return new Refused(Refusal.ILLEGAL_TRANSITION, "the booking changed meanwhile; try again");
      }
      return new ChangeResult.Changed(booking.withStatus(target));
    } catch (Refuse refusal) {
      return refusal.refused;
    }
  }

  private Optional<Appointment> accessible(BookingReference reference, BookingAccess access) {
    checkNotNull(reference, "reference");
    checkNotNull(access, "access");
    Optional<StoredBooking> stored = bookings.findByReference(reference).filter(found -> access.mayReach(found.booking().office()));
    if (access instanceof BookingAccess.ByToken byToken) {
      // A wrong token looks exactly like an unknown reference.
      stored = stored.filter(found -> Secrets.tokenMatches(byToken.manageToken(), found.manageTokenHash()));
    }
    return stored.map(StoredBooking::booking);
  }

  /**
   * The resources that work for the whole appointment at the command's start, if it is a start
   * the office offers and its policy leaves open to the command. With fair assignment, the least
   * booked in the week come first; otherwise the order is random: concurrent citizens who want the
   * same start then mostly try different resources instead of queueing for the same one, and
   * nobody can predict which caseworker a hold will get. Whether a candidate is still free is for
   * the store to decide.
   */
  private Candidates candidates(
      Resolved resolved, Instant start, Channel channel, boolean urgent, Closures closures, Instant now) {
    List<ResourceId> open = freeAt(resolved, start, List.of(), now);
    if (open.isEmpty()) {
      throw refuse(Refusal.UNAVAILABLE,
          resolved.serving().isPresent() ? "the caseworkers responsible for you do not offer this time" : "this time is not offered");
    }
    Refused whenTaken = new Refused(Refusal.UNAVAILABLE, "this time is no longer free");
    AccessPolicy policy = resolved.policy();
    if (!policy.isNone()) {
      Instant end = start.plus(resolved.request().duration());
      ClosedCapacity closed = closedCapacity(resolved, channel, urgent, start, end, now, closures);
      List<ResourceId> working = open;
      open = freeAt(resolved, start, closures.select(closed, now), now);
      if (open.isEmpty()) {
        throw whyClosed(resolved, start, closed, now);
      }
      if (open.size() < working.size() && freeAt(resolved, start, closed.withoutContingents(), now).size() > open.size()) {
        whenTaken = new Refused(Refusal.CONTINGENT_EXHAUSTED,
            "this channel's share of this time is taken; the rest is kept for bookings by another channel");
      }
    }
    if (policy.fairAssignment().isPresent()) {
      TimeWindow week = FairAssignment.weekOf(start, resolved.office().zone());
      return new Candidates(policy.fairAssignment().get().order(open, bookedMinutes(resolved.office().id(), week)), whenTaken);
    }
    List<ResourceId> shuffled = new ArrayList<>(open);
    for (int i = shuffled.size() - 1; i > 0; i--) {
      Collections.swap(shuffled, i, random.nextInt(i + 1));
    }
    return new Candidates(shuffled, whenTaken);
  }

  /** The resources a hold may take, and the answer when the store finds all of them taken. */
  private record Candidates(List<ResourceId> resources, Refused whenTaken) {}

  /** The resources free at {@code start} apart from {@code closed}, among those serving the request. */
  private static List<ResourceId> freeAt(Resolved resolved, Instant start, Iterable<BusyPeriod> closed, Instant now) {
    List<ResourceId> free = resolved.finder().freeResourcesAt(resolved.request(), start, Occupancy.of(closed), now);
    if (resolved.serving().isEmpty()) {
      return free;
    }
    return free.stream().filter(resolved.serving().get()::contains).toList();
  }

  /**
   * Time the routing keeps from the citizen: every resource outside the responsible ones, busy for
   * the whole range. The slot finder then offers only the responsible caseworkers' time.
   */
  private static Iterable<BusyPeriod> outsideRouting(Resolved resolved, Instant from, Instant to) {
    if (resolved.serving().isEmpty() || !from.isBefore(to)) {
      return List.of();
    }
    return resolved.resources().stream()
        .filter(resource -> !resolved.serving().get().contains(resource))
        .map(resource -> BusyPeriod.booking(resource, from, to))
        .toList();
  }

  /** Which rule closed a start that the office would otherwise offer. */
  private static Refuse whyClosed(Resolved resolved, Instant start, ClosedCapacity closed, Instant now) {
    if (!freeAt(resolved, start, closed.withoutRelease(), now).isEmpty()) {
      return refuse(Refusal.NOT_YET_RELEASED, "this time is not open for booking yet");
    }
    if (!freeAt(resolved, start, closed.withoutContingents(), now).isEmpty()) {
      return refuse(Refusal.CONTINGENT_EXHAUSTED, "this time is kept for bookings by another channel");
    }
    return refuse(Refusal.UNAVAILABLE, "this time is not free");
  }

  /** Minutes booked (not held) per resource within the window. */
  private Map<ResourceId, Long> bookedMinutes(OfficeId office, TimeWindow window) {
    Map<ResourceId, Long> minutes = new HashMap<>();
    for (BusyPeriod period : bookings.busyPeriods(office, window.start(), window.end())) {
      if (period.expiresAt().equals(Instant.MAX)) {
        Instant from = period.start().isBefore(window.start()) ? window.start() : period.start();
        Instant to = period.end().isAfter(window.end()) ? window.end() : period.end();
        minutes.merge(period.resource(), Duration.between(from, to).toMinutes(), Long::sum);
      }
    }
    return minutes;
  }

  /**
   * Bookings and holds in {@code [from, to)}, and what the policy keeps closed for the channel
   * under {@code closures}.
   */
  private Occupancy occupancy(Resolved resolved, Channel channel, Instant from, Instant to, Instant now, Closures closures) {
    Iterable<BusyPeriod> busy = Iterables.concat(bookings.busyPeriods(resolved.office().id(), from, to), outsideRouting(resolved, from, to));
    AccessPolicy policy = resolved.policy();
    if (policy.isNone()) {
      return Occupancy.of(busy);
    }
    // Whole local days, so that queries from "now" share an entry with the day's other queries.
    Instant dayStart = LocalDate.ofInstant(from, resolved.office().zone()).atStartOfDay(resolved.office().zone()).toInstant();
    ClosureKey key = new ClosureKey(policy, resolved.policies().secret(), resolved.office(), resolved.resources(), dayStart, to, channel);
    ClosedCapacity scheduled = scheduledClosures.getIfPresent(key);
    if (scheduled == null) {
      scheduled = ClosedCapacity.of(policy, key.secret(), key.office(), key.resources(), dayStart, to, channel, false, List.of(), now);
      scheduledClosures.put(key, scheduled);
    }
    Iterable<BusyPeriod> closed = closures.select(scheduled, now);
    if (closures == Closures.ALL && channel == Channel.ONLINE && policy.quarantine().isPresent()) {
      AccessPolicy quarantineOnly = AccessPolicy.none().withQuarantine(policy.quarantine().get());
      closed = Iterables.concat(closed, closedCapacity(resolved, quarantineOnly, channel, false, from, to, now, closures).byQuarantine());
    }
    return Occupancy.of(Iterables.concat(busy, closed));
  }

  /**
   * What decides the release and contingent closures of a range; together with the instant they
   * were computed at, they stay exact later: capacity only ever opens as time goes on, and each
   * closure carries the instant it opens, after which the slot finder ignores it.
   */
  private record ClosureKey(
      AccessPolicy policy,
      FairnessSecret secret,
      Office office,
      ImmutableList<ResourceId> resources,
      Instant from,
      Instant to,
      Channel channel) {}

  /** Which of the policy's closures apply: all for citizens and staff, fewer for the system's own offers. */
  private enum Closures {
    /** Release, contingents and quarantine. */
    ALL,
    /** A waiting-list offer: cancelled capacity goes to the waiting list before it reopens to everyone. */
    NO_QUARANTINE,
    /**
     * A lottery draw books the wave it draws before that wave opens to everyone: capacity whose
     * release is at most the draw's grace away. Later waves stay closed.
     */
    DRAWN_WAVE;

    Iterable<BusyPeriod> select(ClosedCapacity closed, Instant now) {
      if (this != DRAWN_WAVE) {
        return closed.all();
      }
      Instant drawnWaveOpens = now.plus(LotteryPolicy.DRAW_GRACE);
      return Iterables.concat(
          closed.withoutRelease(), Iterables.filter(closed.byRelease(), period -> period.expiresAt().isAfter(drawnWaveOpens)));
    }
  }

  private ClosedCapacity closedCapacity(
      Resolved resolved, Channel channel, boolean urgent, Instant from, Instant to, Instant now, Closures closures) {
    return closedCapacity(resolved, resolved.policy(), channel, urgent, from, to, now, closures);
  }

  private ClosedCapacity closedCapacity(
      Resolved resolved, AccessPolicy policy, Channel channel, boolean urgent, Instant from, Instant to, Instant now,
      Closures closures) {
    ImmutableList<Cancellation> cancellations = ImmutableList.of();
    if (closures == Closures.ALL && channel == Channel.ONLINE && policy.quarantine().isPresent()) {
      Quarantine quarantine = policy.quarantine().get();
      Instant since = now.minus(quarantine.delay()).minus(quarantine.randomWindow());
      cancellations = bookings.cancellations(resolved.office().id(), from, to, since);
    }
    return ClosedCapacity.of(
        policy, resolved.policies().secret(), resolved.office(), resolved.resources(), from, to, channel, urgent, cancellations, now);
  }

  @Override
  public ChallengeResult challenge(OfficeId officeId) {
    Optional<CompiledOffices.CompiledOffice> compiled = offices.get(officeId);
    if (compiled.isEmpty()) {
      return new Refused(Refusal.NOT_FOUND, "unknown office " + officeId);
    }
    Instant now = now();
    AccessPolicies policies = compiled.get().policies();
    // The client has not said which service it wants: ask for the hardest any of them needs.
    OptionalInt hardest = OptionalInt.empty();
    for (AccessPolicy policy : Iterables.concat(List.of(policies.office()), policies.services().values())) {
      OptionalInt needed = requiredDifficulty(policy, officeId, now);
      if (needed.isPresent() && (hardest.isEmpty() || needed.getAsInt() > hardest.getAsInt())) {
        hardest = needed;
      }
    }
    if (hardest.isEmpty()) {
      return new GetChallenge.NotRequired();
    }
    return new GetChallenge.Required(challenge.issue(hardest.getAsInt(), now));
  }

  private OptionalInt requiredDifficulty(AccessPolicy policy, OfficeId office, Instant now) {
    return policy.challenge()
        .map(rule -> rule.requiredDifficulty(holdRates.lastMinute(office, now)))
        .orElse(OptionalInt.empty());
  }

  /**
   * Counts the citizen's hold attempt towards the office's rate, then asks for a solved challenge
   * if the policy needs one now.
   */
  private void checkChallenge(Resolved resolved, HoldSlot.Command command, Instant now) {
    if (!(command.actor() instanceof Actor.Citizen)) {
      return;
    }
    OfficeId office = resolved.office().id();
    holdRates.record(office, now);
    OptionalInt difficulty = requiredDifficulty(resolved.policy(), office, now);
    if (difficulty.isEmpty()) {
      return;
    }
    HoldSlot.ChallengeAnswer answer =
        command.challenge().orElseThrow(() -> refuse(Refusal.CHALLENGE_REQUIRED, "solve a challenge for this office first"));
    switch (challenge.verify(answer.challenge(), answer.solution(), difficulty.getAsInt(), now)) {
      case PASSED:
        return;
      case EXPIRED:
        throw refuse(Refusal.CHALLENGE_REQUIRED, "the challenge expired; get a new one");
      case ALREADY_USED:
        throw refuse(Refusal.CHALLENGE_REQUIRED, "each challenge counts once; get a new one");
      case FAILED:
      default:
        throw refuse(Refusal.CHALLENGE_REQUIRED, "the challenge was not solved at the difficulty needed now; get a new one");
    }
  }

  /**
   * For a citizen's confirmation at an office that limits bookings per identity: the quota, with
   * the keys of the citizen's identities. Reads the hold only when some policy of the office has
   * such a limit; a hold that is gone is left for the store to refuse.
   */
  private Optional<IdentityQuota> identityQuota(ConfirmBooking.Command command, Optional<Appointment> hold) {
    if (!(command.actor() instanceof Actor.Citizen)) {
      return Optional.empty();
    }
    return identityQuota(command.hold().office(), hold, command.citizen());
  }

  private Optional<IdentityQuota> identityQuota(AppointmentId holdId, Citizen citizen) {
    Optional<CompiledOffices.CompiledOffice> compiled = offices.get(holdId.office());
    if (compiled.isEmpty() || !anyIdentityLimit(compiled.get().policies())) {
      return Optional.empty();
    }
    return identityQuota(holdId.office(), bookings.find(holdId).filter(found -> found.status() == AppointmentStatus.HELD), citizen);
  }

  private static boolean anyIdentityLimit(AccessPolicies policies) {
    return policies.office().identityLimit().isPresent()
        || policies.services().values().stream().anyMatch(policy -> policy.identityLimit().isPresent());
  }

  /** The hold if it is one the actor's channels may confirm and live at {@code now}. */
  private Optional<Appointment> liveHold(AppointmentId id, Set<Channel> channels, Instant now) {
    return bookings.find(id).filter(found -> found.isLiveHoldAt(now) && channels.contains(found.channel()));
  }

  private Optional<IdentityQuota> identityQuota(OfficeId officeId, Optional<Appointment> hold, Citizen citizen) {
    Optional<CompiledOffices.CompiledOffice> compiled = offices.get(officeId);
    if (compiled.isEmpty()) {
      return Optional.empty();
    }
    AccessPolicies policies = compiled.get().policies();
    if (!anyIdentityLimit(policies)) {
      return Optional.empty();
    }
    Optional<IdentityLimit> limit = hold.flatMap(found -> policies.forServices(serviceIds(found)).identityLimit());
    if (limit.isEmpty()) {
      return Optional.empty();
    }
    ImmutableSet<String> keys = Identity.of(citizen).stream()
        .map(identity -> identity.key(policies.secret()))
        .collect(ImmutableSet.toImmutableSet());
    if (keys.isEmpty()) {
      throw refuse(Refusal.INVALID_REQUEST, "this office needs a valid email address or phone number to book");
    }
    Instant start = hold.get().start();
    return Optional.of(new IdentityQuota(
        keys, limit.get().maxBookings(), start.minus(limit.get().period()), start.plus(limit.get().period())));
  }

  private static List<ServiceId> serviceIds(Appointment appointment) {
    return appointment.services().stream().map(BookedService::service).toList();
  }

  /** Challenges that only this instance verifies: a random key and spent ids kept in memory. */
  private static Challenge localChallenge(RandomSource random) {
    byte[] key = new byte[32];
    random.nextBytes(key);
    return new ProofOfWorkChallenge(key, random, ProofOfWorkChallenge.DEFAULT_LIFETIME, new InMemorySpentChallenges());
  }

  /** Explains, after the store refused, why the hold could not be confirmed. */
  private BookingResult whyNotConfirmed(ConfirmBooking.Command command, Instant now) {
    Appointment hold = bookings.find(command.hold()).orElseThrow(() -> refuse(Refusal.NOT_FOUND, "unknown or expired hold"));
    checkChannel(hold.channel(), command.actor());
    refuseIf(BookingRules.confirm(hold, now), "the hold cannot be confirmed");
    return new Refused(Refusal.HOLD_EXPIRED, "the hold expired");
  }

  /** The channels whose holds the actor may confirm. */
  private static Set<Channel> channelsFor(Actor actor) {
    return actor instanceof Actor.Citizen ? EnumSet.of(Channel.ONLINE) : EnumSet.allOf(Channel.class);
  }

  private HoldResult replayHold(IdempotencyMatch earlier, String fingerprint) {
    if (!earlier.requestFingerprint().equals(fingerprint)) {
      return new Refused(Refusal.IDEMPOTENCY_KEY_REUSED, "this idempotency key was used for another request");
    }
    Optional<Appointment> hold = bookings.find(earlier.appointment());
    if (hold.isEmpty()) {
      return new Refused(Refusal.HOLD_EXPIRED, "the hold made with this key expired");
    }
    if (hold.get().status() != AppointmentStatus.HELD) {
      return new Refused(Refusal.HOLD_ALREADY_USED, "the hold made with this key was already confirmed");
    }
    return new HoldResult.Held(hold.get());
  }

  private BookingResult replayConfirmation(IdempotencyMatch earlier, ConfirmBooking.Command command, String key) {
    if (!earlier.requestFingerprint().equals(command.hold().toString())) {
      return new Refused(Refusal.IDEMPOTENCY_KEY_REUSED, "this idempotency key was used for another request");
    }
    Optional<String> token = Secrets.unseal(earlier.retryPayload(), key);
    Optional<Appointment> booking = bookings.find(earlier.appointment());
    if (token.isEmpty() || booking.isEmpty()) {
      return new Refused(Refusal.NOT_FOUND, "the booking made with this key no longer exists");
    }
    return new BookingResult.Confirmed(booking.get(), token.get());
  }

  /** The office, its compiled schedule, the checked request and the policy for it; or a refusal. */
  private record Resolved(
      Office office,
      SlotFinder finder,
      AppointmentRequest request,
      AccessPolicies policies,
      AccessPolicy policy,
      ImmutableList<ResourceId> resources,
      Optional<ImmutableSet<ResourceId>> serving) {}

  /**
   * As {@link #resolve}, narrowed by responsibility: with {@code routing}, to the resources
   * responsible for that citizen, refused where this office is not responsible; without, refused
   * where an exclusive office needs it from a citizen booking online.
   */
  private Resolved resolveRouted(
      OfficeId officeId, List<ServiceRequest> services, Channel channel, AppointmentMode mode, Actor actor,
      Optional<RoutingInputs> routing) {
    Resolved resolved = resolve(officeId, services, channel, mode, actor);
    if (responsibility.isEmpty()) {
      if (routing.isPresent()) {
        throw refuse(Refusal.NOT_COVERED, "this installation has no responsibility rules; book without routing inputs");
      }
      return resolved;
    }
    ResponsibilityService rules = responsibility.get();
    if (routing.isEmpty()) {
      if (!(actor instanceof Actor.Staff) && rules.requiresRouting(officeId, channel)) {
        throw refuse(Refusal.ROUTING_REQUIRED,
            "this office serves only the citizens it is responsible for: give your address and surname");
      }
      return resolved;
    }
    ImmutableSet<ServiceId> serviceIds = resolved.request().serviceIds();
    Optional<ServiceId> service = serviceIds.size() == 1 ? Optional.of(serviceIds.iterator().next()) : Optional.empty();
    ResolveResponsibility.ResponsibilityResult result = rules.resolve(routing.get(), service,
        office -> offices.get(office).map(compiled -> compiled.finder().schedule()));
    if (result instanceof Refused refused) {
      throw new Refuse(refused);
    }
    Routing routed = ((ResolveResponsibility.Found) result).routing();
    if (!routed.office().equals(officeId)) {
      throw refuse(Refusal.NOT_RESPONSIBLE, "office " + routed.office() + " is responsible for you, not " + officeId);
    }
    if (routed.responsible().isEmpty()) {
      return resolved;
    }
    ImmutableSet<ResourceId> serving = ResponsibilityService.servingResources(
        routed.responsible().get(),
        resolved.finder().schedule().resources().stream().map(ScheduledResource::resource).toList());
    return new Resolved(resolved.office(), resolved.finder(), resolved.request(), resolved.policies(), resolved.policy(),
        resolved.resources(), Optional.of(serving));
  }

  private Resolved resolve(OfficeId officeId, List<ServiceRequest> services, Channel channel, AppointmentMode mode, Actor actor) {
    checkChannel(channel, actor);
    CompiledOffices.CompiledOffice compiled =
        offices.get(officeId).orElseThrow(() -> refuse(Refusal.NOT_FOUND, "unknown office " + officeId));
    Office office = compiled.office();
    if (services.isEmpty()) {
      throw refuse(Refusal.INVALID_REQUEST, "name at least one service");
    }
    List<RequestedService> requested = new ArrayList<>();
    for (ServiceRequest wanted : merged(services)) {
      Service service = compiled.services().get(wanted.service());
      if (service == null) {
        throw refuse(Refusal.INVALID_REQUEST, "unknown service " + wanted.service());
      }
      if (wanted.persons() < 1 || wanted.persons() > service.maxPersons()) {
        throw refuse(Refusal.INVALID_REQUEST,
            OutsideText.inRefusal(service) + " takes 1 to " + service.maxPersons() + " persons, not " + wanted.persons());
      }
      if (!service.allows(channel)) {
        throw refuse(Refusal.INVALID_REQUEST, OutsideText.inRefusal(service) + " cannot be booked via " + channel);
      }
      checkMode(service, mode, office.id());
      requested.add(RequestedService.of(service, wanted.persons()));
    }
    if (AppointmentRequest.totalDuration(office, requested, mode).compareTo(AppointmentRequest.MAXIMUM_DURATION) > 0) {
      throw refuse(Refusal.INVALID_REQUEST, "these services together take longer than a day");
    }
    AccessPolicies policies = compiled.policies();
    AccessPolicy policy = policies.forServices(requested.stream().map(wanted -> wanted.service().id()).toList());
    ImmutableList<ResourceId> resources = compiled.finder().schedule().resources().stream()
        .map(scheduled -> scheduled.resource().id())
        .collect(ImmutableList.toImmutableList());
    return new Resolved(
        office, compiled.finder(), AppointmentRequest.of(office, channel, mode, requested), policies, policy, resources,
        Optional.empty());
  }

  /** Refuses a mode the service is not served in, or not at this office, because only others' resources serve it. */
  private static void checkMode(Service service, AppointmentMode mode, OfficeId office) {
    if (!service.allows(mode)) {
      throw refuse(Refusal.MODE_NOT_OFFERED, OutsideText.inRefusal(service) + " is not offered " + describe(mode)
          + "; it is offered " + service.modes().keySet().stream().map(BookingService::describe).collect(Collectors.joining(", ")));
    }
    ModeOptions options = service.options(mode);
    if (!options.resources().isEmpty() && !options.resources().containsKey(office)) {
      throw refuse(Refusal.MODE_NOT_OFFERED, OutsideText.inRefusal(service) + " is not offered " + describe(mode) + " at office " + office);
    }
  }

  private static String describe(AppointmentMode mode) {
    return switch (mode) {
      case IN_PERSON -> "in person (IN_PERSON)";
      case PHONE -> "by phone (PHONE)";
      case VIDEO -> "by video (VIDEO)";
    };
  }

  /** The same service named twice counts its persons together. */
  private static List<ServiceRequest> merged(List<ServiceRequest> services) {
    return services.stream()
        .collect(Collectors.groupingBy(ServiceRequest::service, java.util.LinkedHashMap::new, Collectors.summingInt(ServiceRequest::persons)))
        .entrySet().stream()
        .map(entry -> new ServiceRequest(entry.getKey(), entry.getValue()))
        .toList();
  }

  /** Citizens book online; phone and counter bookings are made by staff. */
  private static void checkChannel(Channel channel, Actor actor) {
    if (actor instanceof Actor.Citizen && channel != Channel.ONLINE) {
      throw refuse(Refusal.NOT_PERMITTED, "citizens book online; " + channel + " is for staff");
    }
  }

  private static Optional<String> validKey(Optional<String> key) {
    if (key.isPresent() && !Secrets.IDEMPOTENCY_KEY.matcher(key.get()).matches()) {
      throw refuse(Refusal.INVALID_REQUEST, "an idempotency key is 16 to 200 characters: letters, digits, _ . : -");
    }
    return key;
  }

  private static String holdFingerprint(HoldSlot.Command command) {
    String services =
        merged(command.services()).stream()
            .sorted(Comparator.comparing(ServiceRequest::service))
            .map(service -> service.service() + "x" + service.persons())
            .collect(Collectors.joining(","));
    // In person adds nothing, so that keys used before modes existed still match their holds.
    String mode = command.mode() == AppointmentMode.IN_PERSON ? "" : "|" + command.mode();
    return command.office() + "|" + command.start() + "|" + command.channel() + "|" + services + mode;
  }

  private static ImmutableList<BookedService> booked(AppointmentRequest request) {
    return request.services().stream()
        .map(requested -> new BookedService(requested.service().id(), requested.persons()))
        .collect(ImmutableList.toImmutableList());
  }

  private static void refuseIf(Optional<Refusal> refusal, String detail) {
    if (refusal.isPresent()) {
      throw refuse(refusal.get(), detail);
    }
  }

  private static Refuse refuse(Refusal reason, String detail) {
    return new Refuse(new Refused(reason, detail));
  }

  /** Carries a refusal out of nested checks to the use case's boundary; no stack trace needed. */
  private static final class Refuse extends RuntimeException {
    final Refused refused;

    Refuse(Refused refused) {
      super(refused.reason().name(), null, false, false);
      this.refused = refused;
    }
  }
}
