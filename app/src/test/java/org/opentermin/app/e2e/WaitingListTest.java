package org.opentermin.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The waiting list through the API: a small office is booked out, a citizen joins its waiting list,
 * a cancellation frees a time, the job offers it, and the citizen books the offer. The office's
 * access policy is set in the database directly: the policy endpoints come separately.
 */
class WaitingListTest {

  private static final String ADMIN = Api.bearer(RunningApp.ADMIN_TOKEN);
  private static final String OFFICE = "wartelisten-amt";
  private static final String SERVICE = "wartelisten-beratung";
  private static final String DAY = "2026-12-02";

  private RunningApp running;
  private Api api;

  @BeforeEach
  void startApp() {
    running = RunningApp.get();
    api = running.api;
  }

  @Test
  void freedTimeIsOfferedToTheWaitingCitizenWhoBooksIt() {
    setUpOfficeWithTwoTimes();
    Booking first = book(DAY + "T09:00:00+01:00", "Max Mustermann", "max@example.org");
    book(DAY + "T09:20:00+01:00", "Jonas Schmidt", "jonas@example.org");

    Api.Answer joined =
        api.post(
            "/api/v1/waiting-list",
            Map.of(
                "officeId",
                OFFICE,
                "services",
                List.of(Api.service(SERVICE, 1)),
                "from",
                DAY,
                "to",
                DAY,
                "citizen",
                Map.of("name", "Erika Mustermann", "email", "erika.mustermann@example.org")));
    assertThat(joined.status()).as(joined.response().body()).isEqualTo(201);
    assertThat(joined.json().get("status").asText()).isEqualTo("WAITING");
    String entry = "/api/v1/waiting-list/" + joined.json().get("entryId").asText();
    String token = joined.json().get("entryToken").asText();

    running.app.serveWaitingListsNow();
    assertThat(api.get(entry, "X-Entry-Token", token).json().get("status").asText())
        .as("nothing free yet")
        .isEqualTo("WAITING");

    assertThat(
            api.post(
                    "/api/v1/bookings/" + first.reference() + "/cancel",
                    Map.of(),
                    "X-Manage-Token",
                    first.manageToken())
                .status())
        .isEqualTo(200);
    assertThat(
            api.get(
                    "/api/v1/offices/"
                        + OFFICE
                        + "/availability?service="
                        + SERVICE
                        + "&from="
                        + DAY
                        + "&to="
                        + DAY)
                .json()
                .get("days")
                .findValuesAsText("start"))
        .as("in quarantine for citizens")
        .isEmpty();
    running.app.serveWaitingListsNow();

    JsonNode offered = api.get(entry, "X-Entry-Token", token).json();
    assertThat(offered.get("status").asText()).isEqualTo("OFFERED");
    assertThat(offered.get("offer").get("start").asText()).isEqualTo(DAY + "T09:00:00+01:00");
    assertThat(offered.get("offer").get("deadline").asText()).isEqualTo("2026-11-30T18:00:02Z");
    assertThat(offered.has("citizen")).as("the entry shows nothing personal").isFalse();
    assertThat(api.get(entry, "X-Entry-Token", "wrong").status()).isEqualTo(404);
    JsonNode staffList =
        api.get("/api/v1/staff/offices/" + OFFICE + "/waiting-list", "Authorization", ADMIN).json();
    assertThat(staffList.get("entries").findValuesAsText("entryId"))
        .containsExactly(joined.json().get("entryId").asText());

    Api.Answer booked =
        api.post(
            "/api/v1/bookings",
            Map.of(
                "holdId", offered.get("offer").get("holdId").asText(),
                "citizen",
                    Map.of("name", "Erika Mustermann", "email", "erika.mustermann@example.org")));
    assertThat(booked.status()).as(booked.response().body()).isEqualTo(201);
    assertThat(booked.json().get("start").asText()).isEqualTo(DAY + "T09:00:00+01:00");
    running.app.serveWaitingListsNow();

    assertThat(api.get(entry, "X-Entry-Token", token).json().get("status").asText())
        .isEqualTo("BOOKED");
    assertThat(
            api.send(
                    java.net.http.HttpRequest.newBuilder(api.uri(entry)).DELETE(),
                    "X-Entry-Token",
                    token)
                .status())
        .as("a booked entry has left the list")
        .isEqualTo(409);
  }

  private record Booking(String reference, String manageToken) {}

  /** One caseworker who works 09:00 to 09:40 on the day: two 20-minute times. */
  private void setUpOfficeWithTwoTimes() {
    assertThat(
            api.post(
                    "/api/v1/admin/offices",
                    Map.of(
                        "id",
                        OFFICE,
                        "name",
                        "Amt mit Warteliste",
                        "timeZone",
                        "Europe/Berlin",
                        "state",
                        "BY",
                        "slotMinutes",
                        20,
                        "maxDaysAhead",
                        30),
                    "Authorization",
                    ADMIN)
                .status())
        .isEqualTo(201);
    assertThat(
            api.post(
                    "/api/v1/admin/services",
                    Map.of(
                        "id",
                        SERVICE,
                        "name",
                        "Beratung",
                        "durationMinutes",
                        20,
                        "maxPersons",
                        1,
                        "channels",
                        List.of("ONLINE")),
                    "Authorization",
                    ADMIN)
                .status())
        .isEqualTo(201);
    assertThat(
            api.post(
                    "/api/v1/admin/offices/" + OFFICE + "/resources",
                    Map.of(
                        "id",
                        "frau-warte",
                        "name",
                        "Frau Warte",
                        "kind",
                        "CASEWORKER",
                        "serviceIds",
                        List.of(SERVICE)),
                    "Authorization",
                    ADMIN)
                .status())
        .isEqualTo(201);
    assertThat(
            api.put(
                    "/api/v1/admin/offices/" + OFFICE + "/resources/frau-warte/schedule",
                    Map.of(
                        "rules",
                        List.of(),
                        "extraTimes",
                        List.of(Map.of("date", DAY, "from", "09:00", "to", "09:40"))),
                    "Authorization",
                    ADMIN)
                .status())
        .isEqualTo(200);
    // A long quarantine, so that only the waiting list can take the cancelled time.
    assertThat(
            api.put(
                    "/api/v1/admin/offices/" + OFFICE + "/access-policy",
                    Map.of(
                        "quarantine", Map.of("delayMinutes", 24 * 60, "randomWindowMinutes", 0),
                        "waitingList", Map.of("offerExpiryMinutes", 12 * 60)),
                    "Authorization",
                    ADMIN)
                .status())
        .isEqualTo(200);
    // Instances look for schedule and policy changes at most every second of their clock.
    running.clock.advance(Duration.ofSeconds(2));
  }

  private Booking book(String start, String name, String email) {
    Api.Answer hold =
        api.post(
            "/api/v1/holds",
            Map.of(
                "officeId", OFFICE, "services", List.of(Api.service(SERVICE, 1)), "start", start));
    assertThat(hold.status()).as(hold.response().body()).isEqualTo(201);
    Api.Answer booked =
        api.post(
            "/api/v1/bookings",
            Map.of(
                "holdId",
                hold.json().get("holdId").asText(),
                "citizen",
                Map.of("name", name, "email", email)));
    assertThat(booked.status()).as(booked.response().body()).isEqualTo(201);
    return new Booking(
        booked.json().get("reference").asText(), booked.json().get("manageToken").asText());
  }
}
