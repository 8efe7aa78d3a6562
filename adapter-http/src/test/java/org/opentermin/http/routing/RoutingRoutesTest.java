package org.opentermin.http.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opentermin.http.ApiDocClient.expect;
import static org.opentermin.http.ApiDocClient.expectProblem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentermin.core.access.AccessRole;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.http.ApiDocClient;
import org.opentermin.http.HttpApi;
import org.opentermin.http.InMemoryUseCases;
import org.opentermin.ports.access.AccessTokens;

/**
 * Responsibility routing through the API over the in-memory adapters: CSV imports with their
 * errors, office settings, cases kept by staff, and citizens routed to the responsible caseworker
 * in availability and holds. Every answer is checked against {@code /openapi.json}. Mitte has Anna
 * (team a) and Ben (team b); Nord has Clara. The clock stands at Monday 2026-11-30, 09:00 in
 * Berlin.
 */
class RoutingRoutesTest {

  private static final String AUTHORIZATION = "Authorization";
  private static final String CONTENT_TYPE = "Content-Type";
  private static final String CSV = "text/csv";
  private static final String ADDRESS_RULES = "/api/v1/admin/routing/address-rules";
  private static final String TEAM_RULES = "/api/v1/admin/offices/sbh-mitte/routing/team-rules";
  private static final String CASES = "/api/v1/admin/offices/sbh-mitte/cases";
  private static final String CITY =
      """
      postal_code;street;house_from;house_to;parity;office_id
      80331;;;;;sbh-mitte
      80335;Dachauer Straße;1;199;odd;sbh-mitte
      80335;Dachauer Straße;2;200;even;sbh-nord
      """;
  private static final String MITTE_TEAMS =
      """
      initials;service_id;team_id;caseworker_id
      A–K;;a;
      L–Z;;;ben
      """;
  private static final String TUESDAY =
      "/api/v1/offices/sbh-mitte/availability?service=beratung&from=2026-12-01&to=2026-12-01";
  private static final String MUELLER = "&postalCode=80331&surname=M%C3%BCller";

  private HttpApi api;
  private ApiDocClient docs;
  private String admin;
  private String mitteAdmin;
  private String mitteStaff;
  private String nordStaff;

  @BeforeEach
  void start() {
    InMemoryUseCases memory =
        new InMemoryUseCases(Clock.fixed(Instant.parse("2026-11-30T08:00:00Z"), ZoneOffset.UTC));
    AccessTokens tokens = memory.tokens;
    api =
        HttpApi.create(
                memory.with(memory.bookings().responsibility(memory.routing).build()).build())
            .start(0);
    docs = ApiDocClient.forServerAt(api.port());
    admin = "Bearer " + tokens.issue(AccessRole.ADMIN, List.of()).token();
    mitteAdmin =
        "Bearer "
            + tokens.issue(AccessRole.OFFICE_ADMIN, List.of(OfficeId.of("sbh-mitte"))).token();
    mitteStaff =
        "Bearer " + tokens.issue(AccessRole.STAFF, List.of(OfficeId.of("sbh-mitte"))).token();
    nordStaff =
        "Bearer " + tokens.issue(AccessRole.STAFF, List.of(OfficeId.of("sbh-nord"))).token();
    for (String office : List.of("sbh-mitte", "sbh-nord")) {
      expect(
          201,
          docs.post(
              "/api/v1/admin/offices",
              """
              {"id": "%s", "name": "Sozialbürgerhaus %s", "timeZone": "Europe/Berlin", "state": "BY", "slotMinutes": 15,
               "maxDaysAhead": 90}\
              """
                  .formatted(office, office),
              AUTHORIZATION,
              admin));
    }
    expect(
        201,
        docs.post(
            "/api/v1/admin/services",
            """
            {"id": "beratung", "name": "Beratung", "durationMinutes": 30, "maxPersons": 1, "channels": ["ONLINE", "PHONE"]}\
            """,
            AUTHORIZATION,
            admin));
    resource("sbh-mitte", "anna", "a");
    resource("sbh-mitte", "ben", "b");
    resource("sbh-nord", "clara", "c");
  }

  @AfterEach
  void stop() {
    api.stop();
    assertThat(docs.violations()).as("answers that do not fit openapi.json").isEmpty();
  }

  @Test
  void anImportedCityRoutesCitizensToTheirOfficeAndTeam() {
    ApiDocClient.Answer imported = csv(ADDRESS_RULES, CITY, admin);
    expect(200, imported);
    assertThat(imported.json().get("entries").asInt()).isEqualTo(3);
    expect(200, csv(TEAM_RULES, MITTE_TEAMS, mitteAdmin));

    ApiDocClient.Answer mueller = resolve("80331", null, null, "Müller");
    ApiDocClient.Answer arnim = resolve("80331", null, null, "Arnim");
    ApiDocClient.Answer evenSide = resolve("80335", "Dachauer Str.", "42", "Arnim");

    expect(200, mueller);
    assertThat(mueller.text("officeId")).isEqualTo("sbh-mitte");
    assertThat(mueller.text("responsible")).isEqualTo("CASEWORKER");
    assertThat(mueller.body()).as("never names a person").doesNotContain("ben");
    assertThat(arnim.text("responsible")).isEqualTo("TEAM");
    assertThat(arnim.text("teamId")).isEqualTo("a");
    assertThat(evenSide.text("officeId")).isEqualTo("sbh-nord");
    assertThat(evenSide.text("responsible")).isEqualTo("OFFICE");
  }

  @Test
  void anAddressNoRuleCoversIsNotCovered() {
    expect(200, csv(ADDRESS_RULES, CITY, admin));

    expectProblem(422, "not-covered", resolve("99999", null, null, "Müller"));
  }

  @Test
  void aFileWithBadLinesNamesEachLineAndChangesNothing() {
    expect(200, csv(ADDRESS_RULES, CITY, admin));

    ApiDocClient.Answer refused =
        csv(
            ADDRESS_RULES,
            """
            postal_code;street;house_from;house_to;parity;office_id
            80333;;;;;sbh-mitte
            8033;;;;;sbh-mitte
            80335;Dachauer Straße;1;;odd;sbh-mitte

            80336;;;;;nowhere
            """,
            admin);

    expectProblem(422, "validation-failed", refused);
    assertThat(refused.json().get("errors").findValuesAsText("field"))
        .containsExactly("line 3", "line 4", "line 6");
    assertThat(refused.json().at("/errors/0/message").asText()).contains("five digits");
    assertThat(docs.get(ADDRESS_RULES, AUTHORIZATION, admin).json()).hasSize(3);
  }

  @Test
  void linesEndingInCarriageReturnsAloneAreCountedToo() {
    ApiDocClient.Answer refused =
        csv(ADDRESS_RULES, "plz;dienststelle\r80331;sbh-mitte\r8033;sbh-mitte\r", admin);

    expectProblem(422, "validation-failed", refused);
    assertThat(refused.json().get("errors").findValuesAsText("field")).containsExactly("line 3");
  }

  @Test
  void aFileLargerThanAnyJsonBodyIsImported() {
    StringBuilder file =
        new StringBuilder("postal_code;street;house_from;house_to;parity;office_id\n");
    for (int street = 0; street < 2_000; street++) {
      file.append("80331;Lange Gasse ").append(street).append(";1;999;odd;sbh-mitte\n");
    }
    assertThat(file.length()).isGreaterThan(HttpApi.MAXIMUM_BODY_BYTES);

    ApiDocClient.Answer imported = csv(ADDRESS_RULES, file.toString(), admin);

    expect(200, imported);
    assertThat(imported.json().get("entries").asInt()).isEqualTo(2_000);
  }

  @Test
  void aBadPostalCodeIsBlamedOnThePostalCode_andANulCharacterIsRefused() {
    ApiDocClient.Answer badCode = resolve("8033", null, null, "Müller");
    ApiDocClient.Answer nul =
        docs.post(
            "/api/v1/responsibility",
            "{\"routing\": {\"postalCode\": \"80331\", \"surname\": \"M\\u0000\"}}");

    expectProblem(422, "validation-failed", badCode);
    assertThat(badCode.json().at("/errors/0/field").asText()).isEqualTo("routing.postalCode");
    expectProblem(400, "invalid-request", nul);
  }

  @Test
  void aHeaderWithUnknownColumnsIsRefused() {
    ApiDocClient.Answer refused =
        csv(ADDRESS_RULES, "plz;ort;dienststelle\n80331;München;sbh-mitte\n", admin);

    expectProblem(422, "validation-failed", refused);
    assertThat(refused.json().at("/errors/0/message").asText()).isEqualTo("unknown column 'ort'");
  }

  @Test
  void aGermanSpreadsheetExportWithWindows1252AndCommasIsRead() {
    byte[] latin =
        "Plz,Strasse,Dienststelle\r\n80335,Dachauer Straße,sbh-mitte\r\n"
            .getBytes(Charset.forName("windows-1252"));

    ApiDocClient.Answer imported = rawCsv(ADDRESS_RULES, latin, admin);

    expect(200, imported);
    assertThat(docs.get(ADDRESS_RULES, AUTHORIZATION, admin).json().at("/0/street").asText())
        .isEqualTo("dachauerstrasse");
  }

  @Test
  void gapsAndOverlapsAreReportedWithTheImport() {
    ApiDocClient.Answer imported = csv(TEAM_RULES, "initials;team_id\nA–K;a\nM–Z;b\n", mitteAdmin);

    expect(200, imported);
    assertThat(imported.json().at("/problems/0/kind").asText()).isEqualTo("INITIALS_GAP");
    assertThat(docs.get("/api/v1/admin/routing/problems", AUTHORIZATION, admin).json()).hasSize(1);
  }

  @Test
  void aTeamRuleNamingNobodyAtTheOfficeIsRefused() {
    ApiDocClient.Answer refused =
        csv(TEAM_RULES, "initials;team_id;caseworker_id\nA–K;c;\nL–Z;;clara\n", mitteAdmin);

    expectProblem(422, "validation-failed", refused);
    assertThat(refused.json().get("errors").findValuesAsText("field"))
        .containsExactly("line 2", "line 3");
  }

  @Test
  void onlyAdminsImportTheCity_andOfficeAdminsOnlyTheirOffice() {
    expectProblem(403, "forbidden", csv(ADDRESS_RULES, CITY, mitteAdmin));
    expectProblem(
        403,
        "forbidden",
        csv("/api/v1/admin/offices/sbh-nord/routing/team-rules", MITTE_TEAMS, mitteAdmin));
    expectProblem(403, "forbidden", csv(TEAM_RULES, MITTE_TEAMS, mitteStaff));
    expectProblem(401, "unauthorized", csv(TEAM_RULES, MITTE_TEAMS, "Bearer nope"));
  }

  @Test
  void anImportMustBeCsv() {
    expectProblem(
        415,
        "unsupported-media-type",
        docs.put(TEAM_RULES, "{\"rules\": []}", AUTHORIZATION, mitteAdmin));
  }

  @Test
  void withRoutingInputsAvailabilityOffersOnlyTheResponsibleCaseworker() {
    expect(200, csv(ADDRESS_RULES, CITY, admin));
    expect(200, csv(TEAM_RULES, MITTE_TEAMS, mitteAdmin));

    ApiDocClient.Answer everyone = docs.get(TUESDAY);
    ApiDocClient.Answer routed = docs.get(TUESDAY + MUELLER);

    expect(200, routed);
    assertThat(everyone.json().at("/days/0/slots/0/capacity").asInt()).isEqualTo(2);
    assertThat(routed.json().at("/days/0/slots/0/capacity").asInt()).isEqualTo(1);
    expectProblem(
        409,
        "not-responsible",
        docs.get(
            "/api/v1/offices/sbh-nord/availability?service=beratung&from=2026-12-01&to=2026-12-01"
                + MUELLER));
    expectProblem(422, "validation-failed", docs.get(TUESDAY + "&postalCode=80331"));
  }

  @Test
  void aRoutedHoldGoesToTheResponsibleCaseworker() {
    expect(200, csv(ADDRESS_RULES, CITY, admin));
    expect(200, csv(TEAM_RULES, MITTE_TEAMS, mitteAdmin));

    ApiDocClient.Answer hold =
        docs.post(
            "/api/v1/holds",
            """
            {"officeId": "sbh-mitte", "services": [{"serviceId": "beratung", "persons": 1}], "start": "2026-12-01T10:00:00+01:00",
             "routing": {"postalCode": "80331", "surname": "Müller"}}\
            """);

    expect(201, hold);
    assertThat(hold.text("holdId")).startsWith("sbh-mitte.");
    expectProblem(
        409,
        "unavailable",
        docs.post(
            "/api/v1/holds",
            """
            {"officeId": "sbh-mitte", "services": [{"serviceId": "beratung", "persons": 1}], "start": "2026-12-01T10:00:00+01:00",
             "routing": {"postalCode": "80331", "surname": "Lehmann"}}\
            """));
    expect(
        201,
        docs.post(
            "/api/v1/holds",
            """
            {"officeId": "sbh-mitte", "services": [{"serviceId": "beratung", "persons": 1}], "start": "2026-12-01T10:00:00+01:00",
             "routing": {"postalCode": "80331", "surname": "Arnim"}}\
            """));
  }

  @Test
  void anExclusiveOfficeNeedsRoutingInputsOnline() {
    expect(200, csv(ADDRESS_RULES, CITY, admin));
    ApiDocClient.Answer settings =
        docs.put(
            "/api/v1/admin/offices/sbh-mitte/routing",
            """
            {"exclusive": true, "commonPrefixes": true}\
            """,
            AUTHORIZATION,
            mitteAdmin);

    expect(200, settings);
    assertThat(settings.json().get("ignoredPrefixes"))
        .isNotEmpty()
        .allSatisfy(prefix -> assertThat(prefix.asText()).isNotBlank());
    assertThat(settings.json().get("ignoredPrefixes").toString()).contains("\"von der\"");
    expectProblem(422, "routing-required", docs.get(TUESDAY));
    expect(200, docs.get(TUESDAY + MUELLER));
  }

  @Test
  void staffKeepTheirOfficesCases_andTheCaseDecides() {
    expect(200, csv(ADDRESS_RULES, CITY, admin));
    expect(200, csv(TEAM_RULES, MITTE_TEAMS, mitteAdmin));

    expect(
        204,
        docs.post(
            "/api/v1/staff/offices/sbh-mitte/cases",
            """
            {"caseNumber": "SBH-7/2026", "caseworkerId": "anna"}\
            """,
            AUTHORIZATION,
            mitteStaff));
    expectProblem(
        403,
        "forbidden",
        docs.post(
            "/api/v1/staff/offices/sbh-mitte/cases",
            """
            {"caseNumber": "SBH-8/2026", "caseworkerId": "anna"}\
            """,
            AUTHORIZATION,
            nordStaff));
    expectProblem(
        422,
        "validation-failed",
        docs.post(
            "/api/v1/staff/offices/sbh-mitte/cases",
            """
            {"caseNumber": "SBH-9/2026", "caseworkerId": "clara"}\
            """,
            AUTHORIZATION,
            mitteStaff));

    ApiDocClient.Answer byCase = resolveWithCase("Müller", "SBH-7/2026");
    assertThat(byCase.json().get("caseRecognised").asBoolean()).isTrue();
    assertThat(byCase.text("responsible")).isEqualTo("CASEWORKER");
    assertThat(docs.get(CASES, AUTHORIZATION, mitteAdmin).json().at("/0/caseworkerId").asText())
        .isEqualTo("anna");

    expect(
        204,
        docs.post(
            "/api/v1/staff/offices/sbh-mitte/cases/remove",
            "{\"caseNumber\": \"SBH-7/2026\"}",
            AUTHORIZATION,
            mitteStaff));
    expectProblem(
        404,
        "not-found",
        docs.post(
            "/api/v1/staff/offices/sbh-mitte/cases/remove",
            "{\"caseNumber\": \"SBH-7/2026\"}",
            AUTHORIZATION,
            mitteStaff));
    assertThat(resolveWithCase("Müller", "SBH-7/2026").json().get("caseRecognised").asBoolean())
        .isFalse();
    ApiDocClient.Answer audit =
        docs.get("/api/v1/admin/offices/sbh-mitte/audit", AUTHORIZATION, mitteAdmin);
    assertThat(audit.json().get("entries").findValuesAsText("detail"))
        .contains("a case assigned to anna of team a", "a case removed")
        .noneMatch(detail -> detail.contains("SBH-7/2026"));
  }

  @Test
  void casesAreImportedAsCsv_andADeputyIsNamed() {
    expect(200, csv(ADDRESS_RULES, CITY, admin));
    ApiDocClient.Answer imported =
        csv(CASES, "aktenzeichen;sachbearbeitung\nSBH-1;anna\nSBH-2;ben\n", mitteAdmin);
    ApiDocClient.Answer deputy =
        docs.put(
            "/api/v1/admin/offices/sbh-mitte/teams/a/deputy",
            "{\"caseworkerId\": \"ben\"}",
            AUTHORIZATION,
            mitteAdmin);

    expect(200, imported);
    assertThat(imported.json().get("entries").asInt()).isEqualTo(2);
    expect(200, deputy);
    assertThat(deputy.json().at("/deputies/a").asText()).isEqualTo("ben");
    expectProblem(
        422,
        "validation-failed",
        docs.put(
            "/api/v1/admin/offices/sbh-mitte/teams/a/deputy",
            "{\"caseworkerId\": \"clara\"}",
            AUTHORIZATION,
            mitteAdmin));
    expect(
        204,
        docs.send(
            "DELETE",
            "/api/v1/admin/offices/sbh-mitte/teams/a/deputy",
            null,
            AUTHORIZATION,
            mitteAdmin));
    assertThat(
            docs.get("/api/v1/admin/offices/sbh-mitte/routing", AUTHORIZATION, mitteAdmin)
                .json()
                .get("deputies")
                .size())
        .isZero();
  }

  private ApiDocClient.Answer resolve(
      String postalCode, String street, String houseNumber, String surname) {
    return docs.post(
        "/api/v1/responsibility",
        """
        {"routing": {"postalCode": "%s", "street": %s, "houseNumber": %s, "surname": "%s"}}\
        """
            .formatted(postalCode, quoted(street), quoted(houseNumber), surname));
  }

  private ApiDocClient.Answer resolveWithCase(String surname, String caseNumber) {
    ApiDocClient.Answer answer =
        docs.post(
            "/api/v1/responsibility",
            """
            {"routing": {"postalCode": "80331", "surname": "%s", "caseNumber": "%s"}}\
            """
                .formatted(surname, caseNumber));
    expect(200, answer);
    return answer;
  }

  private static String quoted(String value) {
    return value == null ? "null" : "\"" + value + "\"";
  }

  private ApiDocClient.Answer csv(String path, String body, String authorization) {
    return docs.put(path, body, AUTHORIZATION, authorization, CONTENT_TYPE, CSV);
  }

  /**
   * A file in an encoding other than UTF-8, sent as bytes; only the answer is checked against the
   * document.
   */
  private ApiDocClient.Answer rawCsv(String path, byte[] body, String authorization) {
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path))
                      .header(AUTHORIZATION, authorization)
                      .header(CONTENT_TYPE, CSV + "; charset=windows-1252")
                      .PUT(HttpRequest.BodyPublishers.ofByteArray(body))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      return new ApiDocClient.Answer(response.statusCode(), response.body());
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(interrupted);
    }
  }

  private void resource(String office, String id, String team) {
    expect(
        201,
        docs.post(
            "/api/v1/admin/offices/" + office + "/resources",
            """
            {"id": "%s", "name": "%s", "kind": "CASEWORKER", "serviceIds": ["beratung"], "team": "%s"}\
            """
                .formatted(id, id, team),
            AUTHORIZATION,
            admin));
    expect(
        200,
        docs.put(
            "/api/v1/admin/offices/" + office + "/resources/" + id + "/schedule",
            """
            {"rules": [{"days": ["MON", "TUE", "WED", "THU", "FRI"], "from": "08:00", "to": "16:00"}]}\
            """,
            AUTHORIZATION,
            admin));
  }
}
