package org.opentermin.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StaffFlowTest {

  private static final String OFFICE = "sbh-nord";
  private static final String OTHER_OFFICE = "sbh-sued";
  private static final String SERVICE = "wohngeld";

  private RunningApp app;
  private Api api;

  @BeforeEach
  void startApp() {
    app = RunningApp.get().withoutAccessRules(OFFICE, OTHER_OFFICE);
    api = app.api;
  }

  @Test
  void staffBookForACallerAndRunTheDay() {
    String staff = token("STAFF", OFFICE);
    String start =
        api.get(
                "/api/v1/offices/"
                    + OFFICE
                    + "/availability?service="
                    + SERVICE
                    + "&from=2026-12-01&to=2026-12-01")
            .json()
            .get("days")
            .get(0)
            .get("slots")
            .get(0)
            .get("start")
            .asText();

    Api.Answer hold =
        api.post(
            "/api/v1/holds",
            Map.of(
                "officeId",
                OFFICE,
                "services",
                List.of(Api.service(SERVICE, 1)),
                "start",
                start,
                "channel",
                "PHONE"),
            "Authorization",
            Api.bearer(staff));
    assertThat(hold.status()).isEqualTo(201);
    Api.Answer booked =
        api.post(
            "/api/v1/bookings",
            Map.of(
                "holdId",
                hold.json().get("holdId").asText(),
                "citizen",
                Map.of("name", "Anrufer Meier", "phone", "+49 89 1234")),
            "Authorization",
            Api.bearer(staff));
    assertThat(booked.status()).isEqualTo(201);
    assertThat(booked.json().get("channel").asText()).isEqualTo("PHONE");
    String reference = booked.json().get("reference").asText();

    JsonNode day =
        api.get(
                "/api/v1/staff/offices/" + OFFICE + "/bookings?date=2026-12-01",
                "Authorization",
                Api.bearer(staff))
            .json();
    JsonNode listed = find(day.get("bookings"), reference);
    assertThat(listed.get("citizen").get("name").asText()).isEqualTo("Anrufer Meier");
    assertThat(listed.get("resourceId").asText()).isNotBlank();

    assertThat(staffChange(staff, reference, "check-in").status()).isEqualTo(409); // the day before
    app.clock.set(Instant.parse(start.replace("+01:00", "Z")).minus(Duration.ofMinutes(70)));
    Api.Answer checkedIn = staffChange(staff, reference, "check-in");
    assertThat(checkedIn.status()).isEqualTo(200);
    assertThat(checkedIn.json().get("status").asText()).isEqualTo("CHECKED_IN");
    Api.Answer completed = staffChange(staff, reference, "complete");
    assertThat(completed.json().get("status").asText()).isEqualTo("COMPLETED");
    assertThat(staffChange(staff, reference, "cancel").json().get("type").asText())
        .endsWith("/illegal-transition");
  }

  @Test
  void staffMarkANoShowOnlyOnceTheAppointmentHasStarted() {
    String staff = token("STAFF", OFFICE);
    JsonNode booking = bookOnline("2026-12-02");
    String reference = booking.get("reference").asText();

    assertThat(staffChange(staff, reference, "no-show").json().get("type").asText())
        .endsWith("/too-early");
    app.clock.set(Instant.parse("2026-12-03T00:00:00Z"));
    Api.Answer noShow = staffChange(staff, reference, "no-show");

    assertThat(noShow.status()).isEqualTo(200);
    assertThat(noShow.json().get("status").asText()).isEqualTo("NO_SHOW");
  }

  @Test
  void staffCancelWithAReason() {
    String staff = token("OFFICE_ADMIN", OFFICE);
    String reference = bookOnline("2026-12-03").get("reference").asText();

    Api.Answer cancelled =
        api.post(
            "/api/v1/staff/bookings/" + reference + "/cancel",
            Map.of("reason", "Sachbearbeiterin erkrankt"),
            "Authorization",
            Api.bearer(staff));

    assertThat(cancelled.status()).isEqualTo(200);
    assertThat(cancelled.json().get("status").asText()).isEqualTo("CANCELLED");
  }

  @Test
  void staffReachOnlyTheirOwnOffices() {
    String otherStaff = token("STAFF", OTHER_OFFICE);
    String reference = bookOnline("2026-12-04").get("reference").asText();

    assertThat(
            api.get(
                    "/api/v1/staff/offices/" + OFFICE + "/bookings?date=2026-12-04",
                    "Authorization",
                    Api.bearer(otherStaff))
                .status())
        .isEqualTo(403);
    assertThat(staffChange(otherStaff, reference, "cancel").status())
        .as("answered as if unknown")
        .isEqualTo(404);
    assertThat(
            api.post(
                    "/api/v1/holds",
                    Map.of(
                        "officeId",
                        OFFICE,
                        "services",
                        List.of(Api.service(SERVICE, 1)),
                        "start",
                        "2026-12-04T09:00:00+01:00",
                        "channel",
                        "COUNTER"),
                    "Authorization",
                    Api.bearer(otherStaff))
                .status())
        .isEqualTo(403);
  }

  @Test
  void withoutAValidTokenStaffRoutesAnswer401() {
    String reference = bookOnline("2026-12-07").get("reference").asText();

    Api.Answer none = api.get("/api/v1/staff/offices/" + OFFICE + "/bookings?date=2026-12-07");
    Api.Answer wrong =
        api.get(
            "/api/v1/staff/offices/" + OFFICE + "/bookings?date=2026-12-07",
            "Authorization",
            Api.bearer("ot_wrong"));
    Api.Answer basic =
        api.get(
            "/api/v1/staff/offices/" + OFFICE + "/bookings?date=2026-12-07",
            "Authorization",
            "Basic YTpi");
    Api.Answer change = api.post("/api/v1/staff/bookings/" + reference + "/check-in", "");

    for (Api.Answer answer : List.of(none, wrong, basic, change)) {
      assertThat(answer.status()).isEqualTo(401);
      assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer");
      assertThat(answer.json().get("type").asText()).endsWith("/unauthorized");
    }
  }

  @Test
  void citizensCannotBookByPhoneOrWithAnInvalidToken() {
    Map<String, Object> phoneHold =
        Map.of(
            "officeId",
            OFFICE,
            "services",
            List.of(Api.service(SERVICE, 1)),
            "start",
            "2026-12-07T09:00:00+01:00",
            "channel",
            "PHONE");

    assertThat(api.post("/api/v1/holds", phoneHold).status()).isEqualTo(403);
    assertThat(
            api.post("/api/v1/holds", phoneHold, "Authorization", Api.bearer("ot_invalid"))
                .status())
        .isEqualTo(401);
  }

  private JsonNode bookOnline(String date) {
    String start =
        api.get(
                "/api/v1/offices/"
                    + OFFICE
                    + "/availability?service="
                    + SERVICE
                    + "&from="
                    + date
                    + "&to="
                    + date)
            .json()
            .get("days")
            .get(0)
            .get("slots")
            .get(0)
            .get("start")
            .asText();
    Api.Answer hold =
        api.post(
            "/api/v1/holds",
            Map.of(
                "officeId", OFFICE, "services", List.of(Api.service(SERVICE, 1)), "start", start));
    return api.post(
            "/api/v1/bookings",
            Map.of(
                "holdId",
                hold.json().get("holdId").asText(),
                "citizen",
                Map.of("name", "Max Muster", "email", "max@example.org")))
        .json();
  }

  private Api.Answer staffChange(String token, String reference, String action) {
    return api.post(
        "/api/v1/staff/bookings/" + reference + "/" + action,
        "",
        "Authorization",
        Api.bearer(token));
  }

  private String token(String role, String office) {
    Api.Answer issued =
        api.post(
            "/api/v1/admin/tokens",
            Map.of("role", role, "officeIds", List.of(office)),
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
    throw new AssertionError("booking " + reference + " is not listed in " + bookings);
  }
}
