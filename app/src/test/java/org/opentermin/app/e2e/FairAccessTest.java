package org.opentermin.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentermin.core.fairness.ProofOfWork;

/**
 * Each refusal of a fair-access rule through the real app and PostgreSQL, on an office that the
 * test sets up and configures through the admin API. Each test writes the whole policy it needs and
 * uses days of its own, so the order of the tests does not matter. The demo offices keep their
 * preset and are not touched.
 */
class FairAccessTest {

  private static final String OFFICE = "fair-e2e";
  private static final String SERVICE = "fair-beratung";
  private static final String POLICY = "/api/v1/admin/offices/" + OFFICE + "/access-policy";

  private RunningApp app;
  private Api api;
  private String admin;

  @BeforeEach
  void officeWithTwoCaseworkers() {
    app = RunningApp.get();
    api = app.api;
    admin = Api.bearer(RunningApp.ADMIN_TOKEN);
    if (api.get("/api/v1/offices/" + OFFICE).status() == 404) {
      expect(
          201,
          api.post(
              "/api/v1/admin/offices",
              Map.of(
                  "id",
                  OFFICE,
                  "name",
                  "Fair-Access-Testamt",
                  "timeZone",
                  "Europe/Berlin",
                  "state",
                  "BY",
                  "slotMinutes",
                  15,
                  "maxDaysAhead",
                  60),
              "Authorization",
              admin));
      expect(
          201,
          api.post(
              "/api/v1/admin/services",
              Map.of(
                  "id",
                  SERVICE,
                  "name",
                  "Beratung",
                  "durationMinutes",
                  30,
                  "maxPersons",
                  1,
                  "channels",
                  List.of("ONLINE", "PHONE")),
              "Authorization",
              admin));
      for (String caseworker : List.of("fair-anna", "fair-ben")) {
        expect(
            201,
            api.post(
                "/api/v1/admin/offices/" + OFFICE + "/resources",
                Map.of(
                    "id",
                    caseworker,
                    "name",
                    caseworker,
                    "kind",
                    "CASEWORKER",
                    "serviceIds",
                    List.of(SERVICE)),
                "Authorization",
                admin));
        expect(
            200,
            api.put(
                "/api/v1/admin/offices/" + OFFICE + "/resources/" + caseworker + "/schedule",
                Map.of(
                    "rules",
                    List.of(
                        Map.of(
                            "days",
                            List.of("MON", "TUE", "WED", "THU", "FRI"),
                            "from",
                            "08:00",
                            "to",
                            "16:00"))),
                "Authorization",
                admin));
      }
    }
  }

  @Test
  void aDayBeforeItsReleaseIsNotYetReleased() {
    // Days open 7 days ahead at 08:00: on Monday 30 November, 10 December is still closed.
    policy(
        """
        {"release": {"opensAt": "08:00", "randomWindowMinutes": 0, "waves": [{"daysBefore": 7, "sharePercent": 100}]}}\
        """);

    assertProblem(hold("2026-12-10T10:00:00+01:00"), 409, "not-yet-released");
  }

  @Test
  void timeReservedForCallersCannotBeHeldOnline() {
    policy(
        """
        {"contingents": {"sharePercent": {"ONLINE": 100}, "dedicatedResources": {"fair-anna": "PHONE", "fair-ben": "PHONE"},
                         "blockMinutes": 60, "releaseToOnlineHours": 0}}\
        """);

    assertProblem(hold("2026-12-01T10:00:00+01:00"), 409, "contingent-exhausted");
  }

  @Test
  void theFourthLiveHoldFromOneAddressIsOverTheLimit() {
    // Later than the other tests' holds, which have expired by then.
    app.clock.advance(Duration.ofHours(1));
    policy("{\"holdLimit\": {\"maxLiveHoldsPerClient\": 3}}");
    for (String time : List.of("09:00", "10:00", "11:00")) {
      expect(201, hold("2026-12-02T" + time + ":00+01:00"));
    }

    assertProblem(hold("2026-12-02T12:00:00+01:00"), 409, "hold-limit");
  }

  @Test
  void theSamePersonBookingTwiceIsOverTheIdentityLimit() {
    policy("{\"identityLimit\": {\"maxBookings\": 1, \"periodDays\": 30}}");
    expect(201, confirm(hold("2026-12-03T10:00:00+01:00"), "Lena.Fair@example.org"));

    assertProblem(
        confirm(hold("2026-12-04T10:00:00+01:00"), "lena.fair+zweiter@example.org"),
        409,
        "identity-limit");
  }

  @Test
  void aBookingThatMayNotMoveIsOverTheRescheduleLimit() {
    policy("{\"rescheduleLimit\": {\"maxReschedules\": 0}}");
    JsonNode booking = confirm(hold("2026-12-07T10:00:00+01:00"), "paul.fair@example.org").json();
    Api.Answer later = hold("2026-12-08T10:00:00+01:00");
    expect(201, later);

    Api.Answer moved =
        api.post(
            "/api/v1/bookings/" + booking.get("reference").asText() + "/reschedule",
            Map.of("holdId", later.json().get("holdId").asText()),
            "X-Manage-Token",
            booking.get("manageToken").asText());

    assertProblem(moved, 409, "reschedule-limit");
  }

  @Test
  void aHoldWithoutASolvedChallengeIsRefusedAndASolvedOneCountsOnce() {
    policy(
        "{\"challenge\": {\"always\": true, \"difficultyBits\": 4, \"holdsPerMinuteThreshold\":"
            + " 0}}");
    assertProblem(hold("2026-12-09T10:00:00+01:00"), 428, "challenge-required");

    JsonNode challenge = api.get("/api/v1/challenge?officeId=" + OFFICE).json();
    assertThat(challenge.get("required").asBoolean()).isTrue();
    Map<String, String> answer =
        Map.of(
            "challenge",
            challenge.get("challenge").asText(),
            "solution",
            ProofOfWork.solve(
                challenge.get("challenge").asText(), challenge.get("difficultyBits").asInt()));
    expect(201, hold("2026-12-09T10:00:00+01:00", answer));
    assertProblem(hold("2026-12-09T11:00:00+01:00", answer), 428, "challenge-required");
  }

  /** Replaces the office's policy and lets the app see it at once. */
  private void policy(String json) {
    Api.Answer saved = api.put(POLICY, json, "Authorization", admin);
    expect(200, saved);
    assertThat(saved.body()).doesNotContainIgnoringCase("secret");
    app.policyChanged(OFFICE);
  }

  private Api.Answer hold(String start) {
    return api.post(
        "/api/v1/holds",
        Map.of("officeId", OFFICE, "services", List.of(Api.service(SERVICE, 1)), "start", start));
  }

  private Api.Answer hold(String start, Map<String, String> challenge) {
    return api.post(
        "/api/v1/holds",
        Map.of(
            "officeId",
            OFFICE,
            "services",
            List.of(Api.service(SERVICE, 1)),
            "start",
            start,
            "challenge",
            challenge));
  }

  private Api.Answer confirm(Api.Answer hold, String email) {
    expect(201, hold);
    return api.post(
        "/api/v1/bookings",
        Map.of(
            "holdId",
            hold.json().get("holdId").asText(),
            "citizen",
            Map.of("name", "Lena Fair", "email", email)));
  }

  private static void expect(int status, Api.Answer answer) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
  }

  private static void assertProblem(Api.Answer answer, int status, String type) {
    expect(status, answer);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.json().get("type").asText())
        .isEqualTo("https://opentermin.org/problems/" + type);
  }
}
