package org.opentermin.ports.booking;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import org.opentermin.core.access.AccessGrant;
import org.opentermin.core.booking.AppointmentId;
import org.opentermin.core.booking.Booking;
import org.opentermin.core.booking.BookingEvent;
import org.opentermin.core.booking.BookingReference;
import org.opentermin.core.catalog.AppointmentMode;
import org.opentermin.core.catalog.Channel;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.routing.RoutingInputs;
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
import org.opentermin.ports.in.ServiceRequest;
import org.opentermin.ports.in.ViewDay;
import org.opentermin.ports.out.AuditLog;
import org.opentermin.ports.out.BookingStore;
import org.opentermin.ports.out.CatalogStore;
import org.opentermin.ports.out.Challenge;
import org.opentermin.ports.out.HoldRates;
import org.opentermin.ports.out.RandomSource;
import org.opentermin.ports.out.SpentChallenges;
import org.opentermin.ports.out.VideoRoom;
import org.opentermin.ports.routing.ResponsibilityService;
import org.opentermin.ports.video.GeneratedVideoRooms;

/**
 * The booking use cases over one set of stores, built together because they share what is expensive
 * to build twice: the compiled offices, the closure cache and the hold rates behind the challenge.
 * Each use case is its own service ({@link #availability()}, {@link #holding()}, ...); for wiring
 * and tests this assembly also answers every use case itself by handing the call to that service,
 * and holds no rule of its own. Thread-safe.
 */
public final class BookingServices
    implements FindAvailability, HoldSlot, ConfirmBooking, ManageBooking, ViewDay, GetChallenge {

  /** How long an app instance may go without checking for schedule changes: a second. */
  public static final Duration RECOMMENDED_SCHEDULE_RECHECK = Duration.ofSeconds(1);

  private final FindAvailability availability;
  private final HoldSlot holding;
  private final ConfirmBooking confirming;
  private final ManageBooking managing;
  private final ViewDay dayView;
  private final GetChallenge challenges;
  private final SystemBookings system;

  private BookingServices(Builder builder) {
    CompiledOffices offices =
        new CompiledOffices(builder.catalog, builder.clock, builder.scheduleRecheck);
    OfficeRequests requests = new OfficeRequests(offices, builder.responsibility);
    Occupancies occupancies = new Occupancies(builder.bookings);
    HoldCandidates candidates = new HoldCandidates(builder.bookings, occupancies, builder.random);
    ChallengeGate gate = new ChallengeGate(builder.challenge, builder.holdRates);
    IdentityQuotas identityQuotas = new IdentityQuotas(offices, builder.bookings);
    VideoRoom videoRoom =
        builder.videoRoom.orElseGet(
            () -> new GeneratedVideoRooms(GeneratedVideoRooms.DEFAULT_BASE_URL, builder.random));
    this.availability = new AvailabilityService(requests, occupancies, builder.clock);
    this.holding =
        new HoldService(
            requests, candidates, gate, builder.bookings, builder.random, builder.clock);
    this.confirming =
        new ConfirmationService(
            builder.bookings, identityQuotas, videoRoom, builder.random, builder.clock);
    this.managing =
        new ManageBookingService(builder.bookings, builder.audit, offices, builder.clock);
    this.dayView = new DayViewService(offices, builder.bookings, builder.audit, builder.clock);
    this.challenges = new ChallengeService(offices, gate, builder.clock);
    this.system =
        new SystemBookingService(
            requests,
            occupancies,
            candidates,
            identityQuotas,
            builder.bookings,
            builder.random,
            builder.clock);
  }

  /**
   * The services with the defaults of {@link Builder}, and proof-of-work challenges that only this
   * instance verifies, with a secret from {@code random} and spent ids in {@code spent}; hold
   * attempts are counted in {@code holdRates}.
   */
  public static BookingServices of(
      CatalogStore catalog,
      BookingStore bookings,
      AuditLog audit,
      Clock clock,
      RandomSource random,
      SpentChallenges spent,
      HoldRates holdRates) {
    return builder(
            catalog,
            bookings,
            audit,
            clock,
            random,
            ProofOfWorkChallenge.withRandomSecret(random, spent),
            holdRates)
        .build();
  }

  /**
   * A builder for the services over these stores, clock, randomness and challenges; the rest is
   * optional. Staff reads are recorded in {@code audit}, the log that {@code bookings} records its
   * changes in.
   */
  public static Builder builder(
      CatalogStore catalog,
      BookingStore bookings,
      AuditLog audit,
      Clock clock,
      RandomSource random,
      Challenge challenge,
      HoldRates holdRates) {
    return new Builder(catalog, bookings, audit, clock, random, challenge, holdRates);
  }

  /** Where the office's free starts are. */
  public FindAvailability availability() {
    return availability;
  }

  /** Holds for citizens and staff. */
  public HoldSlot holding() {
    return holding;
  }

  /** Confirmations of holds. */
  public ConfirmBooking confirming() {
    return confirming;
  }

  /** Reads and changes of confirmed bookings. */
  public ManageBooking managing() {
    return managing;
  }

  /** Staff's view of an office's day. */
  public ViewDay dayView() {
    return dayView;
  }

  /** The challenges in front of citizens' holds. */
  public GetChallenge challenges() {
    return challenges;
  }

  /** Holds and bookings of the lottery and the waiting list. */
  public SystemBookings system() {
    return system;
  }

  @Override
  public AvailabilityResult findSlots(FindAvailability.Query query) {
    return availability.findSlots(query);
  }

  @Override
  public FirstSlotResult firstFreeSlot(
      OfficeId office,
      ImmutableList<ServiceRequest> services,
      Channel channel,
      Optional<RoutingInputs> routing,
      AppointmentMode mode) {
    return availability.firstFreeSlot(office, services, channel, routing, mode);
  }

  @Override
  public HoldResult hold(HoldSlot.Command command) {
    return holding.hold(command);
  }

  @Override
  public BookingResult confirm(ConfirmBooking.Command command) {
    return confirming.confirm(command);
  }

  @Override
  public Optional<Booking> find(BookingReference reference, BookingAccess access) {
    return managing.find(reference, access);
  }

  @Override
  public ImmutableList<BookingEvent> history(BookingReference reference, BookingAccess access) {
    return managing.history(reference, access);
  }

  @Override
  public ChangeResult cancel(BookingReference reference, BookingAccess access, String reason) {
    return managing.cancel(reference, access, reason);
  }

  @Override
  public ChangeResult reschedule(
      BookingReference reference, BookingAccess access, AppointmentId newHold) {
    return managing.reschedule(reference, access, newHold);
  }

  @Override
  public ChangeResult checkIn(BookingReference reference, BookingAccess access) {
    return managing.checkIn(reference, access);
  }

  @Override
  public ChangeResult complete(BookingReference reference, BookingAccess access) {
    return managing.complete(reference, access);
  }

  @Override
  public ChangeResult markNoShow(BookingReference reference, BookingAccess access) {
    return managing.markNoShow(reference, access);
  }

  @Override
  public DayResult bookingsOn(OfficeId office, LocalDate date, AccessGrant viewer) {
    return dayView.bookingsOn(office, date, viewer);
  }

  @Override
  public ChallengeResult challenge(OfficeId office) {
    return challenges.challenge(office);
  }

  /**
   * Builds {@link BookingServices}. Without further settings they see every schedule change from
   * the next request on, follow no responsibility rules, and open video rooms under {@link
   * GeneratedVideoRooms#DEFAULT_BASE_URL}.
   */
  public static final class Builder {
    private final CatalogStore catalog;
    private final BookingStore bookings;
    private final AuditLog audit;
    private final Clock clock;
    private final RandomSource random;
    private final Challenge challenge;
    private final HoldRates holdRates;
    private Duration scheduleRecheck = Duration.ZERO;
    private Optional<ResponsibilityService> responsibility = Optional.empty();
    private Optional<VideoRoom> videoRoom = Optional.empty();

    private Builder(
        CatalogStore catalog,
        BookingStore bookings,
        AuditLog audit,
        Clock clock,
        RandomSource random,
        Challenge challenge,
        HoldRates holdRates) {
      this.catalog = checkNotNull(catalog, "catalog");
      this.bookings = checkNotNull(bookings, "bookings");
      this.audit = checkNotNull(audit, "audit");
      this.clock = checkNotNull(clock, "clock");
      this.random = checkNotNull(random, "random");
      this.challenge = checkNotNull(challenge, "challenge");
      this.holdRates = checkNotNull(holdRates, "holdRates");
    }

    /**
     * Checks whether an office's schedule changed at most every {@code recheck}: a change then
     * takes up to that long to reach this instance, and most requests save the check's round trip.
     */
    public Builder scheduleRecheck(Duration recheck) {
      checkArgument(
          !checkNotNull(recheck, "recheck").isNegative(), "schedule recheck must not be negative");
      this.scheduleRecheck = recheck;
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

    public BookingServices build() {
      return new BookingServices(this);
    }
  }
}
