package org.opentermin.http.booking;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.opentermin.core.access.AccessGrant;
import org.opentermin.core.booking.Actor;
import org.opentermin.core.booking.Appointment;
import org.opentermin.core.booking.AppointmentId;
import org.opentermin.core.booking.Booking;
import org.opentermin.core.booking.Citizen;
import org.opentermin.core.booking.Hold;
import org.opentermin.core.catalog.AppointmentMode;
import org.opentermin.core.catalog.Channel;
import org.opentermin.core.catalog.Office;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.catalog.ServiceId;
import org.opentermin.core.time.DateRange;
import org.opentermin.http.common.Authentication;
import org.opentermin.http.common.CommonRequests;
import org.opentermin.http.common.CommonViews;
import org.opentermin.http.common.DomainInput;
import org.opentermin.http.common.JsonBodies;
import org.opentermin.http.common.OfficeCache;
import org.opentermin.http.common.Parameters;
import org.opentermin.http.operations.RequestMetrics;
import org.opentermin.http.problem.ApiProblem;
import org.opentermin.http.problem.ErrorMapping;
import org.opentermin.http.routing.RoutingRoutes;
import org.opentermin.ports.in.AvailabilityResult;
import org.opentermin.ports.in.BookingAccess;
import org.opentermin.ports.in.BookingResult;
import org.opentermin.ports.in.BrowseCatalog;
import org.opentermin.ports.in.ChangeResult;
import org.opentermin.ports.in.ConfirmBooking;
import org.opentermin.ports.in.FindAvailability;
import org.opentermin.ports.in.FirstSlotResult;
import org.opentermin.ports.in.HoldResult;
import org.opentermin.ports.in.HoldSlot;
import org.opentermin.ports.in.ManageBooking;
import org.opentermin.ports.in.Refused;
import org.opentermin.ports.in.ServiceRequest;

/**
 * What citizens use without an account: the catalog, availability, holds and bookings, and their
 * booking by reference and manage token. Staff use the hold and booking routes too, with their
 * token, to book for a caller.
 */
public final class CitizenRoutes {

  /** The longest date range one availability request may span, in days. */
  public static final int MAXIMUM_RANGE_DAYS = FindAvailability.MAXIMUM_QUERY_DAYS;

  /** The range an availability request gets without {@code to}: two weeks. */
  static final int DEFAULT_RANGE_DAYS = 14;

  static final int MAXIMUM_SERVICES_PER_REQUEST = 20;
  static final String MANAGE_TOKEN_HEADER = "X-Manage-Token";

  private final BrowseCatalog catalog;
  private final FindAvailability availability;
  private final HoldSlot hold;
  private final ConfirmBooking confirm;
  private final ManageBooking manage;
  private final Authentication authentication;
  private final OfficeCache offices;
  private final BookingCalendar calendar;
  private final RequestMetrics metrics;
  private final Clock clock;

  public CitizenRoutes(
      BrowseCatalog catalog,
      FindAvailability availability,
      HoldSlot hold,
      ConfirmBooking confirm,
      ManageBooking manage,
      Clock clock,
      Authentication authentication,
      OfficeCache offices,
      RequestMetrics metrics) {
    this.catalog = checkNotNull(catalog, "catalog");
    this.availability = checkNotNull(availability, "availability");
    this.hold = checkNotNull(hold, "hold");
    this.confirm = checkNotNull(confirm, "confirm");
    this.manage = checkNotNull(manage, "manage");
    this.clock = checkNotNull(clock, "clock");
    this.authentication = checkNotNull(authentication, "authentication");
    this.offices = checkNotNull(offices, "offices");
    this.metrics = checkNotNull(metrics, "metrics");
    this.calendar = new BookingCalendar(catalog, manage, offices);
  }

  public void register(RoutesConfig routes) {
    routes.get(
        "/api/v1/offices",
        ctx -> ctx.json(catalog.offices().stream().map(BookingViews.OfficeView::of).toList()));
    routes.get(
        "/api/v1/offices/{officeId}",
        ctx -> ctx.json(BookingViews.OfficeView.of(offices.office(Parameters.officeId(ctx)))));
    routes.get(
        "/api/v1/services",
        ctx -> ctx.json(catalog.services().stream().map(BookingViews.ServiceView::of).toList()));
    routes.get("/api/v1/offices/{officeId}/availability", this::availability);
    routes.get("/api/v1/offices/{officeId}/availability/first", this::firstFreeSlot);
    routes.post("/api/v1/holds", this::hold);
    routes.post("/api/v1/bookings", this::confirm);
    routes.get("/api/v1/bookings/{reference}", this::booking);
    routes.post("/api/v1/bookings/{reference}/cancel", this::cancel);
    routes.post("/api/v1/bookings/{reference}/reschedule", this::reschedule);
    routes.get("/api/v1/bookings/{reference}/calendar.ics", calendar::serve);
  }

  private void availability(Context ctx) {
    Office office = offices.office(Parameters.officeId(ctx));
    ImmutableList<ServiceRequest> services = requestedServices(ctx);
    AppointmentMode mode = Parameters.mode(ctx);
    LocalDate today = LocalDate.now(clock.withZone(office.zone()));
    LocalDate from = Parameters.date(ctx, "from").orElse(today);
    LocalDate to = Parameters.date(ctx, "to").orElse(from.plusDays(DEFAULT_RANGE_DAYS - 1L));
    if (from.isAfter(to)) {
      throw ApiProblem.badRequest(
          "from lies after to", new ApiProblem.FieldError("to", "must not lie before from"));
    }
    DateRange requested = DateRange.closed(from, to);
    if (requested.lengthInDays() > MAXIMUM_RANGE_DAYS) {
      throw ApiProblem.badRequest(
          "the range is too long",
          new ApiProblem.FieldError(
              "to", "the range from..to spans at most " + MAXIMUM_RANGE_DAYS + " days"));
    }
    DateRange bookable =
        DateRange.closed(today, today.plusDays(office.horizon().maximumDaysAhead()));
    if (requested.intersection(bookable).isEmpty()) {
      throw new ApiProblem(
          422,
          "outside-horizon",
          "office " + office.id() + " can be booked from " + today + " to " + bookable.last());
    }
    AvailabilityResult result =
        availability.findSlots(
            new FindAvailability.Query(
                office.id(),
                services,
                channel(ctx, office.id()),
                requested,
                RoutingRoutes.inputs(ctx),
                mode));
    if (result instanceof Refused refused) {
      throw ErrorMapping.problem(refused);
    }
    ctx.json(
        BookingViews.AvailabilityView.of(((AvailabilityResult.Found) result).availability(), mode));
  }

  private void firstFreeSlot(Context ctx) {
    OfficeId office = Parameters.officeId(ctx);
    ZoneId zone = offices.zone(office);
    FirstSlotResult result =
        availability.firstFreeSlot(
            office,
            requestedServices(ctx),
            channel(ctx, office),
            RoutingRoutes.inputs(ctx),
            Parameters.mode(ctx));
    if (result instanceof Refused refused) {
      throw ErrorMapping.problem(refused);
    }
    if (result instanceof FirstSlotResult.Found found) {
      ctx.json(new BookingViews.FirstSlotView(CommonViews.local(found.slot().start(), zone)));
      return;
    }
    throw new ApiProblem(
        404, "no-free-slot", "nothing is free within the office's booking horizon");
  }

  /**
   * The channel whose capacity is asked for: online for citizens; staff whose token reaches the
   * office may ask for {@code channel=PHONE} or {@code COUNTER}, the time they book callers into,
   * which an exclusive office offers them without routing inputs.
   */
  private Channel channel(Context ctx, OfficeId office) {
    String requested = ctx.queryParam("channel");
    if (requested == null || requested.equals(Channel.ONLINE.name())) {
      return Channel.ONLINE;
    }
    Channel channel;
    try {
      channel = Channel.valueOf(requested);
    } catch (IllegalArgumentException unknown) {
      throw ApiProblem.badRequest(
          "unknown channel",
          new ApiProblem.FieldError("channel", "must be ONLINE, PHONE or COUNTER"));
    }
    Optional<AccessGrant> staff = authentication.optional(ctx);
    if (staff.isEmpty()) {
      throw ApiProblem.forbidden("only staff look for " + channel + " time; citizens book ONLINE");
    }
    Authentication.requireReach(staff.get(), office);
    return channel;
  }

  /** The {@code service} parameters; each occurrence is one person for that service. */
  private static ImmutableList<ServiceRequest> requestedServices(Context ctx) {
    List<String> ids = ctx.queryParams("service");
    if (ids.isEmpty()) {
      throw ApiProblem.badRequest(
          "name at least one service",
          new ApiProblem.FieldError("service", "is required: a service id, once per person"));
    }
    if (ids.size() > MAXIMUM_SERVICES_PER_REQUEST) {
      throw ApiProblem.badRequest(
          "too many services",
          new ApiProblem.FieldError(
              "service", "at most " + MAXIMUM_SERVICES_PER_REQUEST + " occurrences"));
    }
    Map<String, Long> persons =
        ids.stream()
            .collect(Collectors.groupingBy(id -> id, LinkedHashMap::new, Collectors.counting()));
    ImmutableList.Builder<ServiceRequest> services = ImmutableList.builder();
    persons.forEach(
        (id, count) -> {
          if (!ServiceId.isValid(id)) {
            throw ApiProblem.badRequest(
                "a service id is malformed",
                new ApiProblem.FieldError("service", CommonRequests.ID_MESSAGE));
          }
          services.add(new ServiceRequest(ServiceId.of(id), count.intValue()));
        });
    return services.build();
  }

  private void hold(Context ctx) {
    Optional<AccessGrant> staff = authentication.optional(ctx);
    BookingRequests.NewHold body = JsonBodies.read(ctx, BookingRequests.NewHold.class);
    OfficeId office = OfficeId.of(body.officeId());
    ZoneId zone = offices.zone(office);
    Channel channel = body.channel() == null ? Channel.ONLINE : body.channel();
    AppointmentMode mode = body.mode() == null ? AppointmentMode.IN_PERSON : body.mode();
    Actor actor = actor(staff, office, channel);
    boolean urgent = Boolean.TRUE.equals(body.urgent());
    if (urgent && staff.isEmpty()) {
      throw ApiProblem.forbidden("only staff mark a hold urgent");
    }
    // The remote address as the connection gives it (ADR 006); the use case stores only a keyed
    // hash.
    Optional<String> clientKey = staff.isPresent() ? Optional.empty() : Optional.of(ctx.ip());
    ImmutableList<ServiceRequest> services =
        body.services().stream()
            .map(item -> new ServiceRequest(ServiceId.of(item.serviceId()), item.persons()))
            .collect(ImmutableList.toImmutableList());
    HoldResult result =
        hold.hold(
            new HoldSlot.Command(
                office,
                services,
                body.start().toInstant(),
                channel,
                actor,
                Optional.ofNullable(body.idempotencyKey()),
                urgent,
                clientKey,
                Optional.ofNullable(body.challenge())
                    .map(
                        answer ->
                            new HoldSlot.ChallengeAnswer(answer.challenge(), answer.solution())),
                Optional.ofNullable(body.routing()).map(RoutingRoutes.RoutingData::toDomain),
                mode));
    metrics.holdAnswered(result);
    if (result instanceof Refused refused) {
      throw ErrorMapping.problem(refused);
    }
    Hold hold = ((HoldResult.Held) result).hold();
    ctx.status(201).json(BookingViews.HoldView.of(hold, zone));
  }

  private void confirm(Context ctx) {
    Optional<AccessGrant> staff = authentication.optional(ctx);
    BookingRequests.NewBooking body = JsonBodies.read(ctx, BookingRequests.NewBooking.class);
    AppointmentId hold = Parameters.holdId(body.holdId());
    staff.ifPresent(grant -> Authentication.requireReach(grant, hold.office()));
    Actor actor = staff.<Actor>map(grant -> Actor.staff(grant.tokenId())).orElse(Actor.CITIZEN);
    BookingRequests.BookingCitizenData data = body.citizen();
    Citizen citizen =
        DomainInput.build(
            "citizen",
            () ->
                new Citizen(
                    data.name().strip(),
                    Optional.ofNullable(data.email()),
                    Optional.ofNullable(data.phone()),
                    Optional.ofNullable(data.note())
                        .map(String::strip)
                        .filter(note -> !note.isEmpty())));
    BookingResult result =
        confirm.confirm(
            new ConfirmBooking.Command(
                hold, citizen, actor, Optional.ofNullable(body.idempotencyKey())));
    metrics.bookingAnswered(result);
    if (result instanceof Refused refused) {
      throw ErrorMapping.problem(refused);
    }
    BookingResult.Confirmed confirmed = (BookingResult.Confirmed) result;
    ctx.status(201)
        .json(
            BookingViews.BookingView.of(
                confirmed.booking(), offices.zone(hold.office()), confirmed.manageToken()));
  }

  private void booking(Context ctx) {
    Booking booking =
        manage
            .find(Parameters.reference(ctx), citizenAccess(ctx))
            .orElseThrow(() -> ApiProblem.notFound("unknown booking"));
    ctx.json(BookingViews.BookingView.of(booking, offices.zone(booking.office()), null));
  }

  private void cancel(Context ctx) {
    String reason =
        ctx.bodyAsBytes().length == 0
            ? ""
            : Optional.ofNullable(JsonBodies.read(ctx, CommonRequests.Cancellation.class).reason())
                .orElse("");
    answer(ctx, manage.cancel(Parameters.reference(ctx), citizenAccess(ctx), reason));
  }

  private void reschedule(Context ctx) {
    BookingRequests.Reschedule body = JsonBodies.read(ctx, BookingRequests.Reschedule.class);
    answer(
        ctx,
        manage.reschedule(
            Parameters.reference(ctx), citizenAccess(ctx), Parameters.holdId(body.holdId())));
  }

  private void answer(Context ctx, ChangeResult result) {
    if (result instanceof Refused refused) {
      throw ErrorMapping.problem(refused);
    }
    Appointment booking = ((ChangeResult.Changed) result).booking();
    ctx.json(BookingViews.BookingView.of(booking, offices.zone(booking.office()), null));
  }

  /** The citizen's access; without a token, nothing is found, exactly as for a wrong one. */
  public static BookingAccess citizenAccess(Context ctx) {
    String token = ctx.header(MANAGE_TOKEN_HEADER);
    return BookingAccess.byToken(token == null ? "" : token);
  }

  /** Who acts: staff with a token that reaches the office, or a citizen, who books online only. */
  private static Actor actor(Optional<AccessGrant> staff, OfficeId office, Channel channel) {
    if (staff.isPresent()) {
      Authentication.requireReach(staff.get(), office);
      return Actor.staff(staff.get().tokenId());
    }
    if (channel != Channel.ONLINE) {
      throw ApiProblem.forbidden("only staff book by " + channel + "; citizens book ONLINE");
    }
    return Actor.CITIZEN;
  }
}
