package org.opentermin.http.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opentermin.http.ApiDocClient.expect;
import static org.opentermin.http.ApiDocClient.expectProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
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
 * Privacy through the API over the in-memory adapters: minimal data and the note on confirmation,
 * the citizen's download and early erasure with the manage token, what staff see of an erased
 * booking, and the retention period for administrators. Every answer is also checked against {@code
 * /openapi.json}. The clock starts at Monday 2026-11-30, 09:00 in Berlin.
 */
class PrivacyRoutesTest {

  private static final String AUTHORIZATION = "Authorization";
  private static final String TOKEN = "X-Manage-Token";
  private static final String RETENTION = "/api/v1/admin/offices/sbh-mitte/retention";
  private static final String NOTE = "Ich brauche eine Dolmetscherin für Arabisch.";
  private static final Instant MONDAY_NINE_IN_BERLIN = Instant.parse("2026-11-30T08:00:00Z");

  private final AtomicReference<Instant> now = new AtomicReference<>(MONDAY_NINE_IN_BERLIN);
  private HttpApi api;
  private ApiDocClient docs;
  private AccessTokens tokens;
  private String admin;
  private String staff;

  /** A clock the tests move; any zone shows the same instant. */
  private final class MovingClock extends Clock {
    private final ZoneId zone;

    MovingClock(ZoneId zone) {
      this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
      return new MovingClock(other);
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  }

  @BeforeEach
  void startWithOneOffice() {
    InMemoryUseCases memory = new InMemoryUseCases(new MovingClock(ZoneOffset.UTC));
    tokens = memory.tokens;
    api = HttpApi.create(memory.useCases()).start(0);
    docs = ApiDocClient.forServerAt(api.port());
    admin = "Bearer " + tokens.issue(AccessRole.ADMIN, List.of()).token();
    staff = "Bearer " + tokens.issue(AccessRole.STAFF, List.of(OfficeId.of("sbh-mitte"))).token();
    for (String office : List.of("sbh-mitte", "sbh-nord")) {
      expect(
          201,
          docs.post(
              "/api/v1/admin/offices",
              """
              {"id": "%s", "name": "Sozialbürgerhaus", "timeZone": "Europe/Berlin", "state": "BY", "slotMinutes": 15,
               "maxDaysAhead": 90, "address": "Meindlstraße 14, 81373 München"}\
              """
                  .formatted(office),
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
    expect(
        201,
        docs.post(
            "/api/v1/admin/offices/sbh-mitte/resources",
            """
            {"id": "anna", "name": "Anna", "kind": "CASEWORKER", "serviceIds": ["beratung"]}\
            """,
            AUTHORIZATION,
            admin));
    expect(
        200,
        docs.put(
            "/api/v1/admin/offices/sbh-mitte/resources/anna/schedule",
            """
            {"rules": [{"days": ["MON", "TUE", "WED", "THU", "FRI"], "from": "08:00", "to": "16:00"}]}\
            """,
            AUTHORIZATION,
            admin));
  }

  @AfterEach
  void stop() {
    api.stop();
    assertThat(docs.violations()).as("answers that do not fit openapi.json").isEmpty();
  }

  private record Booked(String reference, String token) {}

  private String hold(String start, String channel, String... headers) {
    ApiDocClient.Answer held =
        docs.post(
            "/api/v1/holds",
            """
            {"officeId": "sbh-mitte", "services": [{"serviceId": "beratung", "persons": 1}], "start": "%s", "channel": "%s"}\
            """
                .formatted(start, channel),
            headers);
    expect(201, held);
    return held.text("holdId");
  }

  private Booked book(String start) {
    ApiDocClient.Answer booked =
        docs.post(
            "/api/v1/bookings",
            """
            {"holdId": "%s", "citizen": {"name": "Erika Mustermann", "email": "erika@example.org", "note": "%s"},
             "idempotencyKey": "erika-0123456789abcdef"}\
            """
                .formatted(hold(start, "ONLINE"), NOTE));
    expect(201, booked);
    return new Booked(booked.text("reference"), booked.text("manageToken"));
  }

  @Test
  void theCitizenDownloadsEverythingStoredAboutTheirBookingNoteIncluded() {
    Booked booked = book("2026-12-01T10:00:00+01:00");

    ApiDocClient.Answer data =
        docs.get("/api/v1/bookings/" + booked.reference() + "/data", TOKEN, booked.token());

    expect(200, data);
    JsonNode json = data.json();
    assertThat(json.get("reference").asText()).isEqualTo(booked.reference());
    assertThat(json.at("/citizen/name").asText()).isEqualTo("Erika Mustermann");
    assertThat(json.at("/citizen/note").asText()).isEqualTo(NOTE);
    assertThat(json.at("/office/address").asText()).isEqualTo("Meindlstraße 14, 81373 München");
    assertThat(json.at("/services/0/name").asText()).isEqualTo("Beratung");
    assertThat(json.at("/history/0/by").asText()).isEqualTo("CITIZEN");
    assertThat(json.at("/history/0/to").asText()).isEqualTo("CONFIRMED");
    assertThat(json.at("/pseudonyms/manageTokenHash").asBoolean()).isTrue();
    assertThat(json.at("/pseudonyms/idempotencyKey").asBoolean()).isTrue();
    assertThat(json.at("/pseudonyms/clientAddressKey").asBoolean()).isFalse();
    assertThat(json.at("/retention/days").asInt()).isEqualTo(30);
    assertThat(json.at("/retention/erasureDue").asText()).isEqualTo("2026-12-31T09:30:00Z");
    assertThat(
            docs.get("/api/v1/bookings/" + booked.reference(), TOKEN, booked.token())
                .json()
                .at("/citizen/note")
                .asText())
        .as("the citizen sees their own note")
        .isEqualTo(NOTE);
  }

  @Test
  void theDownloadComesAsAFileToKeep() throws Exception {
    Booked booked = book("2026-12-01T10:00:00+01:00");

    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://127.0.0.1:"
                                + api.port()
                                + "/api/v1/bookings/"
                                + booked.reference()
                                + "/data"))
                    .header(TOKEN, booked.token())
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(response.headers().firstValue("Content-Disposition"))
        .contains("attachment; filename=\"opentermin-" + booked.reference() + ".json\"");
    assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
  }

  @Test
  void aWrongOrMissingTokenLooksExactlyLikeAnUnknownReference() {
    Booked booked = book("2026-12-01T10:00:00+01:00");

    for (String method : List.of("GET", "DELETE")) {
      String suffix = method.equals("GET") ? "/data" : "";
      ApiDocClient.Answer unknown =
          docs.send(method, "/api/v1/bookings/ZZZZ2222" + suffix, null, TOKEN, booked.token());
      ApiDocClient.Answer wrong =
          docs.send(
              method, "/api/v1/bookings/" + booked.reference() + suffix, null, TOKEN, "guessed");
      ApiDocClient.Answer missing =
          docs.send(method, "/api/v1/bookings/" + booked.reference() + suffix, null);
      for (ApiDocClient.Answer answer : List.of(unknown, wrong, missing)) {
        expect(404, answer);
        assertThat(answer.body()).as(method).isEqualTo(unknown.body());
      }
    }
    expect(200, docs.get("/api/v1/bookings/" + booked.reference(), TOKEN, booked.token()));
  }

  @Test
  void erasingAnUpcomingBookingCancelsItAndLeavesTheTokenNothing() {
    Booked booked = book("2026-12-01T10:00:00+01:00");
    String path = "/api/v1/bookings/" + booked.reference();

    ApiDocClient.Answer erased = docs.send("DELETE", path, null, TOKEN, booked.token());

    expect(200, erased);
    assertThat(erased.text("reference")).isEqualTo(booked.reference());
    assertThat(erased.text("status")).isEqualTo("CANCELLED");
    assertThat(erased.text("erasedAt")).isEqualTo("2026-11-30T08:00:00Z");
    expect(404, docs.get(path, TOKEN, booked.token()));
    expect(404, docs.get(path + "/data", TOKEN, booked.token()));
    expect(404, docs.get(path + "/calendar.ics?token=" + booked.token()));
    expect(404, docs.send("DELETE", path, null, TOKEN, booked.token()));
    hold("2026-12-01T10:00:00+01:00", "ONLINE");
    JsonNode day =
        docs.get("/api/v1/staff/offices/sbh-mitte/bookings?date=2026-12-01", AUTHORIZATION, staff)
            .json()
            .at("/bookings/0");
    assertThat(day.get("status").asText()).isEqualTo("CANCELLED");
    assertThat(day.get("erasedAt").asText()).isEqualTo("2026-11-30T08:00:00Z");
    assertThat(day.has("reference")).isFalse();
    assertThat(day.has("citizen")).isFalse();
  }

  @Test
  void aPastBookingIsErasedKeepingItsStatusButNotWhileItIsUnderWay() {
    Booked booked = book("2026-11-30T10:00:00+01:00");
    String path = "/api/v1/bookings/" + booked.reference();
    now.set(Instant.parse("2026-11-30T09:10:00Z"));

    ApiDocClient.Answer underWay = docs.send("DELETE", path, null, TOKEN, booked.token());
    expectProblem(409, "too-early", underWay);
    expect(200, docs.get(path, TOKEN, booked.token()));

    now.set(Instant.parse("2026-11-30T09:30:00Z"));
    ApiDocClient.Answer erased = docs.send("DELETE", path, null, TOKEN, booked.token());
    expect(200, erased);
    assertThat(erased.text("status")).isEqualTo("CONFIRMED");
  }

  @Test
  void aCitizenGivesAWayToBeReachedStaffMayBookByNameAlone() {
    ApiDocClient.Answer nameOnly =
        docs.post(
            "/api/v1/bookings",
            """
            {"holdId": "%s", "citizen": {"name": "Erika Mustermann"}}\
            """
                .formatted(hold("2026-12-01T10:00:00+01:00", "ONLINE")));
    expectProblem(422, "validation-failed", nameOnly);
    assertThat(nameOnly.text("detail")).contains("email address or a phone number");

    ApiDocClient.Answer byPhone =
        docs.post(
            "/api/v1/bookings",
            """
            {"holdId": "%s", "citizen": {"name": "Max Mustermann"}}\
            """
                .formatted(hold("2026-12-01T11:00:00+01:00", "PHONE", AUTHORIZATION, staff)),
            AUTHORIZATION,
            staff);
    expect(201, byPhone);
  }

  @Test
  void aNoteIsAtMostFiveHundredCharactersAndABlankOneIsNone() {
    ApiDocClient.Answer tooLong =
        docs.post(
            "/api/v1/bookings",
            """
            {"holdId": "%s", "citizen": {"name": "Erika", "email": "erika@example.org", "note": "%s"}}\
            """
                .formatted(hold("2026-12-01T10:00:00+01:00", "ONLINE"), "n".repeat(501)));
    expectProblem(422, "validation-failed", tooLong);
    assertThat(tooLong.body()).contains("citizen.note").doesNotContain("nnnnn");

    ApiDocClient.Answer blank =
        docs.post(
            "/api/v1/bookings",
            """
            {"holdId": "%s", "citizen": {"name": "Erika", "email": "erika@example.org", "note": "   "}}\
            """
                .formatted(hold("2026-12-01T10:30:00+01:00", "ONLINE")));
    expect(201, blank);
    assertThat(blank.json().get("citizen").has("note")).isFalse();
  }

  @Test
  void theWaitingListTakesNoNote() {
    ApiDocClient.Answer refused =
        docs.post(
            "/api/v1/waiting-list",
            """
            {"officeId": "sbh-mitte", "services": [{"serviceId": "beratung", "persons": 1}], "from": "2026-12-01",
             "to": "2026-12-04", "citizen": {"name": "Erika", "email": "erika@example.org", "note": "%s"}}\
            """
                .formatted(NOTE));

    expectProblem(400, "invalid-request", refused);
  }

  @Test
  void adminsAndTheOfficesOwnAdminSetTheRetentionPeriod() {
    String officeAdmin =
        "Bearer "
            + tokens.issue(AccessRole.OFFICE_ADMIN, List.of(OfficeId.of("sbh-mitte"))).token();
    String otherAdmin =
        "Bearer " + tokens.issue(AccessRole.OFFICE_ADMIN, List.of(OfficeId.of("sbh-nord"))).token();

    ApiDocClient.Answer initial = docs.get(RETENTION, AUTHORIZATION, officeAdmin);
    expect(200, initial);
    assertThat(initial.json().get("retentionDays").asInt()).isEqualTo(30);
    ApiDocClient.Answer saved =
        docs.put(RETENTION, "{\"retentionDays\": 90}", AUTHORIZATION, officeAdmin);
    expect(200, saved);
    assertThat(saved.json().get("retentionDays").asInt()).isEqualTo(90);
    assertThat(docs.get(RETENTION, AUTHORIZATION, admin).json().get("retentionDays").asInt())
        .isEqualTo(90);
    assertThat(
            docs.get("/api/v1/admin/offices/sbh-nord/retention", AUTHORIZATION, admin)
                .json()
                .get("retentionDays")
                .asInt())
        .isEqualTo(30);

    expectProblem(
        422,
        "validation-failed",
        docs.put(RETENTION, "{\"retentionDays\": 0}", AUTHORIZATION, admin));
    expectProblem(
        422,
        "validation-failed",
        docs.put(RETENTION, "{\"retentionDays\": 3651}", AUTHORIZATION, admin));
    expectProblem(422, "validation-failed", docs.put(RETENTION, "{}", AUTHORIZATION, admin));
    expectProblem(
        400,
        "invalid-request",
        docs.put(RETENTION, "{\"retentionDays\": \"ninety\"}", AUTHORIZATION, admin));
    expectProblem(401, "unauthorized", docs.put(RETENTION, "{\"retentionDays\": 7}"));
    expectProblem(
        403, "forbidden", docs.put(RETENTION, "{\"retentionDays\": 7}", AUTHORIZATION, staff));
    expectProblem(403, "forbidden", docs.get(RETENTION, AUTHORIZATION, otherAdmin));
    expectProblem(
        404,
        "not-found",
        docs.get("/api/v1/admin/offices/sbh-sued/retention", AUTHORIZATION, admin));
    assertThat(docs.get(RETENTION, AUTHORIZATION, admin).json().get("retentionDays").asInt())
        .as("unchanged")
        .isEqualTo(90);
  }
}
