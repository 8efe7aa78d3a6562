package org.opentermin.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A staff token for one office never reveals a booking of another, on any route that returns a
 * booking or a day: where the office is in the path the answer is 403, everywhere else the booking
 * is answered exactly like an unknown reference. Staff tokens open no citizen route.
 */
class StaffOfficeIsolationTest {

  private static final String OFFICE = "sbh-nord";
  private static final String OTHER_OFFICE = "sbh-sued";
  private static final String SERVICE = "wohngeld";
  private static final String DATE = "2026-12-08";

  private Api api;
  private String reference;
  private String manageToken;
  private String ownStaff;
  private String otherStaff;

  @BeforeEach
  void bookAtOneOffice() {
    api = RunningApp.get().withoutAccessRules(OFFICE, OTHER_OFFICE).api;
    String start =
        api.get(
                "/api/v1/offices/"
                    + OFFICE
                    + "/availability?service="
                    + SERVICE
                    + "&from="
                    + DATE
                    + "&to="
                    + DATE)
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
    JsonNode booked =
        api.post(
                "/api/v1/bookings",
                Map.of(
                    "holdId",
                    hold.json().get("holdId").asText(),
                    "citizen",
                    Map.of("name", "Petra Privat", "email", "petra@example.org")))
            .json();
    reference = booked.get("reference").asText();
    manageToken = booked.get("manageToken").asText();
    ownStaff = Api.bearer(token("STAFF", OFFICE));
    otherStaff = Api.bearer(token("STAFF", OTHER_OFFICE));
  }

  @Test
  void staffOfTheOfficeReadTheBookingAndItsHistory() {
    Api.Answer booking = api.get("/api/v1/staff/bookings/" + reference, "Authorization", ownStaff);
    Api.Answer history =
        api.get("/api/v1/staff/bookings/" + reference + "/history", "Authorization", ownStaff);

    assertThat(booking.status()).isEqualTo(200);
    assertThat(booking.json().get("citizen").get("name").asText()).isEqualTo("Petra Privat");
    assertThat(history.status()).isEqualTo(200);
    assertThat(history.json().get("events").get(0).get("to").asText()).isEqualTo("CONFIRMED");
  }

  @Test
  void staffOfAnotherOfficeGetAnUnknownBookingOnEveryRouteByReference() {
    Api.Answer unknown = api.get("/api/v1/staff/bookings/ZZZZZZZZ", "Authorization", otherStaff);
    List<Api.Answer> answers =
        List.of(
            api.get("/api/v1/staff/bookings/" + reference, "Authorization", otherStaff),
            api.get(
                "/api/v1/staff/bookings/" + reference + "/history", "Authorization", otherStaff),
            api.post(
                "/api/v1/staff/bookings/" + reference + "/check-in",
                "",
                "Authorization",
                otherStaff),
            api.post(
                "/api/v1/staff/bookings/" + reference + "/complete",
                "",
                "Authorization",
                otherStaff),
            api.post(
                "/api/v1/staff/bookings/" + reference + "/no-show",
                "",
                "Authorization",
                otherStaff),
            api.post(
                "/api/v1/staff/bookings/" + reference + "/cancel",
                Map.of("reason", "probe"),
                "Authorization",
                otherStaff));

    assertThat(unknown.status()).isEqualTo(404);
    for (Api.Answer answer : answers) {
      assertThat(answer.status()).isEqualTo(404);
      assertThat(answer.json().get("type")).isEqualTo(unknown.json().get("type"));
      assertThat(answer.json().get("detail")).isEqualTo(unknown.json().get("detail"));
      assertThat(answer.body()).doesNotContain("Petra", OFFICE);
    }
    assertThat(
            api.get("/api/v1/bookings/" + reference, "X-Manage-Token", manageToken)
                .json()
                .get("status")
                .asText())
        .as("nothing was changed")
        .isEqualTo("CONFIRMED");
  }

  @Test
  void staffOfAnotherOfficeAreRefusedTheOfficesDayAndWaitingList() {
    assertThat(
            api.get(
                    "/api/v1/staff/offices/" + OFFICE + "/bookings?date=" + DATE,
                    "Authorization",
                    otherStaff)
                .status())
        .isEqualTo(403);
    assertThat(
            api.get(
                    "/api/v1/staff/offices/" + OFFICE + "/waiting-list",
                    "Authorization",
                    otherStaff)
                .status())
        .isEqualTo(403);
    assertThat(
            api.get(
                    "/api/v1/staff/offices/" + OTHER_OFFICE + "/bookings?date=" + DATE,
                    "Authorization",
                    otherStaff)
                .json()
                .get("bookings")
                .findValuesAsText("reference"))
        .doesNotContain(reference);
  }

  @Test
  void aStaffTokenOpensNoCitizenRoute() {
    for (String staff : List.of(ownStaff, otherStaff)) {
      assertThat(api.get("/api/v1/bookings/" + reference, "Authorization", staff).status())
          .isEqualTo(404);
      assertThat(
              api.get("/api/v1/bookings/" + reference + "/calendar.ics", "Authorization", staff)
                  .status())
          .isEqualTo(404);
      assertThat(
              api.post(
                      "/api/v1/bookings/" + reference + "/cancel", Map.of(), "Authorization", staff)
                  .status())
          .isEqualTo(404);
      assertThat(
              api.post(
                      "/api/v1/bookings/" + reference + "/reschedule",
                      Map.of("holdId", OFFICE + ".3f1c2a9e-5b7d-4e8a-9c0f-2d4b6a8e1f37"),
                      "Authorization",
                      staff)
                  .status())
          .isEqualTo(404);
    }
  }

  @Test
  void staffOfAnotherOfficeCannotReadTheAuditLog() {
    assertThat(
            api.get("/api/v1/admin/offices/" + OFFICE + "/audit", "Authorization", otherStaff)
                .status())
        .isEqualTo(403);
    assertThat(
            api.get("/api/v1/admin/offices/" + OFFICE + "/audit", "Authorization", ownStaff)
                .status())
        .isEqualTo(403);
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
}
