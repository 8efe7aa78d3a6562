package org.opentermin.http.routing;

import com.google.common.collect.ImmutableList;
import io.javalin.http.Context;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.opentermin.core.booking.Actor;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.catalog.ResourceId;
import org.opentermin.core.catalog.ServiceId;
import org.opentermin.core.catalog.TeamId;
import org.opentermin.core.routing.AddressRule;
import org.opentermin.core.routing.CaseAssignment;
import org.opentermin.core.routing.CaseNumber;
import org.opentermin.core.routing.Responsible;
import org.opentermin.core.routing.StreetName;
import org.opentermin.core.routing.TeamRule;
import org.opentermin.http.HttpApi;
import org.opentermin.http.common.Authentication;
import org.opentermin.http.common.CommonRequests;
import org.opentermin.http.common.DomainInput;
import org.opentermin.http.common.JsonBodies;
import org.opentermin.http.common.OfficeCache;
import org.opentermin.http.problem.ApiProblem;
import org.opentermin.ports.in.ConfigureResponsibility;
import org.opentermin.ports.in.ConfigureResponsibility.CaseEntry;
import org.opentermin.ports.in.ConfigureResponsibility.ImportResult;

/**
 * The routing tables administrators import as CSV files ({@link RoutingCsv}): address rules, an
 * office's team rules and its cases, each readable back; staff assign and remove single cases.
 * {@link RoutingRoutes} registers these handlers.
 */
final class RoutingImports {

  private final ConfigureResponsibility configureResponsibility;
  private final Authentication authentication;
  private final OfficeCache offices;

  RoutingImports(
      ConfigureResponsibility configureResponsibility,
      Authentication authentication,
      OfficeCache offices) {
    this.configureResponsibility = configureResponsibility;
    this.authentication = authentication;
    this.offices = offices;
  }

  record AddressRuleView(
      String label,
      String postalCode,
      String street,
      Integer houseFrom,
      Integer houseTo,
      String parity,
      String officeId) {
    static AddressRuleView of(AddressRule rule) {
      return new AddressRuleView(
          rule.label(),
          rule.postalCode().value(),
          rule.street().map(StreetName::key).orElse(null),
          rule.houseNumbers().map(range -> range.from()).orElse(null),
          rule.houseNumbers().map(range -> range.to()).orElse(null),
          rule.houseNumbers().map(range -> range.parity().name()).orElse(null),
          rule.office().value());
    }
  }

  record TeamRuleView(
      String label, String initials, String serviceId, String teamId, String caseworkerId) {
    static TeamRuleView of(TeamRule rule) {
      Responsible responsible = rule.responsible();
      return new TeamRuleView(
          rule.label(),
          rule.initials().toString(),
          rule.service().map(ServiceId::value).orElse(null),
          responsible instanceof Responsible.Team team ? team.team().value() : null,
          responsible instanceof Responsible.Caseworker caseworker
              ? caseworker.caseworker().value()
              : null);
    }
  }

  record ImportView(int entries, List<RoutingRoutes.ProblemView> problems) {}

  record CaseData(
      @NotBlank @Size(max = 64) String caseNumber,
      @Pattern(regexp = CommonRequests.ID, message = CommonRequests.ID_MESSAGE) String caseworkerId,
      @Pattern(regexp = CommonRequests.ID, message = CommonRequests.ID_MESSAGE) String teamId) {}

  record CaseView(String caseNumber, String caseworkerId, String teamId) {
    static CaseView of(CaseAssignment assignment) {
      return new CaseView(
          assignment.caseNumber().value(),
          assignment.caseworker().value(),
          assignment.team().value());
    }
  }

  void addressRules(Context ctx) {
    authentication.admin(ctx);
    ctx.json(
        configureResponsibility.tables().addressRules().stream().map(AddressRuleView::of).toList());
  }

  void importAddressRules(Context ctx) {
    Actor admin = Authentication.actor(authentication.admin(ctx));
    RoutingCsv.Parsed<AddressRule> parsed = RoutingCsv.addressRules(csvBody(ctx));
    answer(
        ctx,
        parsed.errors().isEmpty()
            ? configureResponsibility.replaceAddressRules(parsed.entries(), admin)
            : rejected(parsed, configureResponsibility.checkAddressRules(parsed.entries())));
  }

  void teamRules(Context ctx) {
    OfficeId office = knownOffice(authentication.officeForAdmin(ctx));
    ctx.json(
        configureResponsibility.tables().teamRules().stream()
            .filter(rule -> rule.office().equals(office))
            .map(TeamRuleView::of)
            .toList());
  }

  void importTeamRules(Context ctx) {
    Authentication.InOffice caller = authentication.adminOfOffice(ctx);
    OfficeId office = knownOffice(caller.office());
    RoutingCsv.Parsed<TeamRule> parsed = RoutingCsv.teamRules(office, csvBody(ctx));
    answer(
        ctx,
        parsed.errors().isEmpty()
            ? configureResponsibility.replaceTeamRules(office, parsed.entries(), caller.actor())
            : rejected(parsed, configureResponsibility.checkTeamRules(office, parsed.entries())));
  }

  void cases(Context ctx) {
    OfficeId office = knownOffice(authentication.officeForAdmin(ctx));
    ctx.json(configureResponsibility.caseAssignments(office).stream().map(CaseView::of).toList());
  }

  void importCases(Context ctx) {
    Authentication.InOffice caller = authentication.adminOfOffice(ctx);
    OfficeId office = knownOffice(caller.office());
    RoutingCsv.Parsed<CaseEntry> parsed = RoutingCsv.cases(csvBody(ctx));
    answer(
        ctx,
        parsed.errors().isEmpty()
            ? configureResponsibility.replaceCaseAssignments(
                office, parsed.entries(), caller.actor())
            : rejected(parsed, configureResponsibility.checkCases(office, parsed.entries())));
  }

  /** Staff of the office assign one case (again, to move it). */
  void assignCase(Context ctx) {
    Authentication.InOffice caller = authentication.staffOfOffice(ctx);
    OfficeId office = knownOffice(caller.office());
    CaseData body = JsonBodies.read(ctx, CaseData.class);
    if (body.caseworkerId() == null) {
      throw DomainInput.invalid("caseworkerId", "is required");
    }
    CaseNumber number =
        DomainInput.build("caseNumber", () -> CaseNumber.of(body.caseNumber().strip()));
    RoutingRoutes.outcome(
        configureResponsibility.assignCase(
            office,
            new CaseEntry(
                "request",
                number,
                ResourceId.of(body.caseworkerId()),
                Optional.ofNullable(body.teamId()).map(TeamId::of)),
            caller.actor()));
    JsonBodies.noContent(ctx);
  }

  void removeCase(Context ctx) {
    Authentication.InOffice caller = authentication.staffOfOffice(ctx);
    OfficeId office = knownOffice(caller.office());
    CaseData body = JsonBodies.read(ctx, CaseData.class);
    CaseNumber number =
        DomainInput.build("caseNumber", () -> CaseNumber.of(body.caseNumber().strip()));
    if (!configureResponsibility.removeCase(office, number, caller.actor())) {
      throw ApiProblem.notFound("the office has no such case");
    }
    JsonBodies.noContent(ctx);
  }

  private OfficeId knownOffice(OfficeId office) {
    return offices.office(office).id();
  }

  private static byte[] csvBody(Context ctx) {
    String type = ctx.contentType();
    if (type == null || !type.split(";", 2)[0].trim().equalsIgnoreCase("text/csv")) {
      throw new ApiProblem(415, "unsupported-media-type", "send the rules as text/csv");
    }
    // Read here, after the caller was authenticated, and capped here: the server caps other bodies
    // far lower.
    try (InputStream in = ctx.req().getInputStream()) {
      byte[] body = in.readNBytes(HttpApi.MAXIMUM_IMPORT_BYTES + 1);
      if (body.length > HttpApi.MAXIMUM_IMPORT_BYTES) {
        throw new ApiProblem(
            413,
            "payload-too-large",
            "imported files are limited to "
                + HttpApi.MAXIMUM_IMPORT_BYTES / (1024 * 1024)
                + " MiB");
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
  private static ImportResult rejected(
      RoutingCsv.Parsed<?> parsed, List<ConfigureResponsibility.EntryError> checked) {
    List<ConfigureResponsibility.EntryError> errors = new ArrayList<>(parsed.errors());
    errors.addAll(checked);
    errors.sort(Comparator.comparingLong(error -> RoutingCsv.lineNumber(error.label())));
    return new ConfigureResponsibility.Rejected(
        ImmutableList.copyOf(
            errors.subList(0, Math.min(errors.size(), RoutingCsv.MAXIMUM_ERRORS))));
  }

  /** 200 with what was stored, or 422 naming every bad line. */
  private static void answer(Context ctx, ImportResult result) {
    if (result instanceof ConfigureResponsibility.Rejected rejected) {
      List<ConfigureResponsibility.EntryError> errors = rejected.errors();
      throw new ApiProblem(
          422,
          "validation-failed",
          "the file has "
              + errors.size()
              + (errors.size() >= RoutingCsv.MAXIMUM_ERRORS ? " or more" : "")
              + " bad lines; nothing was changed",
          errors.stream()
              .map(error -> new ApiProblem.FieldError(error.label(), error.message()))
              .toList());
    }
    ConfigureResponsibility.Imported imported = (ConfigureResponsibility.Imported) result;
    ctx.json(
        new ImportView(
            imported.entries(),
            imported.problems().stream().map(RoutingRoutes.ProblemView::of).toList()));
  }
}
