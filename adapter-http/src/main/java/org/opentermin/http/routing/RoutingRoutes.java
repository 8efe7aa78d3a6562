package org.opentermin.http.routing;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.opentermin.core.booking.Actor;
import org.opentermin.core.catalog.Office;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.catalog.ResourceId;
import org.opentermin.core.catalog.ServiceId;
import org.opentermin.core.catalog.TeamId;
import org.opentermin.core.routing.Address;
import org.opentermin.core.routing.AddressRule;
import org.opentermin.core.routing.CaseAssignment;
import org.opentermin.core.routing.CaseNumber;
import org.opentermin.core.routing.HouseNumber;
import org.opentermin.core.routing.NamePrefixes;
import org.opentermin.core.routing.OfficeRouting;
import org.opentermin.core.routing.PostalCode;
import org.opentermin.core.routing.Responsible;
import org.opentermin.core.routing.RoutingInputs;
import org.opentermin.core.routing.RuleProblem;
import org.opentermin.core.routing.StreetName;
import org.opentermin.core.routing.TeamRule;
import org.opentermin.http.HttpApi;
import org.opentermin.http.common.Authentication;
import org.opentermin.http.common.CommonRequests;
import org.opentermin.http.common.DomainInput;
import org.opentermin.http.common.JsonBodies;
import org.opentermin.http.common.OfficeCache;
import org.opentermin.http.problem.ApiProblem;
import org.opentermin.http.problem.ErrorMapping;
import org.opentermin.ports.in.ConfigureResponsibility;
import org.opentermin.ports.in.ConfigureResponsibility.CaseEntry;
import org.opentermin.ports.in.ConfigureResponsibility.ImportResult;
import org.opentermin.ports.in.Refused;
import org.opentermin.ports.in.ResolveResponsibility;

/**
 * Responsibility routing over HTTP. Citizens ask who is responsible for them; the same inputs
 * narrow availability and holds ({@link #inputs(Context)}, {@link RoutingData}). Administrators
 * import the address rules of the municipality and office admins their office's team rules and
 * cases as CSV files ({@link RoutingCsv}), set how the office files surnames and whether it is
 * exclusive, and name team deputies; staff assign and remove single cases. The citizen's inputs
 * travel in a POST body or in query parameters, which request logs never show.
 */
public final class RoutingRoutes {

  static final String ADDRESS_RULES = "/api/v1/admin/routing/address-rules";
  static final String TEAM_RULES = "/api/v1/admin/offices/{officeId}/routing/team-rules";
  static final String CASES = "/api/v1/admin/offices/{officeId}/cases";

  private final ResolveResponsibility resolveResponsibility;
  private final ConfigureResponsibility configureResponsibility;
  private final Authentication authentication;
  private final OfficeCache offices;

  public RoutingRoutes(
      ResolveResponsibility resolveResponsibility, ConfigureResponsibility configureResponsibility,
      Authentication authentication, OfficeCache offices) {
    this.resolveResponsibility = checkNotNull(resolveResponsibility, "resolveResponsibility");
    this.configureResponsibility = checkNotNull(configureResponsibility, "configureResponsibility");
    this.authentication = checkNotNull(authentication, "authentication");
    this.offices = checkNotNull(offices, "offices");
  }

  public void register(RoutesConfig routes) {
    routes.post("/api/v1/responsibility", this::resolve);
    routes.get(ADDRESS_RULES, this::addressRules);
    routes.put(ADDRESS_RULES, this::importAddressRules);
    routes.get("/api/v1/admin/routing/problems", this::problems);
    routes.get("/api/v1/admin/offices/{officeId}/routing", this::officeRouting);
    routes.put("/api/v1/admin/offices/{officeId}/routing", this::saveOfficeRouting);
    routes.get(TEAM_RULES, this::teamRules);
    routes.put(TEAM_RULES, this::importTeamRules);
    routes.put("/api/v1/admin/offices/{officeId}/teams/{teamId}/deputy", this::saveDeputy);
    routes.delete("/api/v1/admin/offices/{officeId}/teams/{teamId}/deputy", this::removeDeputy);
    routes.get(CASES, this::cases);
    routes.put(CASES, this::importCases);
    routes.post("/api/v1/staff/offices/{officeId}/cases", this::assignCase);
    routes.post("/api/v1/staff/offices/{officeId}/cases/remove", this::removeCase);
  }

  /** Whether the request uploads a CSV file to one of the import endpoints. */
  public static boolean isCsvImport(String method, String path) {
    return "PUT".equals(method)
        && path.matches("/api/v1/admin/(routing/address-rules|offices/[^/]+/(routing/team-rules|cases))");
  }

  // ---- citizens ----

  /** What a citizen tells to find who is responsible: address, surname, perhaps a case number. */
  public record RoutingData(
      @NotNull @Pattern(regexp = "[0-9]{5}", message = "must be five digits") String postalCode,
      @Size(max = 200) String street,
      @Size(max = 20) String houseNumber,
      @NotBlank @Size(max = 200) String surname,
      @Size(max = 64) String caseNumber) {

    public RoutingInputs toDomain() {
      PostalCode code = DomainInput.build("postalCode", () -> PostalCode.of(postalCode));
      Optional<StreetName> streetName = DomainInput.build("street", () -> blankToEmpty(street).map(StreetName::of));
      Optional<HouseNumber> number = DomainInput.build("houseNumber", () -> blankToEmpty(houseNumber).map(HouseNumber::parse));
      Address address = DomainInput.build("houseNumber", () -> new Address(code, streetName, number));
      Optional<CaseNumber> caseNumber = blankToEmpty(this.caseNumber).map(value -> DomainInput.build("caseNumber", () -> CaseNumber.of(value)));
      return DomainInput.build("surname", () -> new RoutingInputs(address, surname.strip(), caseNumber));
    }
  }

  record ResponsibilityQuestion(
      @NotNull @Valid RoutingData routing,
      @Pattern(regexp = CommonRequests.ID, message = CommonRequests.ID_MESSAGE) String serviceId) {}

  /**
   * Who is responsible. Never names a person, nor says whether a caseworker is absent: the kind
   * of responsibility, the team if a team, and whether the case number was recognised.
   */
  record ResponsibilityView(String officeId, String officeName, String responsible, String teamId, boolean caseRecognised) {}

  private void resolve(Context ctx) {
    ResponsibilityQuestion body = JsonBodies.read(ctx, ResponsibilityQuestion.class);
    RoutingInputs inputs = body.routing().toDomain();
    ResolveResponsibility.ResponsibilityResult result =
        resolveResponsibility.resolve(inputs, Optional.ofNullable(body.serviceId()).map(ServiceId::of));
    if (result instanceof Refused refused) {
      throw ErrorMapping.problem(refused);
    }
    ResolveResponsibility.Found found = (ResolveResponsibility.Found) result;
    Office office = offices.office(found.routing().office());
    Optional<Responsible> responsible = found.routing().responsible();
    String kind = responsible.map(who -> who instanceof Responsible.Team ? "TEAM" : "CASEWORKER").orElse("OFFICE");
    String team = responsible.filter(Responsible.Team.class::isInstance).map(who -> ((Responsible.Team) who).team().value()).orElse(null);
    ctx.json(new ResponsibilityView(office.id().value(), office.name(), kind, team, found.byCase().isPresent()));
  }

  /** The routing inputs in the query (availability), if any is given; postal code and surname are then required. */
  public static Optional<RoutingInputs> inputs(Context ctx) {
    List<String> names = List.of("postalCode", "street", "houseNumber", "surname", "caseNumber");
    if (names.stream().allMatch(name -> ctx.queryParam(name) == null)) {
      return Optional.empty();
    }
    String postalCode = ctx.queryParam("postalCode");
    String surname = ctx.queryParam("surname");
    List<ApiProblem.FieldError> missing = new ArrayList<>();
    if (postalCode == null || postalCode.isBlank()) {
      missing.add(new ApiProblem.FieldError("postalCode", "is required with routing inputs"));
    }
    if (surname == null || surname.isBlank()) {
      missing.add(new ApiProblem.FieldError("surname", "is required with routing inputs"));
    }
    if (!missing.isEmpty()) {
      throw ApiProblem.validationFailed(missing);
    }
    if (names.stream().anyMatch(name -> ctx.queryParam(name) != null && ctx.queryParam(name).length() > 200)) {
      throw ApiProblem.badRequest("a routing input is too long");
    }
    return Optional.of(new RoutingData(postalCode.strip(), ctx.queryParam("street"), ctx.queryParam("houseNumber"), surname,
        ctx.queryParam("caseNumber")).toDomain());
  }

  private static Optional<String> blankToEmpty(String value) {
    return Optional.ofNullable(value).map(String::strip).filter(text -> !text.isEmpty());
  }

  // ---- administrators ----

  record AddressRuleView(String label, String postalCode, String street, Integer houseFrom, Integer houseTo, String parity, String officeId) {
    static AddressRuleView of(AddressRule rule) {
      return new AddressRuleView(rule.label(), rule.postalCode().value(), rule.street().map(StreetName::key).orElse(null),
          rule.houseNumbers().map(range -> range.from()).orElse(null), rule.houseNumbers().map(range -> range.to()).orElse(null),
          rule.houseNumbers().map(range -> range.parity().name()).orElse(null), rule.office().value());
    }
  }

  record TeamRuleView(String label, String initials, String serviceId, String teamId, String caseworkerId) {
    static TeamRuleView of(TeamRule rule) {
      Responsible responsible = rule.responsible();
      return new TeamRuleView(rule.label(), rule.initials().toString(), rule.service().map(ServiceId::value).orElse(null),
          responsible instanceof Responsible.Team team ? team.team().value() : null,
          responsible instanceof Responsible.Caseworker caseworker ? caseworker.caseworker().value() : null);
    }
  }

  record ProblemView(String kind, List<String> labels, String message) {
    static ProblemView of(RuleProblem problem) {
      return new ProblemView(problem.kind().name(), problem.labels(), problem.message());
    }
  }

  record ImportView(int entries, List<ProblemView> problems) {}

  record OfficeRoutingData(@NotNull Boolean exclusive, Boolean commonPrefixes, @Size(max = 100) List<@NotBlank @Size(max = 50) String> ignoredPrefixes) {}

  record OfficeRoutingView(boolean exclusive, List<String> ignoredPrefixes, Map<String, String> deputies) {}

  record DeputyData(@NotNull @Pattern(regexp = CommonRequests.ID, message = CommonRequests.ID_MESSAGE) String caseworkerId) {}

  record CaseData(
      @NotBlank @Size(max = 64) String caseNumber,
      @Pattern(regexp = CommonRequests.ID, message = CommonRequests.ID_MESSAGE) String caseworkerId,
      @Pattern(regexp = CommonRequests.ID, message = CommonRequests.ID_MESSAGE) String teamId) {}

  record CaseView(String caseNumber, String caseworkerId, String teamId) {
    static CaseView of(CaseAssignment assignment) {
      return new CaseView(assignment.caseNumber().value(), assignment.caseworker().value(), assignment.team().value());
    }
  }

  private ConfigureResponsibility configure() {
    return configureResponsibility;
  }

  private void addressRules(Context ctx) {
    authentication.admin(ctx);
    ctx.json(configure().tables().addressRules().stream().map(AddressRuleView::of).toList());
  }

  private void importAddressRules(Context ctx) {
    Actor admin = Authentication.actor(authentication.admin(ctx));
    RoutingCsv.Parsed<AddressRule> parsed = RoutingCsv.addressRules(csvBody(ctx));
    answer(ctx, parsed.errors().isEmpty()
        ? configure().replaceAddressRules(parsed.entries(), admin)
        : rejected(parsed, configure().checkAddressRules(parsed.entries())));
  }

  private void problems(Context ctx) {
    authentication.admin(ctx);
    ctx.json(configure().problems().stream().map(ProblemView::of).toList());
  }

  private void officeRouting(Context ctx) {
    OfficeId office = knownOffice(authentication.officeForAdmin(ctx));
    ctx.json(officeRoutingView(office));
  }

  private void saveOfficeRouting(Context ctx) {
    Authentication.InOffice caller = authentication.adminOfOffice(ctx);
    OfficeId office = knownOffice(caller.office());
    OfficeRoutingData body = JsonBodies.read(ctx, OfficeRoutingData.class);
    List<String> prefixes = new ArrayList<>();
    if (Boolean.TRUE.equals(body.commonPrefixes())) {
      prefixes.addAll(NamePrefixes.COMMON.ignored());
    }
    if (body.ignoredPrefixes() != null) {
      prefixes.addAll(body.ignoredPrefixes());
    }
    NamePrefixes namePrefixes = DomainInput.build("ignoredPrefixes", () -> new NamePrefixes(ImmutableList.copyOf(prefixes)));
    configure().saveOfficeRouting(office, new OfficeRouting(namePrefixes, body.exclusive()), caller.actor());
    ctx.json(officeRoutingView(office));
  }

  private OfficeRoutingView officeRoutingView(OfficeId office) {
    ConfigureResponsibility.Tables tables = configure().tables();
    OfficeRouting routing = tables.office(office);
    Map<String, String> deputies = new TreeMap<>();
    tables.deputies().getOrDefault(office, ImmutableMap.of()).forEach((team, deputy) -> deputies.put(team.value(), deputy.value()));
    return new OfficeRoutingView(routing.exclusive(), routing.namePrefixes().ignored(), deputies);
  }

  private void teamRules(Context ctx) {
    OfficeId office = knownOffice(authentication.officeForAdmin(ctx));
    ctx.json(configure().tables().teamRules().stream().filter(rule -> rule.office().equals(office)).map(TeamRuleView::of).toList());
  }

  private void importTeamRules(Context ctx) {
    Authentication.InOffice caller = authentication.adminOfOffice(ctx);
    OfficeId office = knownOffice(caller.office());
    RoutingCsv.Parsed<TeamRule> parsed = RoutingCsv.teamRules(office, csvBody(ctx));
    answer(ctx, parsed.errors().isEmpty()
        ? configure().replaceTeamRules(office, parsed.entries(), caller.actor())
        : rejected(parsed, configure().checkTeamRules(office, parsed.entries())));
  }

  private void saveDeputy(Context ctx) {
    Authentication.InOffice caller = authentication.adminOfOffice(ctx);
    OfficeId office = knownOffice(caller.office());
    TeamId team = teamId(ctx);
    DeputyData body = JsonBodies.read(ctx, DeputyData.class);
    outcome(configure().saveDeputy(office, team, Optional.of(ResourceId.of(body.caseworkerId())), caller.actor()));
    ctx.json(officeRoutingView(office));
  }

  private void removeDeputy(Context ctx) {
    Authentication.InOffice caller = authentication.adminOfOffice(ctx);
    OfficeId office = knownOffice(caller.office());
    outcome(configure().saveDeputy(office, teamId(ctx), Optional.empty(), caller.actor()));
    JsonBodies.noContent(ctx);
  }

  private void cases(Context ctx) {
    OfficeId office = knownOffice(authentication.officeForAdmin(ctx));
    ctx.json(configure().caseAssignments(office).stream().map(CaseView::of).toList());
  }

  private void importCases(Context ctx) {
    Authentication.InOffice caller = authentication.adminOfOffice(ctx);
    OfficeId office = knownOffice(caller.office());
    RoutingCsv.Parsed<CaseEntry> parsed = RoutingCsv.cases(csvBody(ctx));
    answer(ctx, parsed.errors().isEmpty()
        ? configure().replaceCaseAssignments(office, parsed.entries(), caller.actor())
        : rejected(parsed, configure().checkCases(office, parsed.entries())));
  }

  /** Staff of the office assign one case (again, to move it). */
  private void assignCase(Context ctx) {
    Authentication.InOffice caller = authentication.staffOfOffice(ctx);
    OfficeId office = knownOffice(caller.office());
    CaseData body = JsonBodies.read(ctx, CaseData.class);
    if (body.caseworkerId() == null) {
      throw DomainInput.invalid("caseworkerId", "is required");
    }
    CaseNumber number = DomainInput.build("caseNumber", () -> CaseNumber.of(body.caseNumber().strip()));
    outcome(configure().assignCase(office, new CaseEntry(
        "request", number, ResourceId.of(body.caseworkerId()), Optional.ofNullable(body.teamId()).map(TeamId::of)), caller.actor()));
    JsonBodies.noContent(ctx);
  }

  private void removeCase(Context ctx) {
    Authentication.InOffice caller = authentication.staffOfOffice(ctx);
    OfficeId office = knownOffice(caller.office());
    CaseData body = JsonBodies.read(ctx, CaseData.class);
    CaseNumber number = DomainInput.build("caseNumber", () -> CaseNumber.of(body.caseNumber().strip()));
    if (!configure().removeCase(office, number, caller.actor())) {
      throw ApiProblem.notFound("the office has no such case");
    }
    JsonBodies.noContent(ctx);
  }

  private OfficeId knownOffice(OfficeId office) {
    return offices.office(office).id();
  }

  private static TeamId teamId(Context ctx) {
    String value = ctx.pathParam("teamId");
    if (!TeamId.isValid(value)) {
      throw ApiProblem.notFound("unknown team " + value);
    }
    return TeamId.of(value);
  }

  private static byte[] csvBody(Context ctx) {
    String type = ctx.contentType();
    if (type == null || !type.split(";", 2)[0].trim().equalsIgnoreCase("text/csv")) {
      throw new ApiProblem(415, "unsupported-media-type", "send the rules as text/csv");
    }
    // Read here, after the caller was authenticated, and capped here: the server caps other bodies far lower.
    try (InputStream in = ctx.req().getInputStream()) {
      byte[] body = in.readNBytes(HttpApi.MAXIMUM_IMPORT_BYTES + 1);
      if (body.length > HttpApi.MAXIMUM_IMPORT_BYTES) {
        throw new ApiProblem(413, "payload-too-large", "imported files are limited to " + HttpApi.MAXIMUM_IMPORT_BYTES / (1024 * 1024) + " MiB");
      }
      return body;
    } catch (IOException unreadable) {
      throw ApiProblem.badRequest("the file could not be read completely");
    }
  }

  /**
   * A file some of whose lines could not be read: their errors and those the use case finds in the
   * others, in line order, so that one answer names every bad line.
   */
  private static ImportResult rejected(RoutingCsv.Parsed<?> parsed, List<ConfigureResponsibility.EntryError> checked) {
    List<ConfigureResponsibility.EntryError> errors = new ArrayList<>(parsed.errors());
    errors.addAll(checked);
    errors.sort(Comparator.comparingLong(error -> RoutingCsv.lineNumber(error.label())));
    return new ConfigureResponsibility.Rejected(ImmutableList.copyOf(errors.subList(0, Math.min(errors.size(), RoutingCsv.MAXIMUM_ERRORS))));
  }

  /** 200 with what was stored, or 422 naming every bad line. */
  private static void answer(Context ctx, ImportResult result) {
    if (result instanceof ConfigureResponsibility.Rejected rejected) {
      List<ConfigureResponsibility.EntryError> errors = rejected.errors();
      throw new ApiProblem(422, "validation-failed",
          "the file has " + errors.size() + (errors.size() >= RoutingCsv.MAXIMUM_ERRORS ? " or more" : "")
              + " bad lines; nothing was changed",
          errors.stream().map(error -> new ApiProblem.FieldError(error.label(), error.message())).toList());
    }
    ConfigureResponsibility.Imported imported = (ConfigureResponsibility.Imported) result;
    ctx.json(new ImportView(imported.entries(), imported.problems().stream().map(ProblemView::of).toList()));
  }

  private static void outcome(ConfigureResponsibility.Outcome outcome) {
    if (outcome instanceof Refused refused) {
      throw ErrorMapping.problem(refused);
    }
  }
}
