package org.opentermin.http.admin;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableSet;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.opentermin.core.access.AccessGrant;
import org.opentermin.core.access.AccessRole;
import org.opentermin.core.calendar.GermanState;
import org.opentermin.core.calendar.HolidayRegion;
import org.opentermin.core.catalog.AppointmentMode;
import org.opentermin.core.catalog.BookingHorizon;
import org.opentermin.core.catalog.ModeOptions;
import org.opentermin.core.catalog.Office;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.catalog.Resource;
import org.opentermin.core.catalog.ResourceId;
import org.opentermin.core.catalog.Service;
import org.opentermin.core.catalog.ServiceId;
import org.opentermin.core.catalog.TeamId;
import org.opentermin.core.time.DateRange;
import org.opentermin.core.time.TimeOfDayRange;
import org.opentermin.core.worktime.Absence;
import org.opentermin.core.worktime.ExtraTime;
import org.opentermin.core.worktime.OfficeClosure;
import org.opentermin.core.worktime.WeeklyRule;
import org.opentermin.core.worktime.WorkingTime;
import org.opentermin.http.booking.BookingViews;
import org.opentermin.http.common.Authentication;
import org.opentermin.http.common.DomainInput;
import org.opentermin.http.common.JsonBodies;
import org.opentermin.http.common.Parameters;
import org.opentermin.http.problem.ApiProblem;
import org.opentermin.http.problem.ErrorMapping;
import org.opentermin.ports.in.BrowseCatalog;
import org.opentermin.ports.in.ConfigureCatalog;
import org.opentermin.ports.in.IssueAccessToken;
import org.opentermin.ports.in.IssuedToken;
import org.opentermin.ports.in.Refused;

/**
 * Administrators set up offices, services, resources, working time, closures and tokens. Offices,
 * services and tokens need an admin token; an office's resources, schedules and closures also
 * accept an office admin token for that office.
 */
public final class AdminRoutes {

  private static final SecureRandom ID_RANDOM = new SecureRandom();
  private static final String ID_SUFFIX_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

  private final BrowseCatalog catalog;
  private final ConfigureCatalog configure;
  private final IssueAccessToken tokens;
  private final Authentication authentication;

  public AdminRoutes(
      BrowseCatalog catalog,
      ConfigureCatalog configure,
      IssueAccessToken tokens,
      Authentication authentication) {
    this.catalog = checkNotNull(catalog, "catalog");
    this.configure = checkNotNull(configure, "configure");
    this.tokens = checkNotNull(tokens, "tokens");
    this.authentication = checkNotNull(authentication, "authentication");
  }

  public void register(RoutesConfig routes) {
    routes.post("/api/v1/admin/offices", this::createOffice);
    routes.post("/api/v1/admin/services", this::createService);
    routes.post("/api/v1/admin/offices/{officeId}/resources", this::createResource);
    routes.put(
        "/api/v1/admin/offices/{officeId}/resources/{resourceId}/schedule", this::replaceSchedule);
    routes.post("/api/v1/admin/offices/{officeId}/closures", this::addClosure);
    routes.post("/api/v1/admin/tokens", this::issueToken);
  }

  private void createOffice(Context ctx) {
    AccessGrant admin = authentication.admin(ctx);
    AdminRequests.NewOffice body = JsonBodies.read(ctx, AdminRequests.NewOffice.class);
    ZoneId zone = DomainInput.build("timeZone", () -> zone(body.timeZone()));
    GermanState state = stateOf(body.state());
    if (!Office.SLOT_GRIDS.contains(body.slotMinutes())) {
      throw DomainInput.invalid(
          "slotMinutes", "must be one of " + Office.SLOT_GRIDS.asList() + ", dividing an hour");
    }
    OfficeId id = OfficeId.of(body.id() == null ? generatedId(body.name()) : body.id());
    // The annotations and checks above cover the office's invariants; anything else is the whole
    // body's.
    Office office =
        DomainInput.build(
            () ->
                new Office(
                    id,
                    body.name().strip(),
                    zone,
                    HolidayRegion.of(state),
                    body.slotMinutes(),
                    BookingHorizon.of(
                        Duration.ofMinutes(Optional.ofNullable(body.minNoticeMinutes()).orElse(0)),
                        body.maxDaysAhead()),
                    Duration.ofMinutes(
                        Optional.ofNullable(body.holdMinutes())
                            .orElse((int) Office.DEFAULT_HOLD_DURATION.toMinutes())),
                    Optional.ofNullable(body.address()).map(String::strip)));
    saved(configure.createOffice(office, Authentication.actor(admin)));
    ctx.status(201).json(BookingViews.OfficeView.of(office));
  }

  private void createService(Context ctx) {
    authentication.admin(ctx);
    AdminRequests.NewService body = JsonBodies.read(ctx, AdminRequests.NewService.class);
    ServiceId id = ServiceId.of(body.id() == null ? generatedId(body.name()) : body.id());
    Map<AppointmentMode, ModeOptions> modes =
        body.modes() == null ? Service.IN_PERSON_ONLY : modes(body.modes());
    Service service =
        DomainInput.build(
            () ->
                Service.of(
                        id,
                        body.name().strip(),
                        Duration.ofMinutes(body.durationMinutes()),
                        body.maxPersons(),
                        ImmutableSet.copyOf(body.channels()),
                        Boolean.TRUE.equals(body.sensitive()))
                    .withModes(modes));
    saved(configure.createService(service));
    ctx.status(201).json(BookingViews.ServiceView.of(service));
  }

  /** Each mode once, with its own duration and resources if it has them. */
  private static Map<AppointmentMode, ModeOptions> modes(
      List<AdminRequests.ServiceMode> requested) {
    Map<AppointmentMode, ModeOptions> modes = new EnumMap<>(AppointmentMode.class);
    for (int i = 0; i < requested.size(); i++) {
      AdminRequests.ServiceMode mode = requested.get(i);
      ModeOptions options =
          mode.durationMinutes() == null
              ? ModeOptions.DEFAULT
              : ModeOptions.lasting(Duration.ofMinutes(mode.durationMinutes()));
      for (AdminRequests.ModeResource resource :
          Optional.ofNullable(mode.resources()).orElse(List.of())) {
        options =
            options.servedAt(
                OfficeId.of(resource.officeId()), List.of(ResourceId.of(resource.resourceId())));
      }
      if (modes.put(mode.mode(), options) != null) {
        throw DomainInput.invalid(
            "modes[" + i + "].mode",
            "names " + mode.mode() + " a second time; name each mode once");
      }
    }
    return modes;
  }

  private void createResource(Context ctx) {
    Authentication.InOffice admin = authentication.adminOfOffice(ctx);
    OfficeId office = admin.office();
    AdminRequests.NewResource body = JsonBodies.read(ctx, AdminRequests.NewResource.class);
    ResourceId id = ResourceId.of(body.id() == null ? generatedId(body.name()) : body.id());
    Resource resource =
        new Resource(
            id,
            office,
            body.name().strip(),
            body.kind(),
            body.serviceIds().stream().map(ServiceId::of).collect(ImmutableSet.toImmutableSet()),
            Optional.ofNullable(body.team()).map(TeamId::of));
    saved(configure.createResource(resource, admin.actor()));
    ctx.status(201).json(AdminViews.ResourceView.of(resource));
  }

  private void replaceSchedule(Context ctx) {
    Authentication.InOffice admin = authentication.adminOfOffice(ctx);
    OfficeId office = admin.office();
    ResourceId resource = Parameters.resourceId(ctx);
    AdminRequests.Schedule body = JsonBodies.read(ctx, AdminRequests.Schedule.class);
    WorkingTime workingTime =
        WorkingTime.builder()
            .rules(rules("rules", body.rules()))
            .breakRules(rules("breaks", Optional.ofNullable(body.breaks()).orElse(List.of())))
            .extraTimes(extraTimes(Optional.ofNullable(body.extraTimes()).orElse(List.of())))
            .absences(absences(Optional.ofNullable(body.absences()).orElse(List.of())))
            .build();
    saved(configure.replaceWorkingTime(office, resource, workingTime, admin.actor()));
    ctx.json(body);
  }

  private void addClosure(Context ctx) {
    Authentication.InOffice admin = authentication.adminOfOffice(ctx);
    OfficeId office = admin.office();
    AdminRequests.NewClosure body = JsonBodies.read(ctx, AdminRequests.NewClosure.class);
    saved(
        configure.addClosure(office, new OfficeClosure(body.date(), body.reason()), admin.actor()));
    ctx.status(201)
        .json(new AdminViews.ClosureView(office.value(), body.date().toString(), body.reason()));
  }

  /** Admins issue any token; office admins issue staff tokens for their own offices. */
  private void issueToken(Context ctx) {
    AccessGrant issuer = authentication.required(ctx);
    AdminRequests.NewToken body = JsonBodies.read(ctx, AdminRequests.NewToken.class);
    ImmutableSet<OfficeId> officeIds =
        Optional.ofNullable(body.officeIds()).orElse(List.of()).stream()
            .map(OfficeId::of)
            .collect(ImmutableSet.toImmutableSet());
    boolean allowed =
        issuer.isAdmin()
            || (issuer.role() == AccessRole.OFFICE_ADMIN
                && body.role() == AccessRole.STAFF
                && issuer.offices().containsAll(officeIds));
    if (!allowed) {
      throw ApiProblem.forbidden(
          "admins issue tokens; office admins issue staff tokens for their own offices");
    }
    if (body.role() == AccessRole.ADMIN && !officeIds.isEmpty()) {
      throw DomainInput.invalid(
          "officeIds", "an ADMIN token reaches every office; leave officeIds empty");
    }
    if (body.role() != AccessRole.ADMIN && officeIds.isEmpty()) {
      throw DomainInput.invalid(
          "officeIds", "a " + body.role() + " token needs at least one office");
    }
    for (OfficeId office : officeIds) {
      if (catalog.office(office).isEmpty()) {
        throw DomainInput.invalid("officeIds", "unknown office " + office);
      }
    }
    IssuedToken issued = tokens.issue(body.role(), officeIds);
    ctx.status(201).json(AdminViews.TokenView.of(issued));
  }

  private static void saved(Optional<Refused> refusal) {
    if (refusal.isPresent()) {
      throw ErrorMapping.problem(refusal.get());
    }
  }

  private static List<WeeklyRule> rules(String field, List<AdminRequests.Rule> rules) {
    return IntStream.range(0, rules.size())
        .mapToObj(
            index -> {
              AdminRequests.Rule rule = rules.get(index);
              String path = field + "[" + index + "]";
              return DomainInput.build(
                  path,
                  () -> {
                    ImmutableSet<DayOfWeek> days =
                        rule.days().stream()
                            .map(AdminRoutes::dayOfWeek)
                            .collect(ImmutableSet.toImmutableSet());
                    WeeklyRule weekly =
                        WeeklyRule.weekly(days, new TimeOfDayRange(rule.from(), rule.to()));
                    if (rule.validFrom() != null || rule.validTo() != null) {
                      LocalDate first = Optional.ofNullable(rule.validFrom()).orElse(LocalDate.MIN);
                      // validTo is the last day the rule applies, as administrators write it.
                      LocalDate endExclusive =
                          rule.validTo() == null ? LocalDate.MAX : rule.validTo().plusDays(1);
                      weekly = weekly.validDuring(new DateRange(first, endExclusive));
                    }
                    if (rule.everyWeeks() != null && rule.everyWeeks() > 1) {
                      LocalDate anchor =
                          Optional.ofNullable(rule.validFrom())
                              .orElseThrow(
                                  () ->
                                      new IllegalArgumentException(
                                          "a rule that applies every N weeks needs validFrom, the"
                                              + " first week it applies"));
                      weekly = weekly.everyWeeks(rule.everyWeeks(), anchor);
                    }
                    return weekly;
                  });
            })
        .toList();
  }

  private static List<ExtraTime> extraTimes(List<AdminRequests.ExtraTime> extraTimes) {
    return IntStream.range(0, extraTimes.size())
        .mapToObj(
            index -> {
              AdminRequests.ExtraTime extra = extraTimes.get(index);
              return DomainInput.build(
                  "extraTimes[" + index + "]",
                  () -> new ExtraTime(extra.date(), new TimeOfDayRange(extra.from(), extra.to())));
            })
        .toList();
  }

  private static List<Absence> absences(List<AdminRequests.Absence> absences) {
    return IntStream.range(0, absences.size())
        .mapToObj(
            index -> {
              AdminRequests.Absence absence = absences.get(index);
              return DomainInput.build(
                  "absences[" + index + "]", () -> new Absence(absence.from(), absence.to()));
            })
        .toList();
  }

  private static DayOfWeek dayOfWeek(String abbreviation) {
    for (DayOfWeek day : DayOfWeek.values()) {
      if (day.name().startsWith(abbreviation)) {
        return day;
      }
    }
    throw new IllegalArgumentException("unknown weekday " + abbreviation);
  }

  private static ZoneId zone(String id) {
    try {
      return ZoneId.of(id);
    } catch (DateTimeException unknown) {
      throw new IllegalArgumentException("must be an IANA time zone such as Europe/Berlin");
    }
  }

  /** A German state by its code ({@code BY}) or name ({@code BAVARIA}). */
  private static GermanState stateOf(String text) {
    return GermanState.fromCode(text.toUpperCase(Locale.ROOT))
        .or(
            () ->
                Arrays.stream(GermanState.values())
                    .filter(state -> state.name().equalsIgnoreCase(text))
                    .findFirst())
        .orElseThrow(
            () -> DomainInput.invalid("state", "must be a German state code such as BY or BE"));
  }

  /**
   * A readable id from the name with a random suffix, e.g. {@code sozialbuergerhaus-mitte-k3xq}.
   */
  static String generatedId(String name) {
    String ascii =
        Normalizer.normalize(
                name.toLowerCase(Locale.ROOT)
                    .replace("ä", "ae")
                    .replace("ö", "oe")
                    .replace("ü", "ue")
                    .replace("ß", "ss"),
                Normalizer.Form.NFD)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("(^-+|-+$)", "");
    String stem = ascii.length() > 40 ? ascii.substring(0, 40).replaceAll("-+$", "") : ascii;
    StringBuilder suffix = new StringBuilder();
    for (int i = 0; i < 4; i++) {
      suffix.append(ID_SUFFIX_ALPHABET.charAt(ID_RANDOM.nextInt(ID_SUFFIX_ALPHABET.length())));
    }
    return stem.isEmpty() ? suffix.toString() : stem + "-" + suffix;
  }
}
