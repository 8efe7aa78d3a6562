package org.opentermin.http.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opentermin.http.ApiDocClient.expect;
import static org.opentermin.http.ApiDocClient.expectProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
import org.opentermin.ports.booking.BookingServices;
import org.opentermin.ports.out.RandomSource;
import org.opentermin.ports.video.GeneratedVideoRooms;

/**
 * Appointment modes through the API over the in-memory adapters: services with modes, availability
 * and holds in a mode, phone bookings that need a number, video bookings with their link for the
 * citizen and the staff, calendar files per mode, and the refusals as problem types. Every answer
 * is also checked against {@code /openapi.json}. The clock stands at Monday 2026-11-30, 09:00 in
 * Berlin.
 */
class AppointmentModeRoutesTest {

  private static final String AUTHORIZATION = "Authorization";
  private static final String TUESDAY = "2026-12-01";
  private static final String VIDEO_LINK = "https://video\\.example\\.org/rooms/[a-z2-7]{26}";

  private HttpApi api;
  private ApiDocClient docs;
  private String admin;
  private String staff;

  @BeforeEach
  void startWithAnOfficeOfferingPhoneAndVideo() {
    InMemoryUseCases memory =
        new InMemoryUseCases(Clock.fixed(Instant.parse("2026-11-30T08:00:00Z"), ZoneOffset.UTC));
    AccessTokens tokens = memory.tokens;
    BookingServices bookings =
        memory
            .bookings()
            .videoRoom(
                new GeneratedVideoRooms(
                    URI.create("https://video.example.org/rooms"), RandomSource.seeded(5)))
            .build();
    api = HttpApi.create(memory.with(bookings).build()).start(0);
    docs = ApiDocClient.forServerAt(api.port());
    admin = "Bearer " + tokens.issue(AccessRole.ADMIN, List.of()).token();
    staff = "Bearer " + tokens.issue(AccessRole.STAFF, List.of(OfficeId.of("sbh-mitte"))).token();
    expect(
        201,
        docs.post(
            "/api/v1/admin/offices",
            """
            {"id": "sbh-mitte", "name": "Sozialbürgerhaus Mitte", "timeZone": "Europe/Berlin", "state": "BY", "slotMinutes": 15,
             "maxDaysAhead": 90, "address": "Meindlstraße 14, 81373 München"}\
            """,
            AUTHORIZATION,
            admin));
    expect(
        201,
        docs.post(
            "/api/v1/admin/services",
            """
            {"id": "wohngeld", "name": "Wohngeld", "durationMinutes": 30, "maxPersons": 2, "channels": ["ONLINE", "PHONE"],
             "modes": [{"mode": "IN_PERSON"}, {"mode": "PHONE", "durationMinutes": 15},
                       {"mode": "VIDEO", "resources": [{"officeId": "sbh-mitte", "resourceId": "berta"}]}]}\
            """,
            AUTHORIZATION,
            admin));
    expect(
        201,
        docs.post(
            "/api/v1/admin/services",
            """
            {"id": "schulden", "name": "Schuldnerberatung", "durationMinutes": 60, "maxPersons": 1, "channels": ["ONLINE"],
             "sensitive": true, "modes": [{"mode": "IN_PERSON"}, {"mode": "PHONE", "durationMinutes": 30}]}\
            """,
            AUTHORIZATION,
            admin));
    resource("anna", "\"wohngeld\", \"schulden\"");
    resource("berta", "\"wohngeld\"");
  }

  @AfterEach
  void stop() {
    api.stop();
    assertThat(docs.violations()).as("answers that do not fit openapi.json").isEmpty();
  }

  @Test
  void servicesShowTheirModesWithTheDurationOfEach() {
    ApiDocClient.Answer services = docs.get("/api/v1/services");

    expect(200, services);
    JsonNode housing = services.json().get(1);
    assertThat(housing.get("id").asText()).isEqualTo("wohngeld");
    assertThat(housing.get("modes").toString())
        .isEqualTo(
            "[{\"mode\":\"IN_PERSON\",\"durationMinutes\":30},{\"mode\":\"PHONE\",\"durationMinutes\":15},"
                + "{\"mode\":\"VIDEO\",\"durationMinutes\":30}]");
    assertThat(services.body()).as("who does video is not public").doesNotContain("berta");
  }

  @Test
  void phoneAvailabilityHasThePhoneDurationAndVideoOnlyTheCaseworkerWhoDoesVideo() {
    ApiDocClient.Answer inPerson = availability("wohngeld", "");
    ApiDocClient.Answer byPhone = availability("wohngeld", "&mode=PHONE");
    ApiDocClient.Answer byVideo = availability("wohngeld", "&mode=VIDEO");

    expect(200, inPerson);
    assertThat(inPerson.text("mode")).isEqualTo("IN_PERSON");
    assertThat(inPerson.json().get("durationMinutes").asInt()).isEqualTo(30);
    assertThat(inPerson.json().at("/days/0/slots/0/capacity").asInt()).isEqualTo(2);
    expect(200, byPhone);
    assertThat(byPhone.text("mode")).isEqualTo("PHONE");
    assertThat(byPhone.json().get("durationMinutes").asInt()).isEqualTo(15);
    assertThat(byPhone.json().at("/days/0/slots").size())
        .isGreaterThan(inPerson.json().at("/days/0/slots").size());
    expect(200, byVideo);
    assertThat(byVideo.json().at("/days/0/slots").findValuesAsText("capacity")).containsOnly("1");
    ApiDocClient.Answer first =
        docs.get("/api/v1/offices/sbh-mitte/availability/first?service=wohngeld&mode=VIDEO");
    expect(200, first);
  }

  @Test
  void anUnknownModeIsAMalformedRequestAndAModeTheServiceLacksIsRefused() {
    ApiDocClient.Answer unknown = availability("wohngeld", "&mode=FAX");
    expectProblem(400, "invalid-request", unknown);
    assertThat(unknown.json().at("/errors/0/field").asText()).isEqualTo("mode");
    expectProblem(
        400,
        "invalid-request",
        docs.post("/api/v1/holds", hold("wohngeld", "2026-12-01T10:00:00+01:00", "FAX")));

    ApiDocClient.Answer noVideo = availability("schulden", "&mode=VIDEO");
    expectProblem(422, "mode-not-offered", noVideo);
    assertThat(noVideo.text("detail"))
        .as("a sensitive service is not named")
        .contains("VIDEO")
        .doesNotContain("schulden");
    expectProblem(
        422,
        "mode-not-offered",
        docs.get("/api/v1/offices/sbh-mitte/availability/first?service=schulden&mode=VIDEO"));
    expectProblem(
        422,
        "mode-not-offered",
        docs.post("/api/v1/holds", hold("schulden", "2026-12-01T10:00:00+01:00", "VIDEO")));
  }

  @Test
  void aPhoneBookingNeedsThePhoneNumberToCallBack() {
    ApiDocClient.Answer held =
        docs.post("/api/v1/holds", hold("wohngeld", "2026-12-01T10:00:00+01:00", "PHONE"));
    expect(201, held);
    assertThat(held.text("mode")).isEqualTo("PHONE");
    assertThat(held.text("end")).isEqualTo("2026-12-01T10:15:00+01:00");

    ApiDocClient.Answer withoutNumber =
        confirm(held, "{\"name\": \"Erika Mustermann\", \"email\": \"erika@example.org\"}");
    expectProblem(422, "phone-required", withoutNumber);
    assertThat(withoutNumber.json().at("/errors/0/field").asText()).isEqualTo("citizen.phone");
    ApiDocClient.Answer booked =
        confirm(held, "{\"name\": \"Erika Mustermann\", \"phone\": \"+49 89 1234567\"}");

    expect(201, booked);
    assertThat(booked.text("mode")).isEqualTo("PHONE");
    assertThat(booked.json().has("videoLink")).isFalse();
  }

  @Test
  void aVideoBookingHasItsLinkForTheCitizenAndTheStaffButNotInItsText() {
    ApiDocClient.Answer booked = book("wohngeld", "2026-12-01T10:00:00+01:00", "VIDEO");

    String link = booked.text("videoLink");
    assertThat(link).matches(VIDEO_LINK);
    assertThat(link).doesNotContain("Erika", "wohngeld", "Wohngeld", "sbh");
    String reference = booked.text("reference");
    ApiDocClient.Answer seen =
        docs.get("/api/v1/bookings/" + reference, "X-Manage-Token", booked.text("manageToken"));
    expect(200, seen);
    assertThat(seen.text("mode")).isEqualTo("VIDEO");
    assertThat(seen.text("videoLink")).isEqualTo(link);
    ApiDocClient.Answer day =
        docs.get("/api/v1/staff/offices/sbh-mitte/bookings?date=" + TUESDAY, AUTHORIZATION, staff);
    expect(200, day);
    assertThat(day.json().at("/bookings/0/mode").asText()).isEqualTo("VIDEO");
    assertThat(day.json().at("/bookings/0/videoLink").asText()).isEqualTo(link);
    assertThat(day.json().at("/bookings/0/resourceId").asText()).isEqualTo("berta");
  }

  @Test
  void theCalendarFileOfAVideoAppointmentCarriesItsLinkInsteadOfTheAddress() {
    ApiDocClient.Answer booked = book("wohngeld", "2026-12-01T10:00:00+01:00", "VIDEO");

    String calendar = unfolded(calendar(booked, "en"));

    assertThat(calendar).contains("SUMMARY:Video appointment with Sozialbürgerhaus Mitte");
    assertThat(calendar)
        .contains("LOCATION:" + booked.text("videoLink"), "URL:" + booked.text("videoLink"));
    assertThat(calendar).doesNotContain("Meindlstraße");
  }

  @Test
  void theCalendarFileOfAPhoneAppointmentSaysWeCallButNeitherTheNumberNorTheSensitiveService() {
    ApiDocClient.Answer booked = book("schulden", "2026-12-01T10:00:00+01:00", "PHONE");

    String english = unfolded(calendar(booked, "en"));
    String german = unfolded(calendar(booked, "de"));

    assertThat(english)
        .contains(
            "SUMMARY:Phone appointment with Sozialbürgerhaus Mitte",
            "We will call you at the booked time");
    assertThat(german)
        .contains(
            "SUMMARY:Telefontermin: Sozialbürgerhaus Mitte", "Wir rufen Sie zur gebuchten Zeit");
    for (String calendar : List.of(english, german)) {
      assertThat(calendar)
          .doesNotContain("\nLOCATION", "\nURL", "1234567", "Schuldner", "schulden", "Erika");
    }
  }

  @Test
  void aMovedVideoBookingKeepsItsLinkAndMovesOnlyToAVideoHold() {
    ApiDocClient.Answer booked = book("wohngeld", "2026-12-01T10:00:00+01:00", "VIDEO");
    String[] citizen = {"X-Manage-Token", booked.text("manageToken")};
    String move = "/api/v1/bookings/" + booked.text("reference") + "/reschedule";
    ApiDocClient.Answer inPersonHold =
        docs.post("/api/v1/holds", hold("wohngeld", "2026-12-01T11:00:00+01:00", "IN_PERSON"));
    ApiDocClient.Answer videoHold =
        docs.post("/api/v1/holds", hold("wohngeld", "2026-12-01T12:00:00+01:00", "VIDEO"));

    ApiDocClient.Answer refused =
        docs.post(move, "{\"holdId\": \"" + inPersonHold.text("holdId") + "\"}", citizen);
    ApiDocClient.Answer moved =
        docs.post(move, "{\"holdId\": \"" + videoHold.text("holdId") + "\"}", citizen);

    expectProblem(422, "mode-mismatch", refused);
    expect(200, moved);
    assertThat(moved.text("start")).isEqualTo("2026-12-01T12:00:00+01:00");
    assertThat(moved.text("mode")).isEqualTo("VIDEO");
    assertThat(moved.text("videoLink")).isEqualTo(booked.text("videoLink"));
  }

  @Test
  void adminsCannotNameAModeTwiceOrResourcesOfAnUnknownOffice() {
    ApiDocClient.Answer twice =
        docs.post(
            "/api/v1/admin/services",
            """
            {"id": "x", "name": "X", "durationMinutes": 10, "maxPersons": 1, "channels": ["ONLINE"],
             "modes": [{"mode": "PHONE"}, {"mode": "PHONE", "durationMinutes": 5}]}\
            """,
            AUTHORIZATION,
            admin);
    ApiDocClient.Answer elsewhere =
        docs.post(
            "/api/v1/admin/services",
            """
            {"id": "y", "name": "Y", "durationMinutes": 10, "maxPersons": 1, "channels": ["ONLINE"],
             "modes": [{"mode": "VIDEO", "resources": [{"officeId": "sbh-west", "resourceId": "anna"}]}]}\
            """,
            AUTHORIZATION,
            admin);
    ApiDocClient.Answer none =
        docs.post(
            "/api/v1/admin/services",
            """
            {"id": "z", "name": "Z", "durationMinutes": 10, "maxPersons": 1, "channels": ["ONLINE"], "modes": []}\
            """,
            AUTHORIZATION,
            admin);

    expectProblem(422, "validation-failed", twice);
    assertThat(twice.json().at("/errors/0/field").asText()).isEqualTo("modes[1].mode");
    expectProblem(422, "validation-failed", elsewhere);
    assertThat(elsewhere.text("detail")).contains("sbh-west");
    expectProblem(422, "validation-failed", none);
    assertThat(availability("y", "").text("detail"))
        .as("nothing was saved")
        .isEqualTo("unknown service y");
  }

  private ApiDocClient.Answer availability(String service, String mode) {
    return docs.get(
        "/api/v1/offices/sbh-mitte/availability?service="
            + service
            + "&from="
            + TUESDAY
            + "&to="
            + TUESDAY
            + mode);
  }

  private static String hold(String service, String start, String mode) {
    return """
    {"officeId": "sbh-mitte", "services": [{"serviceId": "%s", "persons": 1}], "start": "%s", "mode": "%s"}\
    """
        .formatted(service, start, mode);
  }

  private ApiDocClient.Answer confirm(ApiDocClient.Answer hold, String citizen) {
    return docs.post(
        "/api/v1/bookings",
        "{\"holdId\": \"" + hold.text("holdId") + "\", \"citizen\": " + citizen + "}");
  }

  private ApiDocClient.Answer book(String service, String start, String mode) {
    ApiDocClient.Answer held = docs.post("/api/v1/holds", hold(service, start, mode));
    expect(201, held);
    ApiDocClient.Answer booked =
        confirm(held, "{\"name\": \"Erika Mustermann\", \"phone\": \"+49 89 1234567\"}");
    expect(201, booked);
    return booked;
  }

  private String calendar(ApiDocClient.Answer booked, String language) {
    ApiDocClient.Answer file =
        docs.get(
            "/api/v1/bookings/"
                + booked.text("reference")
                + "/calendar.ics?token="
                + URLEncoder.encode(booked.text("manageToken"), StandardCharsets.UTF_8),
            "Accept-Language",
            language);
    expect(200, file);
    return file.body();
  }

  /**
   * The calendar text with folded lines joined and text escapes undone, as a calendar app reads it.
   */
  private static String unfolded(String calendar) {
    return calendar
        .replace("\r\n ", "")
        .replace("\\n", "\n")
        .replace("\\,", ",")
        .replace("\\;", ";");
  }

  private void resource(String id, String services) {
    expect(
        201,
        docs.post(
            "/api/v1/admin/offices/sbh-mitte/resources",
            """
            {"id": "%s", "name": "%s", "kind": "CASEWORKER", "serviceIds": [%s]}\
            """
                .formatted(id, id, services),
            AUTHORIZATION,
            admin));
    expect(
        200,
        docs.put(
            "/api/v1/admin/offices/sbh-mitte/resources/" + id + "/schedule",
            """
            {"rules": [{"days": ["MON", "TUE", "WED", "THU", "FRI"], "from": "08:00", "to": "16:00"}]}\
            """,
            AUTHORIZATION,
            admin));
  }
}
