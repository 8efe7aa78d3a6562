package org.opentermin.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CitizenFlowTest {

  private static final String OFFICE = "sbh-mitte";
  private static final String PLAIN_SERVICE = "bildung-und-teilhabe";
  private static final String SENSITIVE_SERVICE = "schuldnerberatung";

  private RunningApp app;
  private Api api;

  @BeforeEach
  void startApp() {
    app = RunningApp.get().withoutAccessRules(OFFICE);
    api = app.api;
  }

  @Test
  void citizenFindsBooksReschedulesAndCancelsWithoutAnAccount() {
    assertThat(api.get("/api/v1/offices").json().findValuesAsText("id"))
        .contains(OFFICE, "sbh-nord", "sbh-sued");
    assertThat(api.get("/api/v1/services").json().findValuesAsText("id"))
        .contains(PLAIN_SERVICE, SENSITIVE_SERVICE);
    assertThat(api.get("/api/v1/offices/" + OFFICE).json().get("timeZone").asText())
        .isEqualTo("Europe/Berlin");

    JsonNode availability =
        api.get(availabilityPath(PLAIN_SERVICE) + "&from=2026-12-01&to=2026-12-14").json();
    assertThat(availability.get("officeId").asText()).isEqualTo(OFFICE);
    assertThat(availability.get("durationMinutes").asInt()).isEqualTo(20);
    JsonNode firstDay = availability.get("days").get(0);
    assertThat(firstDay.get("date").asText()).isEqualTo("2026-12-01");
    String start = firstDay.get("slots").get(0).get("start").asText();
    assertThat(start).matches("2026-12-01T\\d\\d:\\d\\d:00\\+01:00");
    assertThat(firstDay.get("slots").get(0).get("capacity").asInt()).isPositive();

    Api.Answer hold = hold(PLAIN_SERVICE, start);
    assertThat(hold.status()).isEqualTo(201);
    assertThat(hold.json().get("start").asText()).isEqualTo(start);
    assertThat(hold.json().get("expiresAt").asText()).isEqualTo("2026-11-30T06:10:00Z");

    Api.Answer booked = confirm(hold.json().get("holdId").asText());
    assertThat(booked.status()).isEqualTo(201);
    JsonNode booking = booked.json();
    String reference = booking.get("reference").asText();
    String token = booking.get("manageToken").asText();
    assertThat(reference).matches("[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}");
    assertThat(booking.get("status").asText()).isEqualTo("CONFIRMED");
    assertThat(booking.get("services").get(0).get("serviceId").asText()).isEqualTo(PLAIN_SERVICE);

    JsonNode seen = api.get("/api/v1/bookings/" + reference, "X-Manage-Token", token).json();
    assertThat(seen.get("start").asText()).isEqualTo(start);
    assertThat(seen.has("manageToken")).isFalse();
    assertThat(seen.get("citizen").get("name").asText()).isEqualTo("Erika Mustermann");

    Api.Answer calendar = api.get("/api/v1/bookings/" + reference + "/calendar.ics?token=" + token);
    assertThat(calendar.status()).isEqualTo(200);
    assertThat(calendar.contentType()).startsWith("text/calendar");
    assertThat(calendar.body())
        .contains(
            "BEGIN:VTIMEZONE",
            "TZID:Europe/Berlin",
            "SEQUENCE:0",
            "Bildung und Teilhabe",
            reference);

    String later =
        api.get(availabilityPath(PLAIN_SERVICE) + "&from=2026-12-03&to=2026-12-03")
            .json()
            .get("days")
            .get(0)
            .get("slots")
            .get(0)
            .get("start")
            .asText();
    Api.Answer newHold = hold(PLAIN_SERVICE, later);
    Api.Answer moved =
        api.post(
            "/api/v1/bookings/" + reference + "/reschedule",
            Map.of("holdId", newHold.json().get("holdId").asText()),
            "X-Manage-Token",
            token);
    assertThat(moved.status()).isEqualTo(200);
    assertThat(moved.json().get("reference").asText()).isEqualTo(reference);
    assertThat(moved.json().get("start").asText()).isEqualTo(later);
    assertThat(api.get("/api/v1/bookings/" + reference + "/calendar.ics?token=" + token).body())
        .contains("SEQUENCE:1")
        .contains(later.substring(0, 10).replace("-", ""));

    Api.Answer cancelled =
        api.post("/api/v1/bookings/" + reference + "/cancel", "", "X-Manage-Token", token);
    assertThat(cancelled.status()).isEqualTo(200);
    assertThat(cancelled.json().get("status").asText()).isEqualTo("CANCELLED");
    Api.Answer again =
        api.post("/api/v1/bookings/" + reference + "/cancel", "", "X-Manage-Token", token);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("type").asText()).endsWith("/illegal-transition");
  }

  @Test
  void aWrongOrMissingTokenLooksExactlyLikeAnUnknownReference() {
    String reference = book(PLAIN_SERVICE, "2026-12-02").get("reference").asText();

    Api.Answer wrongToken = api.get("/api/v1/bookings/" + reference, "X-Manage-Token", "guessed");
    Api.Answer noToken = api.get("/api/v1/bookings/" + reference);
    Api.Answer unknown = api.get("/api/v1/bookings/ZZZZ2222", "X-Manage-Token", "guessed");
    Api.Answer calendar = api.get("/api/v1/bookings/" + reference + "/calendar.ics?token=guessed");

    for (Api.Answer answer : List.of(wrongToken, noToken, unknown, calendar)) {
      assertThat(answer.status()).isEqualTo(404);
      assertThat(answer.body()).isEqualTo(unknown.body());
    }
  }

  @Test
  void repeatingTheServiceParameterAsksForMorePersons() {
    int one = api.get(availabilityPath(PLAIN_SERVICE)).json().get("durationMinutes").asInt();
    int two =
        api.get(availabilityPath(PLAIN_SERVICE) + "&service=" + PLAIN_SERVICE)
            .json()
            .get("durationMinutes")
            .asInt();

    assertThat(two).isEqualTo(2 * one);
  }

  @Test
  void theLastFreeResourceCannotBeHeldTwice() {
    JsonNode days =
        api.get(availabilityPath(PLAIN_SERVICE) + "&from=2026-12-04&to=2026-12-04")
            .json()
            .get("days");
    JsonNode slot = days.get(0).get("slots").get(0);
    for (int i = 0; i < slot.get("capacity").asInt(); i++) {
      assertThat(hold(PLAIN_SERVICE, slot.get("start").asText()).status()).isEqualTo(201);
    }

    Api.Answer refused = hold(PLAIN_SERVICE, slot.get("start").asText());

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.json().get("type").asText())
        .isEqualTo("https://opentermin.org/problems/unavailable");
  }

  @Test
  void aRetriedHoldWithTheSameKeyReturnsTheFirstHold() {
    String start = firstStart(PLAIN_SERVICE, "2026-12-07");
    Map<String, Object> request =
        Map.of(
            "officeId",
            OFFICE,
            "services",
            List.of(Api.service(PLAIN_SERVICE, 1)),
            "start",
            start,
            "idempotencyKey",
            UUID.randomUUID().toString());

    Api.Answer first = api.post("/api/v1/holds", request);
    Api.Answer retry = api.post("/api/v1/holds", request);

    assertThat(first.status()).isEqualTo(201);
    assertThat(retry.json().get("holdId")).isEqualTo(first.json().get("holdId"));
  }

  @Test
  void aHoldThatExpiredCannotBeConfirmed() {
    Api.Answer hold = hold(PLAIN_SERVICE, firstStart(PLAIN_SERVICE, "2026-12-08"));
    app.clock.advance(Duration.ofMinutes(11));

    Api.Answer late = confirm(hold.json().get("holdId").asText());

    assertThat(late.status()).isEqualTo(409);
    assertThat(late.json().get("type").asText()).endsWith("/hold-expired");
  }

  @Test
  void theCalendarFileNeverNamesASensitiveService() {
    JsonNode booking = book(SENSITIVE_SERVICE, "2026-12-09");

    String calendar =
        api.get(
                "/api/v1/bookings/"
                    + booking.get("reference").asText()
                    + "/calendar.ics?token="
                    + booking.get("manageToken").asText())
            .body();

    assertThat(calendar)
        .contains("Sozialbürgerhaus Mitte")
        .doesNotContain("Schuldner", "Insolvenz", SENSITIVE_SERVICE);
  }

  @Test
  void theFirstFreeStartIsTheFirstSlotOfTheAvailability() {
    String first =
        api.get("/api/v1/offices/" + OFFICE + "/availability/first?service=" + PLAIN_SERVICE)
            .json()
            .get("start")
            .asText();
    String fromAvailability =
        api.get(availabilityPath(PLAIN_SERVICE))
            .json()
            .get("days")
            .get(0)
            .get("slots")
            .get(0)
            .get("start")
            .asText();

    assertThat(first).isEqualTo(fromAvailability);
  }

  private JsonNode book(String service, String date) {
    Api.Answer hold = hold(service, firstStart(service, date));
    assertThat(hold.status()).isEqualTo(201);
    Api.Answer booked = confirm(hold.json().get("holdId").asText());
    assertThat(booked.status()).isEqualTo(201);
    return booked.json();
  }

  private String firstStart(String service, String date) {
    return api.get(availabilityPath(service) + "&from=" + date + "&to=" + date)
        .json()
        .get("days")
        .get(0)
        .get("slots")
        .get(0)
        .get("start")
        .asText();
  }

  private Api.Answer hold(String service, String start) {
    return api.post(
        "/api/v1/holds",
        Map.of("officeId", OFFICE, "services", List.of(Api.service(service, 1)), "start", start));
  }

  private Api.Answer confirm(String holdId) {
    return api.post(
        "/api/v1/bookings",
        Map.of(
            "holdId",
            holdId,
            "citizen",
            Map.of("name", "Erika Mustermann", "email", "erika@example.org")));
  }

  private static String availabilityPath(String service) {
    return "/api/v1/offices/" + OFFICE + "/availability?service=" + service;
  }
}
