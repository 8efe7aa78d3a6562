package org.opentermin.http.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opentermin.http.ApiDocClient.expect;
import static org.opentermin.http.ApiDocClient.expectProblem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentermin.core.access.AccessRole;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.fairness.ProofOfWork;
import org.opentermin.http.ApiDocClient;
import org.opentermin.http.HttpApi;
import org.opentermin.http.InMemoryUseCases;
import org.opentermin.ports.access.AccessTokens;

/**
 * Fair access through the API over the in-memory adapters: policies read and written by
 * administrators and read by anyone, the challenge, and every refusal a policy causes as its
 * problem type. Every answer is also checked against {@code /openapi.json}. The clock stands at
 * Monday 2026-11-30, 09:00 in Berlin.
 */
class AccessPolicyRoutesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String AUTHORIZATION = "Authorization";
  private static final String POLICY = "/api/v1/admin/offices/sbh-mitte/access-policy";
  private static final String PUBLIC_POLICY = "/api/v1/offices/sbh-mitte/access-policy";

  /** Every rule on, with values other than the preset's. */
  private static final String EVERY_RULE =
      """
      {"release": {"opensAt": "07:30", "randomWindowMinutes": 90,
                   "waves": [{"daysBefore": 21, "sharePercent": 60}, {"daysBefore": 3, "sharePercent": 40}]},
       "contingents": {"sharePercent": {"ONLINE": 60, "PHONE": 30, "COUNTER": 0, "URGENT": 10},
                       "dedicatedResources": {"anna": "PHONE"}, "blockMinutes": 120, "releaseToOnlineHours": 48},
       "quarantine": {"delayMinutes": 30, "randomWindowMinutes": 240},
       "identityLimit": {"maxBookings": 2, "periodDays": 60},
       "holdLimit": {"maxLiveHoldsPerClient": 2},
       "rescheduleLimit": {"maxReschedules": 1},
       "lottery": {"entryWindowHours": 72},
       "waitingList": {"offerExpiryMinutes": 90},
       "challenge": {"always": true, "difficultyBits": 12, "holdsPerMinuteThreshold": 60},
       "fairAssignment": {"weightPercent": {"anna": 50, "ben": 150}}}\
      """;

  private static final String RECOMMENDED =
      """
      {"release": {"opensAt": "08:00", "randomWindowMinutes": 120,
                   "waves": [{"daysBefore": 14, "sharePercent": 50}, {"daysBefore": 7, "sharePercent": 50}]},
       "contingents": {"sharePercent": {"ONLINE": 70, "PHONE": 20, "COUNTER": 0, "URGENT": 10},
                       "blockMinutes": 60, "releaseToOnlineHours": 48},
       "quarantine": {"delayMinutes": 15, "randomWindowMinutes": 180},
       "identityLimit": {"maxBookings": 1, "periodDays": 30},
       "holdLimit": {"maxLiveHoldsPerClient": 3},
       "rescheduleLimit": {"maxReschedules": 3},
       "lottery": {"entryWindowHours": 48},
       "waitingList": {"offerExpiryMinutes": 720},
       "challenge": {"always": false, "difficultyBits": 18, "holdsPerMinuteThreshold": 120},
       "fairAssignment": {}}\
      """;

  private HttpApi api;
  private ApiDocClient docs;
  private AccessTokens tokens;
  private String admin;

  @BeforeEach
  void startWithTwoOffices() {
    InMemoryUseCases memory =
        new InMemoryUseCases(Clock.fixed(Instant.parse("2026-11-30T08:00:00Z"), ZoneOffset.UTC));
    tokens = memory.tokens;
    api = HttpApi.create(memory.useCases()).start(0);
    docs = ApiDocClient.forServerAt(api.port());
    admin = "Bearer " + tokens.issue(AccessRole.ADMIN, List.of()).token();
    for (String office : List.of("sbh-mitte", "sbh-nord")) {
      expect(
          201,
          docs.post(
              "/api/v1/admin/offices",
              """
              {"id": "%s", "name": "Sozialbürgerhaus", "timeZone": "Europe/Berlin", "state": "BY", "slotMinutes": 15,
               "maxDaysAhead": 90}\
              """
                  .formatted(office),
              AUTHORIZATION,
              admin));
    }
    for (String service : List.of("beratung", "wohngeld")) {
      expect(
          201,
          docs.post(
              "/api/v1/admin/services",
              """
              {"id": "%s", "name": "%s", "durationMinutes": 30, "maxPersons": 1, "channels": ["ONLINE", "PHONE"]}\
              """
                  .formatted(service, service),
              AUTHORIZATION,
              admin));
    }
    // Two caseworkers for "beratung" at Mitte; "wohngeld" only at Nord.
    resource("sbh-mitte", "anna", "beratung");
    resource("sbh-mitte", "ben", "beratung");
    resource("sbh-nord", "clara", "wohngeld");
  }

  @AfterEach
  void stop() {
    api.stop();
    assertThat(docs.violations()).as("answers that do not fit openapi.json").isEmpty();
  }

  @Test
  void aPolicyWithEveryRuleReadsBackExactlyAsWrittenForAdminsAndThePublic() {
    ApiDocClient.Answer saved = docs.put(POLICY, EVERY_RULE, AUTHORIZATION, admin);

    expect(200, saved);
    assertThat(saved.json().get("office")).isEqualTo(json(EVERY_RULE));
    assertThat(saved.json().get("services")).isEqualTo(json("{}"));
    ApiDocClient.Answer read = docs.get(POLICY, AUTHORIZATION, admin);
    expect(200, read);
    assertThat(read.json()).isEqualTo(saved.json());
    ApiDocClient.Answer explained = docs.get(PUBLIC_POLICY);
    expect(200, explained);
    ObjectNode withoutStaffDetails = saved.json().deepCopy();
    ((ObjectNode) withoutStaffDetails.at("/office/contingents")).remove("dedicatedResources");
    ((ObjectNode) withoutStaffDetails.at("/office/fairAssignment")).remove("weightPercent");
    assertThat(explained.json())
        .as("nothing about single caseworkers")
        .isEqualTo(withoutStaffDetails);
    assertThat(explained.body()).doesNotContain("anna");
    for (ApiDocClient.Answer answer : List.of(saved, read, explained)) {
      assertThat(answer.body()).doesNotContainIgnoringCase("secret");
    }
  }

  @Test
  void oneCallAppliesTheRecommendedPreset() {
    ApiDocClient.Answer applied = docs.post(POLICY + "/recommended", null, AUTHORIZATION, admin);

    expect(200, applied);
    assertThat(applied.json().get("office")).isEqualTo(json(RECOMMENDED));
    assertThat(applied.body()).doesNotContainIgnoringCase("secret");
    assertThat(docs.get(PUBLIC_POLICY).json().get("office")).isEqualTo(json(RECOMMENDED));
  }

  @Test
  void anOfficeWithoutRulesShowsAnEmptyPolicyAndDeletingSwitchesRulesOff() {
    assertThat(docs.get(PUBLIC_POLICY).json())
        .isEqualTo(json("{\"office\": {}, \"services\": {}}"));
    expect(200, docs.post(POLICY + "/recommended", null, AUTHORIZATION, admin));

    expect(204, docs.send("DELETE", POLICY, null, AUTHORIZATION, admin));

    assertThat(docs.get(POLICY, AUTHORIZATION, admin).json())
        .isEqualTo(json("{\"office\": {}, \"services\": {}}"));
  }

  @Test
  void aServiceOfferedAtTheOfficeGetsItsOwnPolicyUntilItIsRemoved() {
    ApiDocClient.Answer saved =
        docs.put(
            "/api/v1/admin/offices/sbh-mitte/services/beratung/access-policy",
            "{\"holdLimit\": {\"maxLiveHoldsPerClient\": 1}}",
            AUTHORIZATION,
            admin);

    expect(200, saved);
    assertThat(saved.json().get("services"))
        .isEqualTo(json("{\"beratung\": {\"holdLimit\": {\"maxLiveHoldsPerClient\": 1}}}"));
    assertThat(saved.json().get("office")).isEqualTo(json("{}"));
    expect(
        204,
        docs.send(
            "DELETE",
            "/api/v1/admin/offices/sbh-mitte/services/beratung/access-policy",
            null,
            AUTHORIZATION,
            admin));
    assertThat(docs.get(PUBLIC_POLICY).json().get("services")).isEqualTo(json("{}"));
  }

  @Test
  void unknownOfficesAndServicesNotOfferedThereAreNotFound() {
    expectProblem(404, "not-found", docs.get("/api/v1/offices/sbh-sued/access-policy"));
    expectProblem(
        404,
        "not-found",
        docs.get("/api/v1/admin/offices/sbh-sued/access-policy", AUTHORIZATION, admin));
    expectProblem(
        404,
        "not-found",
        docs.put("/api/v1/admin/offices/sbh-sued/access-policy", "{}", AUTHORIZATION, admin));
    expectProblem(
        404,
        "not-found",
        docs.post(
            "/api/v1/admin/offices/sbh-sued/access-policy/recommended",
            null,
            AUTHORIZATION,
            admin));
    expectProblem(
        404,
        "not-found",
        docs.put(
            "/api/v1/admin/offices/sbh-mitte/services/wohngeld/access-policy",
            "{}",
            AUTHORIZATION,
            admin));
    expectProblem(
        404,
        "not-found",
        docs.put(
            "/api/v1/admin/offices/sbh-mitte/services/reisepass/access-policy",
            "{}",
            AUTHORIZATION,
            admin));
    expectProblem(
        404,
        "not-found",
        docs.send(
            "DELETE",
            "/api/v1/admin/offices/sbh-mitte/services/wohngeld/access-policy",
            null,
            AUTHORIZATION,
            admin));
  }

  @Test
  void sharesThatDoNotSumTo100AreRefusedNamingTheRule() {
    ApiDocClient.Answer refused =
        docs.put(
            POLICY,
            """
            {"contingents": {"sharePercent": {"ONLINE": 70, "PHONE": 20}, "blockMinutes": 60, "releaseToOnlineHours": 24}}\
            """,
            AUTHORIZATION,
            admin);

    expectProblem(422, "validation-failed", refused);
    assertThat(refused.json().at("/errors/0/field").asText()).isEqualTo("contingents");
    assertThat(refused.json().at("/errors/0/message").asText()).contains("sum to 100");
    assertThat(docs.get(POLICY, AUTHORIZATION, admin).json().get("office"))
        .as("nothing saved")
        .isEqualTo(json("{}"));
  }

  @Test
  void otherBrokenRulesAreRefusedWithTheFieldToBlame() {
    assertThat(
            field(
                docs.put(
                    POLICY,
                    """
                    {"release": {"opensAt": "08:00", "randomWindowMinutes": 0, "waves": [{"daysBefore": 7, "sharePercent": 0}]}}\
                    """,
                    AUTHORIZATION,
                    admin)))
        .isEqualTo("release.waves[0]");
    assertThat(
            field(
                docs.put(
                    POLICY,
                    """
                    {"release": {"opensAt": "08:00", "randomWindowMinutes": 1440, "waves": [{"daysBefore": 7, "sharePercent": 100}]}}\
                    """,
                    AUTHORIZATION,
                    admin)))
        .isEqualTo("release");
    assertThat(
            field(
                docs.put(
                    POLICY,
                    """
                    {"release": {"opensAt": "08:00:30", "randomWindowMinutes": 0, "waves": [{"daysBefore": 7, "sharePercent": 100}]}}\
                    """,
                    AUTHORIZATION,
                    admin)))
        .isEqualTo("release.opensAt");
    assertThat(
            field(
                docs.put(
                    POLICY, "{\"lottery\": {\"entryWindowHours\": 48}}", AUTHORIZATION, admin)))
        .isEqualTo("lottery");
    assertThat(field(docs.put(POLICY, "{\"holdLimit\": {}}", AUTHORIZATION, admin)))
        .isEqualTo("holdLimit.maxLiveHoldsPerClient");
    assertThat(
            field(
                docs.put(
                    POLICY,
                    "{\"challenge\": {\"always\": true, \"difficultyBits\": 31,"
                        + " \"holdsPerMinuteThreshold\": 0}}",
                    AUTHORIZATION,
                    admin)))
        .isEqualTo("challenge");
    ApiDocClient.Answer unknown =
        docs.put(POLICY, "{\"holdLimits\": {\"maxLiveHoldsPerClient\": 1}}", AUTHORIZATION, admin);
    expectProblem(400, "invalid-request", unknown);
    assertThat(unknown.json().at("/errors/0/field").asText()).isEqualTo("holdLimits");
    expectProblem(
        400,
        "invalid-request",
        docs.put(
            POLICY,
            """
            {"contingents": {"sharePercent": {"online": 100}, "blockMinutes": 60, "releaseToOnlineHours": 0}}\
            """,
            AUTHORIZATION,
            admin));
  }

  @Test
  void onlyAdminsAndTheOfficesOwnAdminsReadAndChangePolicies() {
    String staff =
        "Bearer " + tokens.issue(AccessRole.STAFF, List.of(OfficeId.of("sbh-mitte"))).token();
    String nordAdmin =
        "Bearer " + tokens.issue(AccessRole.OFFICE_ADMIN, List.of(OfficeId.of("sbh-nord"))).token();
    String mitteAdmin =
        "Bearer "
            + tokens.issue(AccessRole.OFFICE_ADMIN, List.of(OfficeId.of("sbh-mitte"))).token();

    expectProblem(401, "unauthorized", docs.get(POLICY));
    expectProblem(401, "unauthorized", docs.put(POLICY, "{}", AUTHORIZATION, "Bearer ot_forged"));
    expectProblem(401, "unauthorized", docs.post(POLICY + "/recommended", null));
    expectProblem(403, "forbidden", docs.put(POLICY, "{}", AUTHORIZATION, staff));
    expectProblem(403, "forbidden", docs.put(POLICY, "{}", AUTHORIZATION, nordAdmin));
    expectProblem(403, "forbidden", docs.send("DELETE", POLICY, null, AUTHORIZATION, nordAdmin));
    expectProblem(
        403, "forbidden", docs.post(POLICY + "/recommended", null, AUTHORIZATION, nordAdmin));
    expectProblem(
        403,
        "forbidden",
        docs.put(
            "/api/v1/admin/offices/sbh-mitte/services/beratung/access-policy",
            "{}",
            AUTHORIZATION,
            nordAdmin));
    expect(
        200,
        docs.put(
            POLICY, "{\"holdLimit\": {\"maxLiveHoldsPerClient\": 5}}", AUTHORIZATION, mitteAdmin));
    expect(200, docs.get(POLICY, AUTHORIZATION, mitteAdmin));
  }

  @Test
  void aChallengeIsNeededOnlyWhereThePolicyAsksAndEachSolvedOneCountsOnce() {
    ApiDocClient.Answer none = docs.get("/api/v1/challenge?officeId=sbh-mitte");
    expect(200, none);
    assertThat(none.json()).isEqualTo(json("{\"required\": false}"));
    expect(201, docs.post("/api/v1/holds", hold("2026-12-01T09:00:00+01:00")));
    policy(
        "{\"challenge\": {\"always\": true, \"difficultyBits\": 4, \"holdsPerMinuteThreshold\":"
            + " 0}}");

    ApiDocClient.Answer without = docs.post("/api/v1/holds", hold("2026-12-01T10:00:00+01:00"));
    expectProblem(428, "challenge-required", without);
    assertThat(without.text("detail")).contains("GET /api/v1/challenge");
    ApiDocClient.Answer issued = docs.get("/api/v1/challenge?officeId=sbh-mitte");
    expect(200, issued);
    assertThat(issued.json().get("required").asBoolean()).isTrue();
    assertThat(issued.text("algorithm")).isEqualTo("hashcash-sha256");
    assertThat(issued.json().get("difficultyBits").asInt()).isEqualTo(4);
    String challenge = issued.text("challenge");
    String answer =
        """
        , "challenge": {"challenge": "%s", "solution": "%s"}}\
        """
            .formatted(challenge, ProofOfWork.solve(challenge, 4));
    String wrong =
        """
        , "challenge": {"challenge": "%s", "solution": "wrong"}}\
        """
            .formatted(challenge);
    expectProblem(
        428,
        "challenge-required",
        docs.post("/api/v1/holds", withChallenge(hold("2026-12-01T10:00:00+01:00"), wrong)));
    expect(
        201, docs.post("/api/v1/holds", withChallenge(hold("2026-12-01T10:00:00+01:00"), answer)));
    ApiDocClient.Answer reused =
        docs.post("/api/v1/holds", withChallenge(hold("2026-12-01T11:00:00+01:00"), answer));
    expectProblem(428, "challenge-required", reused);
    expectProblem(404, "not-found", docs.get("/api/v1/challenge?officeId=sbh-sued"));
    expectProblem(400, "invalid-request", docs.get("/api/v1/challenge"));
  }

  @Test
  void aDayBeforeItsReleaseWaveIsNotYetReleased() {
    // Each day opens 7 days ahead at 08:00, at once: 10 December opens on 3 December.
    policy(
        "{\"release\": {\"opensAt\": \"08:00\", \"randomWindowMinutes\": 0, \"waves\":"
            + " [{\"daysBefore\": 7, \"sharePercent\": 100}]}}");

    expectProblem(
        409, "not-yet-released", docs.post("/api/v1/holds", hold("2026-12-10T10:00:00+01:00")));
    expect(201, docs.post("/api/v1/holds", hold("2026-12-01T10:00:00+01:00")));
  }

  @Test
  void caseworkersDedicatedToCallersCannotBeHeldOnline() {
    policy(
        """
        {"contingents": {"sharePercent": {"ONLINE": 100}, "dedicatedResources": {"anna": "PHONE", "ben": "PHONE"},
                         "blockMinutes": 60, "releaseToOnlineHours": 0}}\
        """);
    String staff =
        "Bearer " + tokens.issue(AccessRole.STAFF, List.of(OfficeId.of("sbh-mitte"))).token();

    expectProblem(
        409, "contingent-exhausted", docs.post("/api/v1/holds", hold("2026-12-01T10:00:00+01:00")));
    expect(
        201,
        docs.post(
            "/api/v1/holds",
            hold("2026-12-01T10:00:00+01:00")
                .replace("\"start\"", "\"channel\": \"PHONE\", \"start\""),
            AUTHORIZATION,
            staff));
  }

  @Test
  void theFourthLiveHoldOfOneClientIsOverTheHoldLimit() {
    policy("{\"holdLimit\": {\"maxLiveHoldsPerClient\": 3}}");
    for (String time : List.of("09:00", "10:00", "11:00")) {
      expect(201, docs.post("/api/v1/holds", hold("2026-12-01T" + time + ":00+01:00")));
    }

    expectProblem(409, "hold-limit", docs.post("/api/v1/holds", hold("2026-12-01T12:00:00+01:00")));
  }

  @Test
  void theSamePersonWithAnotherSpellingOfTheirEmailIsOverTheIdentityLimit() {
    policy("{\"identityLimit\": {\"maxBookings\": 1, \"periodDays\": 30}}");
    expect(
        201,
        book(
            docs.post("/api/v1/holds", hold("2026-12-01T10:00:00+01:00")),
            "Erika.Muster@example.org"));

    ApiDocClient.Answer second =
        book(
            docs.post("/api/v1/holds", hold("2026-12-02T10:00:00+01:00")),
            "erika.muster+termin@EXAMPLE.org");

    expectProblem(409, "identity-limit", second);
  }

  @Test
  void aBookingThatMayNotMoveIsOverTheRescheduleLimit() {
    policy("{\"rescheduleLimit\": {\"maxReschedules\": 0}}");
    ApiDocClient.Answer booked =
        book(docs.post("/api/v1/holds", hold("2026-12-01T10:00:00+01:00")), "jonas@example.org");
    expect(201, booked);
    ApiDocClient.Answer later = docs.post("/api/v1/holds", hold("2026-12-02T10:00:00+01:00"));
    expect(201, later);

    ApiDocClient.Answer moved =
        docs.post(
            "/api/v1/bookings/" + booked.text("reference") + "/reschedule",
            "{\"holdId\": \"" + later.text("holdId") + "\"}",
            "X-Manage-Token",
            booked.text("manageToken"));

    expectProblem(409, "reschedule-limit", moved);
  }

  @Test
  void citizensCannotMarkAHoldUrgent() {
    expectProblem(
        403,
        "forbidden",
        docs.post(
            "/api/v1/holds",
            hold("2026-12-01T10:00:00+01:00").replace("\"start\"", "\"urgent\": true, \"start\"")));
  }

  private void resource(String office, String id, String service) {
    expect(
        201,
        docs.post(
            "/api/v1/admin/offices/" + office + "/resources",
            """
            {"id": "%s", "name": "%s", "kind": "CASEWORKER", "serviceIds": ["%s"]}\
            """
                .formatted(id, id, service),
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

  private void policy(String policy) {
    expect(200, docs.put(POLICY, policy, AUTHORIZATION, admin));
  }

  private static String hold(String start) {
    return """
    {"officeId": "sbh-mitte", "services": [{"serviceId": "beratung", "persons": 1}], "start": "%s"}\
    """
        .formatted(start);
  }

  private static String withChallenge(String hold, String answer) {
    return hold.replaceFirst("}\\s*$", answer);
  }

  private ApiDocClient.Answer book(ApiDocClient.Answer hold, String email) {
    expect(201, hold);
    return docs.post(
        "/api/v1/bookings",
        """
        {"holdId": "%s", "citizen": {"name": "Erika Muster", "email": "%s"}}\
        """
            .formatted(hold.text("holdId"), email));
  }

  private static String field(ApiDocClient.Answer answer) {
    expectProblem(422, "validation-failed", answer);
    return answer.json().at("/errors/0/field").asText();
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException notJson) {
      throw new UncheckedIOException(notJson);
    }
  }
}
