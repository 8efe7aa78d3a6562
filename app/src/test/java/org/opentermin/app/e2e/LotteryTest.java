package org.opentermin.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentermin.core.fairness.LotteryPolicy;

class LotteryTest {

  private static final String OFFICE = "sbh-mitte";
  private static final String SERVICE = "grundsicherung-weiterbewilligung";
  private static final String DAY = "2026-12-08";

  /** The wave of Tuesday 8 December opens (and is drawn) a week before, at 08:00 in Munich. */
  private static final Instant DRAW_AT = Instant.parse("2026-12-01T07:00:00Z");

  private static final String POLICY = "/api/v1/admin/offices/" + OFFICE + "/access-policy";

  private RunningApp app;
  private Api api;

  @BeforeEach
  void startApp() {
    app = RunningApp.get();
    api = app.api;
    // The office's policy, for this test only, set as an administrator would.
    assertThat(
            api.put(
                    POLICY,
                    Map.of(
                        "release",
                            Map.of(
                                "opensAt",
                                "08:00",
                                "randomWindowMinutes",
                                0,
                                "waves",
                                List.of(Map.of("daysBefore", 7, "sharePercent", 100))),
                        "lottery", Map.of("entryWindowHours", 48)),
                    "Authorization",
                    Api.bearer(RunningApp.ADMIN_TOKEN))
                .status())
        .isEqualTo(200);
    app.policyChanged(OFFICE);
  }

  /**
   * Turns the office's rules off again and lets the booking service see that at a time later than
   * any this test set, so that the tests after it, which start earlier, use no stale policy.
   */
  @AfterEach
  void removePolicy() {
    assertThat(api.delete(POLICY, "Authorization", Api.bearer(RunningApp.ADMIN_TOKEN)).status())
        .isEqualTo(204);
    app.clock.set(DRAW_AT.plus(Duration.ofHours(1)));
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
                .status())
        .isEqualTo(200);
  }

  private Api.Answer enter(String name, String email) {
    return api.post(
        "/api/v1/lottery/entries",
        Map.of(
            "officeId",
            OFFICE,
            "services",
            List.of(Api.service(SERVICE, 1)),
            "date",
            DAY,
            "citizen",
            Map.of("name", name, "email", email),
            "waitingListIfLost",
            true));
  }

  @Test
  void citizensEnterTheDrawWinBookingsTheyManageWithTheirEntryTokenAndAnyoneCanRecomputeTheOrder() {
    Api.Answer erika = enter("Erika Mustermann", "erika.mustermann@gmail.com");
    Api.Answer max = enter("Max Mustermann", "max@example.org");
    assertThat(erika.status()).isEqualTo(201);
    assertThat(max.status()).isEqualTo(201);
    assertThat(erika.json().get("drawAt").asText()).isEqualTo("2026-12-01T07:00:00Z");
    String commitment = erika.json().get("commitment").asText();
    assertThat(max.json().get("commitment").asText()).isEqualTo(commitment);
    assertThat(enter("Erika", "ErikaMustermann+termin@googlemail.com").status())
        .as("one entry per person")
        .isEqualTo(409);

    String drawsPath = "/api/v1/offices/" + OFFICE + "/lottery/draws/" + DAY;
    JsonNode open = api.get(drawsPath).json().get("draws").get(0);
    assertThat(open.get("status").asText()).isEqualTo("OPEN");
    assertThat(open.get("commitment").asText()).isEqualTo(commitment);
    assertThat(open.get("entries").asInt()).isEqualTo(2);
    assertThat(open.has("seed")).isFalse();
    Api.Answer pending = api.get(entryPath(erika), "X-Entry-Token", token(erika));
    assertThat(pending.json().get("status").asText()).isEqualTo("PENDING");
    assertThat(api.get(entryPath(erika), "X-Entry-Token", token(max)).status())
        .as("another's token")
        .isEqualTo(404);
    assertThat(api.get(entryPath(erika)).status()).as("no token").isEqualTo(404);

    app.clock.set(DRAW_AT);
    assertThat(app.app.runLotteryDraws()).isEqualTo(1);
    assertThat(app.app.runLotteryDraws()).as("drawn once").isZero();

    List<String> references = new ArrayList<>();
    for (Api.Answer entry : List.of(erika, max)) {
      JsonNode result = api.get(entryPath(entry), "X-Entry-Token", token(entry)).json();
      assertThat(result.get("status").asText()).isEqualTo("WON");
      String reference = result.get("reference").asText();
      references.add(reference);
      Api.Answer booking = api.get("/api/v1/bookings/" + reference, "X-Manage-Token", token(entry));
      assertThat(booking.status()).as("the entry token manages the booking").isEqualTo(200);
      assertThat(booking.json().get("start").asText())
          .isEqualTo(result.get("start").asText())
          .startsWith(DAY);
      assertThat(booking.json().get("services").get(0).get("serviceId").asText())
          .isEqualTo(SERVICE);
    }

    JsonNode drawn = api.get(drawsPath).json().get("draws").get(0);
    assertThat(drawn.get("status").asText()).isEqualTo("DRAWN");
    String seed = drawn.get("seed").asText();
    assertThat(sha256(seed))
        .as("the revealed seed fits the commitment published before")
        .isEqualTo(commitment);
    List<String> ids = new ArrayList<>(List.of(id(max), id(erika)));
    ids.sort(Comparator.comparing((String id) -> sha256(seed + "|" + id)).thenComparing(id -> id));
    List<String> order = new ArrayList<>();
    drawn.get("order").forEach(id -> order.add(id.asText()));
    List<String> winners = new ArrayList<>();
    drawn.get("winners").forEach(id -> winners.add(id.asText()));
    assertThat(order).as("recomputed from the seed and the entry ids").isEqualTo(ids);
    assertThat(winners).isEqualTo(ids);

    // After the draw grace, what is left opens first-come-first-served; the winners cancel again.
    app.clock.set(DRAW_AT.plus(LotteryPolicy.DRAW_GRACE));
    for (int i = 0; i < 2; i++) {
      Api.Answer entry = i == 0 ? erika : max;
      assertThat(
              api.post(
                      "/api/v1/bookings/" + references.get(i) + "/cancel",
                      "",
                      "X-Manage-Token",
                      token(entry))
                  .status())
          .isEqualTo(200);
    }
  }

  @Test
  void anEntryForADayNoCalendarOfOursHoldsIsA400NamingTheDate() {
    for (String day : List.of("-999999999-01-01", "+999999999-12-31", "1999-12-31")) {
      Api.Answer entry =
          api.post(
              "/api/v1/lottery/entries",
              Map.of(
                  "officeId",
                  OFFICE,
                  "services",
                  List.of(Api.service(SERVICE, 1)),
                  "date",
                  day,
                  "citizen",
                  Map.of("name", "Erika Mustermann", "email", "erika@example.org")));

      assertThat(entry.status()).as(entry.body()).isEqualTo(400);
      assertThat(entry.json().get("errors").get(0).get("field").asText()).isEqualTo("date");
    }
  }

  @Test
  void theDrawsOfADayNoCalendarOfOursHoldsAreNotFound() {
    for (String day : List.of("-999999999-01-01", "+999999999-12-31", "2200-01-01")) {
      Api.Answer draws = api.get("/api/v1/offices/" + OFFICE + "/lottery/draws/" + day);

      assertThat(draws.status()).as(draws.body()).isEqualTo(404);
      assertThat(draws.contentType()).startsWith("application/problem+json");
    }
  }

  private static String id(Api.Answer entry) {
    return entry.json().get("entryId").asText();
  }

  private static String token(Api.Answer entry) {
    return entry.json().get("entryToken").asText();
  }

  private static String entryPath(Api.Answer entry) {
    return "/api/v1/lottery/entries/" + id(entry);
  }

  private static String sha256(String text) {
    return Hashing.sha256().hashString(text, StandardCharsets.UTF_8).toString();
  }
}
