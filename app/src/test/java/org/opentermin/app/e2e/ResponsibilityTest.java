package org.opentermin.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A citizen of a social welfare office routed to the caseworker responsible for them, through the
 * running app on PostgreSQL. The demo data's rules: 80331 belongs to Sozialbürgerhaus Mitte, which
 * files first applications for basic income by surname (A–G, H–Q, R–Z to its caseworkers 1, 2, 3)
 * and has case SBH-M-1001 with caseworker 2.
 */
class ResponsibilityTest {

  private static final String ADMIN = Api.bearer(RunningApp.ADMIN_TOKEN);
  private static final String SERVICE = "grundsicherung-erstantrag";
  private static final String DAY = "2026-12-01";
  private static final String MITTE_DAY =
      "/api/v1/offices/sbh-mitte/availability?service=" + SERVICE + "&from=" + DAY + "&to=" + DAY;

  private RunningApp running;
  private Api api;

  @BeforeEach
  void startApp() {
    running = RunningApp.get().withoutAccessRules("sbh-mitte", "sbh-nord");
    api = running.api;
  }

  @Test
  void aCitizenIsRoutedToAndBookedWithTheResponsibleCaseworker() {
    Api.Answer responsible =
        api.post(
            "/api/v1/responsibility",
            Map.of(
                "routing",
                Map.of(
                    "postalCode",
                    "80331",
                    "street",
                    "Sendlinger Str.",
                    "houseNumber",
                    "12",
                    "surname",
                    "Müller"),
                "serviceId",
                SERVICE));
    assertThat(responsible.status()).as(responsible.body()).isEqualTo(200);
    assertThat(responsible.json().get("officeId").asText()).isEqualTo("sbh-mitte");
    assertThat(responsible.json().get("responsible").asText()).isEqualTo("CASEWORKER");

    JsonNode everyone = api.get(MITTE_DAY).json();
    JsonNode routed = api.get(MITTE_DAY + "&postalCode=80331&surname=M%C3%BCller").json();
    assertThat(capacities(everyone))
        .as("three caseworkers serve the day")
        .anyMatch(capacity -> capacity >= 2);
    assertThat(capacities(routed))
        .as("only Müller's caseworker")
        .isNotEmpty()
        .allMatch(capacity -> capacity == 1);

    String start = routed.at("/days/0/slots/0/start").asText();
    Api.Answer hold =
        api.post(
            "/api/v1/holds",
            Map.of(
                "officeId",
                "sbh-mitte",
                "services",
                List.of(Api.service(SERVICE, 1)),
                "start",
                start,
                "routing",
                Map.of("postalCode", "80331", "surname", "Müller")));
    assertThat(hold.status()).as(hold.body()).isEqualTo(201);
    Api.Answer booked =
        api.post(
            "/api/v1/bookings",
            Map.of(
                "holdId", hold.json().get("holdId").asText(),
                "citizen", Map.of("name", "Hans Müller", "email", "hans.mueller@example.org")));
    assertThat(booked.status()).as(booked.body()).isEqualTo(201);

    JsonNode day =
        api.get("/api/v1/staff/offices/sbh-mitte/bookings?date=" + DAY, "Authorization", ADMIN)
            .json();
    JsonNode booking =
        StreamSupport.stream(day.get("bookings").spliterator(), false)
            .filter(
                entry ->
                    entry.get("reference").asText().equals(booked.json().get("reference").asText()))
            .findFirst()
            .orElseThrow();
    assertThat(booking.get("resourceId").asText()).isEqualTo("sbh-mitte-2");
  }

  @Test
  void anExistingCaseGoesToItsCaseworkerWhateverTheSurname() {
    Api.Answer byName =
        api.post(
            "/api/v1/responsibility",
            Map.of(
                "routing",
                Map.of("postalCode", "80331", "surname", "Arnim"),
                "serviceId",
                SERVICE));
    Api.Answer byCase =
        api.post(
            "/api/v1/responsibility",
            Map.of(
                "routing",
                Map.of("postalCode", "80331", "surname", "Arnim", "caseNumber", "SBH-M-1001"),
                "serviceId",
                SERVICE));

    assertThat(byName.json().get("caseRecognised").asBoolean()).isFalse();
    assertThat(byCase.json().get("caseRecognised").asBoolean()).isTrue();
    Api.Answer hold =
        api.post(
            "/api/v1/holds",
            Map.of(
                "officeId",
                "sbh-mitte",
                "services",
                List.of(Api.service(SERVICE, 1)),
                "start",
                DAY + "T14:30:00+01:00",
                "routing",
                Map.of("postalCode", "80331", "surname", "Arnim", "caseNumber", "SBH-M-1001")));
    assertThat(hold.status())
        .as("caseworker 2 works Tuesday afternoons: " + hold.body())
        .isEqualTo(201);
    Api.Answer byNameHold =
        api.post(
            "/api/v1/holds",
            Map.of(
                "officeId",
                "sbh-mitte",
                "services",
                List.of(Api.service(SERVICE, 1)),
                "start",
                DAY + "T14:30:00+01:00",
                "routing",
                Map.of("postalCode", "80331", "surname", "Arnim")));
    assertThat(byNameHold.status())
        .as("caseworker 1 works Tuesday mornings only: " + byNameHold.body())
        .isEqualTo(409);
  }

  @Test
  void anotherOfficeIsNotOffered_andAnExclusiveOfficeAsksForTheInputs() {
    Api.Answer wrongOffice =
        api.get(
            "/api/v1/offices/sbh-nord/availability?service="
                + SERVICE
                + "&from="
                + DAY
                + "&to="
                + DAY
                + "&postalCode=80331&surname=Weber");
    assertThat(wrongOffice.status()).isEqualTo(409);
    assertThat(wrongOffice.json().get("detail").asText()).contains("sbh-mitte");

    assertThat(
            api.put(
                    "/api/v1/admin/offices/sbh-nord/routing",
                    Map.of("exclusive", true),
                    "Authorization",
                    ADMIN)
                .status())
        .isEqualTo(200);
    running.routingChanged();
    try {
      String nordDay =
          "/api/v1/offices/sbh-nord/availability?service="
              + SERVICE
              + "&from="
              + DAY
              + "&to="
              + DAY;
      assertThat(api.get(nordDay).json().get("type").asText()).endsWith("/routing-required");
      assertThat(api.get(nordDay + "&postalCode=80937&surname=Weber").status()).isEqualTo(200);
      assertThat(api.get(nordDay + "&channel=PHONE", "Authorization", ADMIN).status())
          .as("staff look for callers' time")
          .isEqualTo(200);
      assertThat(api.get(nordDay + "&channel=PHONE").status())
          .as("citizens book online")
          .isEqualTo(403);
    } finally {
      api.put(
          "/api/v1/admin/offices/sbh-nord/routing",
          Map.of("exclusive", false),
          "Authorization",
          ADMIN);
      running.routingChanged();
    }
  }

  @Test
  void teamRulesImportedAsCsvTakeEffectAndABadFileChangesNothing() {
    String teamRules = "/api/v1/admin/offices/sbh-nord/routing/team-rules";
    Api.Answer bad = csv(teamRules, "buchstaben;sachbearbeitung\nA–M;sbh-nord-1\nN–Z;niemand\n");
    assertThat(bad.status()).isEqualTo(422);
    assertThat(bad.json().at("/errors/0/field").asText()).isEqualTo("line 3");
    assertThat(api.get(teamRules, "Authorization", ADMIN).json()).isEmpty();

    Api.Answer imported =
        csv(
            teamRules,
            "buchstaben;dienstleistung;sachbearbeitung\nA–M;"
                + SERVICE
                + ";sbh-nord-1\nN–Z;"
                + SERVICE
                + ";sbh-nord-2\n");
    assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    running.routingChanged();
    try {
      Api.Answer routed =
          api.post(
              "/api/v1/responsibility",
              Map.of(
                  "routing",
                  Map.of("postalCode", "80937", "surname", "Zimmermann"),
                  "serviceId",
                  SERVICE));
      assertThat(routed.json().get("responsible").asText()).isEqualTo("CASEWORKER");
    } finally {
      csv(teamRules, "initials;team_id\n");
      running.routingChanged();
    }
  }

  private Api.Answer csv(String path, String body) {
    return api.send(
        HttpRequest.newBuilder(api.uri(path))
            .header("Content-Type", "text/csv")
            .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)),
        "Authorization",
        ADMIN);
  }

  private static List<Integer> capacities(JsonNode availability) {
    return availability.get("days").findValues("capacity").stream().map(JsonNode::asInt).toList();
  }
}
