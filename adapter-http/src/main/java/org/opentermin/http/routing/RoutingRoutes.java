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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.opentermin.core.catalog.Office;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.catalog.ResourceId;
import org.opentermin.core.catalog.ServiceId;
import org.opentermin.core.catalog.TeamId;
import org.opentermin.core.routing.Address;
import org.opentermin.core.routing.CaseNumber;
import org.opentermin.core.routing.HouseNumber;
import org.opentermin.core.routing.NamePrefixes;
import org.opentermin.core.routing.OfficeRouting;
import org.opentermin.core.routing.PostalCode;
import org.opentermin.core.routing.Responsible;
import org.opentermin.core.routing.RoutingInputs;
import org.opentermin.core.routing.RuleProblem;
import org.opentermin.core.routing.StreetName;
import org.opentermin.http.common.Authentication;
import org.opentermin.http.common.CommonRequests;
import org.opentermin.http.common.DomainInput;
import org.opentermin.http.common.JsonBodies;
import org.opentermin.http.common.OfficeCache;
import org.opentermin.http.problem.ApiProblem;
import org.opentermin.http.problem.ErrorMapping;
import org.opentermin.ports.in.ConfigureResponsibility;
import org.opentermin.ports.in.Refused;
import org.opentermin.ports.in.ResolveResponsibility;

/**
 * Responsibility routing over HTTP. Citizens ask who is responsible for them; the same inputs
 * narrow availability and holds ({@link #inputs(Context)}, {@link RoutingData}). Administrators
 * import the address rules of the municipality and office admins their office's team rules and
 * cases as CSV files, and staff assign and remove single cases ({@link RoutingImports}); office
 * admins set how the office files surnames and whether it is exclusive, and name team deputies. The
 * citizen's inputs travel in a POST body or in query parameters, which request logs never show.
 */
public final class RoutingRoutes {

  static final String ADDRESS_RULES = "/api/v1/admin/routing/address-rules";
  static final String TEAM_RULES = "/api/v1/admin/offices/{officeId}/routing/team-rules";
  static final String CASES = "/api/v1/admin/offices/{officeId}/cases";

  private final ResolveResponsibility resolveResponsibility;
  private final ConfigureResponsibility configureResponsibility;
  private final Authentication authentication;
  private final OfficeCache offices;
  private final RoutingImports imports;

  public RoutingRoutes(
      ResolveResponsibility resolveResponsibility,
      ConfigureResponsibility configureResponsibility,
      Authentication authentication,
      OfficeCache offices) {
    this.resolveResponsibility = checkNotNull(resolveResponsibility, "resolveResponsibility");
    this.configureResponsibility = checkNotNull(configureResponsibility, "configureResponsibility");
    this.authentication = checkNotNull(authentication, "authentication");
    this.offices = checkNotNull(offices, "offices");
    this.imports = new RoutingImports(configureResponsibility, authentication, offices);
  }

  public void register(RoutesConfig routes) {
    routes.post("/api/v1/responsibility", this::resolve);
    routes.get(ADDRESS_RULES, imports::addressRules);
    routes.put(ADDRESS_RULES, imports::importAddressRules);
    routes.get("/api/v1/admin/routing/problems", this::problems);
    routes.get("/api/v1/admin/offices/{officeId}/routing", this::officeRouting);
    routes.put("/api/v1/admin/offices/{officeId}/routing", this::saveOfficeRouting);
    routes.get(TEAM_RULES, imports::teamRules);
    routes.put(TEAM_RULES, imports::importTeamRules);
    routes.put("/api/v1/admin/offices/{officeId}/teams/{teamId}/deputy", this::saveDeputy);
    routes.delete("/api/v1/admin/offices/{officeId}/teams/{teamId}/deputy", this::removeDeputy);
    routes.get(CASES, imports::cases);
    routes.put(CASES, imports::importCases);
    routes.post("/api/v1/staff/offices/{officeId}/cases", imports::assignCase);
    routes.post("/api/v1/staff/offices/{officeId}/cases/remove", imports::removeCase);
  }

  /** Whether the request uploads a CSV file to one of the import endpoints. */
  public static boolean isCsvImport(String method, String path) {
    return "PUT".equals(method)
        && path.matches(
            "/api/v1/admin/(routing/address-rules|offices/[^/]+/(routing/team-rules|cases))");
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
      Optional<StreetName> streetName =
          DomainInput.build("street", () -> blankToEmpty(street).map(StreetName::of));
      Optional<HouseNumber> number =
          DomainInput.build("houseNumber", () -> blankToEmpty(houseNumber).map(HouseNumber::parse));
      Address address =
          DomainInput.build("houseNumber", () -> new Address(code, streetName, number));
      Optional<CaseNumber> caseNumber =
          blankToEmpty(this.caseNumber)
              .map(value -> DomainInput.build("caseNumber", () -> CaseNumber.of(value)));
      return DomainInput.build(
          "surname", () -> new RoutingInputs(address, surname.strip(), caseNumber));
    }
  }

  record ResponsibilityQuestion(
      @NotNull @Valid RoutingData routing,
      @Pattern(regexp = CommonRequests.ID, message = CommonRequests.ID_MESSAGE) String serviceId) {}

  /**
   * Who is responsible. Never names a person, nor says whether a caseworker is absent: the kind of
   * responsibility, the team if a team, and whether the case number was recognised.
   */
  record ResponsibilityView(
      String officeId,
      String officeName,
      String responsible,
      String teamId,
      boolean caseRecognised) {}

  private void resolve(Context ctx) {
    ResponsibilityQuestion body = JsonBodies.read(ctx, ResponsibilityQuestion.class);
    RoutingInputs inputs = body.routing().toDomain();
    ResolveResponsibility.ResponsibilityResult result =
        resolveResponsibility.resolve(
            inputs, Optional.ofNullable(body.serviceId()).map(ServiceId::of));
    if (result instanceof Refused refused) {
      throw ErrorMapping.problem(refused);
    }
    ResolveResponsibility.Found found = (ResolveResponsibility.Found) result;
    Office office = offices.office(found.routing().office());
    Optional<Responsible> responsible = found.routing().responsible();
    String kind =
        responsible
            .map(who -> who instanceof Responsible.Team ? "TEAM" : "CASEWORKER")
            .orElse("OFFICE");
    String team =
        responsible
            .filter(Responsible.Team.class::isInstance)
            .map(who -> ((Responsible.Team) who).team().value())
            .orElse(null);
    ctx.json(
        new ResponsibilityView(
            office.id().value(), office.name(), kind, team, found.byCase().isPresent()));
  }

  /**
   * The routing inputs in the query (availability), if any is given; postal code and surname are
   * then required.
   */
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
    if (names.stream()
        .anyMatch(name -> ctx.queryParam(name) != null && ctx.queryParam(name).length() > 200)) {
      throw ApiProblem.badRequest("a routing input is too long");
    }
    return Optional.of(
        new RoutingData(
                postalCode.strip(),
                ctx.queryParam("street"),
                ctx.queryParam("houseNumber"),
                surname,
                ctx.queryParam("caseNumber"))
            .toDomain());
  }

  private static Optional<String> blankToEmpty(String value) {
    return Optional.ofNullable(value).map(String::strip).filter(text -> !text.isEmpty());
  }

  // ---- administrators ----

  record ProblemView(String kind, List<String> labels, String message) {
    static ProblemView of(RuleProblem problem) {
      return new ProblemView(problem.kind().name(), problem.labels(), problem.message());
    }
  }

  record OfficeRoutingData(
      @NotNull Boolean exclusive,
      Boolean commonPrefixes,
      @Size(max = 100) List<@NotBlank @Size(max = 50) String> ignoredPrefixes) {}

  record OfficeRoutingView(
      boolean exclusive, List<String> ignoredPrefixes, Map<String, String> deputies) {}

  record DeputyData(
      @NotNull @Pattern(regexp = CommonRequests.ID, message = CommonRequests.ID_MESSAGE)
          String caseworkerId) {}

  private ConfigureResponsibility configure() {
    return configureResponsibility;
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
    NamePrefixes namePrefixes =
        DomainInput.build(
            "ignoredPrefixes", () -> new NamePrefixes(ImmutableList.copyOf(prefixes)));
    configure()
        .saveOfficeRouting(
            office, new OfficeRouting(namePrefixes, body.exclusive()), caller.actor());
    ctx.json(officeRoutingView(office));
  }

  private OfficeRoutingView officeRoutingView(OfficeId office) {
    ConfigureResponsibility.Tables tables = configure().tables();
    OfficeRouting routing = tables.office(office);
    Map<String, String> deputies = new TreeMap<>();
    tables
        .deputies()
        .getOrDefault(office, ImmutableMap.of())
        .forEach((team, deputy) -> deputies.put(team.value(), deputy.value()));
    return new OfficeRoutingView(routing.exclusive(), routing.namePrefixes().ignored(), deputies);
  }

  private void saveDeputy(Context ctx) {
    Authentication.InOffice caller = authentication.adminOfOffice(ctx);
    OfficeId office = knownOffice(caller.office());
    TeamId team = teamId(ctx);
    DeputyData body = JsonBodies.read(ctx, DeputyData.class);
    outcome(
        configure()
            .saveDeputy(
                office, team, Optional.of(ResourceId.of(body.caseworkerId())), caller.actor()));
    ctx.json(officeRoutingView(office));
  }

  private void removeDeputy(Context ctx) {
    Authentication.InOffice caller = authentication.adminOfOffice(ctx);
    OfficeId office = knownOffice(caller.office());
    outcome(configure().saveDeputy(office, teamId(ctx), Optional.empty(), caller.actor()));
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

  static void outcome(ConfigureResponsibility.Outcome outcome) {
    if (outcome instanceof Refused refused) {
      throw ErrorMapping.problem(refused);
    }
  }
}
