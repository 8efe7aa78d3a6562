package org.opentermin.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Phone and video appointments in the running app with PostgreSQL: the demo's housing benefit
 * advice is also given by phone (20 minutes instead of 30) and by video (by one caseworker per
 * office); debt advice, a sensitive service, also by phone.
 */
class AppointmentModesTest {

  private static final String OFFICE = "sbh-mitte";
  private static final String SERVICE = "wohngeld";
  private static final String SENSITIVE_SERVICE = "schuldnerberatung";
  private static final String VIDEO_CASEWORKER = "sbh-mitte-4";

  private RunningApp app;
  private Api api;

  @BeforeEach
  void startApp() {
    app = RunningApp.get().withoutAccessRules(OFFICE);
    api = app.api;
  }

  @Test
  void aPhoneAppointmentWithoutAPhoneNumberIsRefusedAndWithOneItIsBooked() {
    Api.Answer hold = hold(SERVICE, firstStart(SERVICE, "PHONE", "2026-12-14"), "PHONE");
    assertThat(hold.status()).isEqualTo(201);
    assertThat(hold.json().get("mode").asText()).isEqualTo("PHONE");
    String holdId = hold.json().get("holdId").asText();

    Api.Answer refused =
        confirm(holdId, Map.of("name", "Erika Mustermann", "email", "erika@example.org"));
    Api.Answer booked =
        confirm(holdId, Map.of("name", "Erika Mustermann", "phone", "+49 89 2233445"));

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.json().get("type").asText())
        .isEqualTo("https://opentermin.org/problems/phone-required");
    assertThat(booked.status()).as(booked.body()).isEqualTo(201);
    assertThat(booked.json().get("mode").asText()).isEqualTo("PHONE");
    assertThat(booked.json().has("videoLink")).isFalse();
    JsonNode seen = seen(booked);
    assertThat(seen.get("mode").asText()).isEqualTo("PHONE");
    assertThat(seen.get("citizen").get("phone").asText()).isEqualTo("+49 89 2233445");
  }

  @Test
  void aPhoneAppointmentsCalendarFileSaysTheOfficeCallsWithoutTheNumberOrTheSensitiveService() {
    Api.Answer hold =
        hold(SENSITIVE_SERVICE, firstStart(SENSITIVE_SERVICE, "PHONE", "2026-12-14"), "PHONE");
    Api.Answer booked =
        confirm(
            hold.json().get("holdId").asText(),
            Map.of("name", "Erika Mustermann", "phone", "+49 89 2233445"));
    assertThat(booked.status()).as(booked.body()).isEqualTo(201);

    String calendar = calendar(booked).replace("\r\n ", "");

    assertThat(calendar)
        .contains(
            "Phone appointment with Sozialbürgerhaus Mitte", "We will call you at the booked time");
    assertThat(calendar)
        .doesNotContain("2233445", "Schuldner", "Insolvenz", SENSITIVE_SERVICE, "\r\nLOCATION");
  }

  @Test
  void aVideoBookingGetsARoomOfTheConfiguredVideoServiceForCitizenAndCaseworker() {
    String staff = staffToken();
    Api.Answer hold = hold(SERVICE, firstStart(SERVICE, "VIDEO", "2026-12-15"), "VIDEO");
    assertThat(hold.status()).as(hold.body()).isEqualTo(201);

    Api.Answer booked =
        confirm(
            hold.json().get("holdId").asText(),
            Map.of("name", "Erika Mustermann", "email", "erika@example.org"));

    assertThat(booked.status()).as(booked.body()).isEqualTo(201);
    String link = booked.json().get("videoLink").asText();
    assertThat(link).matches("https://video\\.e2e\\.example\\.org/rooms/[a-z2-7]{26}");
    assertThat(link).doesNotContain("Erika", "Mustermann", SERVICE, OFFICE);
    assertThat(seen(booked).get("videoLink").asText()).isEqualTo(link);
    String date = booked.json().get("start").asText().substring(0, 10);
    JsonNode listed =
        find(
            api.get(
                    "/api/v1/staff/offices/" + OFFICE + "/bookings?date=" + date,
                    "Authorization",
                    Api.bearer(staff))
                .json()
                .get("bookings"),
            booked.json().get("reference").asText());
    assertThat(listed.get("mode").asText()).isEqualTo("VIDEO");
    assertThat(listed.get("videoLink").asText()).isEqualTo(link);
    assertThat(listed.get("resourceId").asText()).isEqualTo(VIDEO_CASEWORKER);
    assertThat(calendar(booked).replace("\r\n ", ""))
        .contains("URL:" + link, "Video appointment with Sozialbürgerhaus Mitte");
  }

  @Test
  void aMovedVideoBookingKeepsItsRoomAndCannotBecomeAnInPersonOne() {
    Api.Answer hold = hold(SERVICE, firstStart(SERVICE, "VIDEO", "2026-12-16"), "VIDEO");
    Api.Answer booked =
        confirm(
            hold.json().get("holdId").asText(),
            Map.of("name", "Erika Mustermann", "email", "erika@example.org"));
    String[] token = {"X-Manage-Token", booked.json().get("manageToken").asText()};
    String move = "/api/v1/bookings/" + booked.json().get("reference").asText() + "/reschedule";
    Api.Answer inPerson =
        hold(SERVICE, firstStart(SERVICE, "IN_PERSON", "2026-12-17"), "IN_PERSON");
    Api.Answer video = hold(SERVICE, firstStart(SERVICE, "VIDEO", "2026-12-17"), "VIDEO");

    Api.Answer refused =
        api.post(move, Map.of("holdId", inPerson.json().get("holdId").asText()), token);
    Api.Answer moved = api.post(move, Map.of("holdId", video.json().get("holdId").asText()), token);

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.json().get("type").asText()).endsWith("/mode-mismatch");
    assertThat(moved.status()).as(moved.body()).isEqualTo(200);
    assertThat(moved.json().get("start").asText()).isEqualTo(video.json().get("start").asText());
    assertThat(moved.json().get("videoLink").asText())
        .isEqualTo(booked.json().get("videoLink").asText());
    assertThat(seen(moved.json().get("reference").asText(), token[1]).get("videoLink"))
        .isEqualTo(booked.json().get("videoLink"));
  }

  @Test
  void thePhoneModesShorterDurationOffersStartsThatInPersonAppointmentsCannotHave() {
    JsonNode inPerson = availability(SERVICE, "IN_PERSON", "2026-12-18").json();
    JsonNode byPhone = availability(SERVICE, "PHONE", "2026-12-18").json();

    assertThat(inPerson.get("durationMinutes").asInt()).isEqualTo(30);
    assertThat(byPhone.get("durationMinutes").asInt()).isEqualTo(20);
    assertThat(byPhone.get("mode").asText()).isEqualTo("PHONE");
    List<String> phoneOnly = new ArrayList<>(starts(byPhone));
    phoneOnly.removeAll(starts(inPerson));
    assertThat(phoneOnly)
        .as("starts too close to the end of a caseworker's time for 30 minutes")
        .isNotEmpty();
    Api.Answer hold = hold(SERVICE, phoneOnly.get(0), "PHONE");
    assertThat(hold.status()).as(hold.body()).isEqualTo(201);
    assertThat(OffsetDateTime.parse(hold.json().get("end").asText()))
        .isEqualTo(OffsetDateTime.parse(phoneOnly.get(0)).plusMinutes(20));
    assertThat(hold(SERVICE, phoneOnly.get(0), "IN_PERSON").status())
        .as("not offered in person")
        .isEqualTo(409);
  }

  @Test
  void aModeTheServiceIsNotOfferedInOrAnUnknownModeIsAClientError() {
    Api.Answer noVideo = availability(SENSITIVE_SERVICE, "VIDEO", "2026-12-18");
    Api.Answer unknown = availability(SERVICE, "CARRIER_PIGEON", "2026-12-18");
    Api.Answer badHold =
        api.post(
            "/api/v1/holds",
            Map.of(
                "officeId",
                OFFICE,
                "services",
                List.of(Api.service(SERVICE, 1)),
                "start",
                "2026-12-18T10:00:00+01:00",
                "mode",
                "FAX"));

    assertThat(noVideo.status()).isEqualTo(422);
    assertThat(noVideo.json().get("type").asText()).endsWith("/mode-not-offered");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(badHold.status()).isEqualTo(400);
    assertThat(api.get("/api/v1/services").json().findValues("modes"))
        .anySatisfy(
            modes ->
                assertThat(modes.findValuesAsText("mode"))
                    .containsExactly("IN_PERSON", "PHONE", "VIDEO"));
  }

  private Api.Answer availability(String service, String mode, String date) {
    return api.get(
        "/api/v1/offices/"
            + OFFICE
            + "/availability?service="
            + service
            + "&mode="
            + mode
            + "&from="
            + date
            + "&to="
            + date);
  }

  /** The first free start in {@code mode} from {@code date} on, within that week. */
  private String firstStart(String service, String mode, String date) {
    Api.Answer free =
        api.get(
            "/api/v1/offices/"
                + OFFICE
                + "/availability?service="
                + service
                + "&mode="
                + mode
                + "&from="
                + date
                + "&to=2026-12-23");
    assertThat(free.status()).as(free.body()).isEqualTo(200);
    return free.json().get("days").get(0).get("slots").get(0).get("start").asText();
  }

  private static List<String> starts(JsonNode availability) {
    List<String> starts = new ArrayList<>();
    availability
        .get("days")
        .forEach(day -> day.get("slots").forEach(slot -> starts.add(slot.get("start").asText())));
    return starts;
  }

  private Api.Answer hold(String service, String start, String mode) {
    return api.post(
        "/api/v1/holds",
        Map.of(
            "officeId",
            OFFICE,
            "services",
            List.of(Api.service(service, 1)),
            "start",
            start,
            "mode",
            mode));
  }

  private Api.Answer confirm(String holdId, Map<String, String> citizen) {
    Map<String, Object> body = new HashMap<>();
    body.put("holdId", holdId);
    body.put("citizen", citizen);
    return api.post("/api/v1/bookings", body);
  }

  private JsonNode seen(Api.Answer booked) {
    return seen(booked.json().get("reference").asText(), booked.json().get("manageToken").asText());
  }

  private JsonNode seen(String reference, String token) {
    Api.Answer seen = api.get("/api/v1/bookings/" + reference, "X-Manage-Token", token);
    assertThat(seen.status()).isEqualTo(200);
    return seen.json();
  }

  private String calendar(Api.Answer booked) {
    Api.Answer file =
        api.get(
            "/api/v1/bookings/"
                + booked.json().get("reference").asText()
                + "/calendar.ics?token="
                + URLEncoder.encode(
                    booked.json().get("manageToken").asText(), StandardCharsets.UTF_8));
    assertThat(file.status()).isEqualTo(200);
    return file.body();
  }

  private String staffToken() {
    Api.Answer issued =
        api.post(
            "/api/v1/admin/tokens",
            Map.of("role", "STAFF", "officeIds", List.of(OFFICE)),
            "Authorization",
            Api.bearer(RunningApp.ADMIN_TOKEN));
    assertThat(issued.status()).isEqualTo(201);
    return issued.json().get("token").asText();
  }

  private static JsonNode find(JsonNode bookings, String reference) {
    for (JsonNode booking : bookings) {
      if (booking.get("reference").asText().equals(reference)) {
        return booking;
      }
    }
    throw new AssertionError("no booking " + reference + " in " + bookings);
  }
}
