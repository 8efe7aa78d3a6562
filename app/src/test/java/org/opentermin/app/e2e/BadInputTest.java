package org.opentermin.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every kind of bad input gets a 4xx problem document that reveals nothing internal. */
class BadInputTest {

  private static final String AVAILABILITY =
      "/api/v1/offices/sbh-mitte/availability?service=wohngeld";
  private static final String ADMIN = Api.bearer(RunningApp.ADMIN_TOKEN);

  private Api api;

  @BeforeEach
  void startApp() {
    api = RunningApp.get().withoutAccessRules("sbh-mitte").api;
  }

  @Test
  void malformedJsonIsA400() {
    assertProblem(api.post("/api/v1/holds", "{\"officeId\": "), 400, "invalid-request");
    assertProblem(api.post("/api/v1/holds", "[]"), 400, "invalid-request");
    assertProblem(api.post("/api/v1/holds", "null"), 400, "invalid-request");
    assertProblem(api.post("/api/v1/holds", "{} {}"), 400, "invalid-request");
  }

  @Test
  void wrongTypesAndUnknownFieldsAreA400NamingTheField() {
    Api.Answer wrongType =
        api.post(
            "/api/v1/holds",
            Map.of(
                "officeId",
                "sbh-mitte",
                "services",
                List.of(Map.of("serviceId", "wohngeld", "persons", "two")),
                "start",
                "2026-12-01T08:00:00+01:00"));
    assertProblem(wrongType, 400, "invalid-request");
    assertThat(wrongType.json().get("errors").get(0).get("field").asText())
        .isEqualTo("services[0].persons");

    Api.Answer unknownField =
        api.post(
            "/api/v1/holds",
            Map.of(
                "officeId",
                "sbh-mitte",
                "services",
                List.of(),
                "start",
                "2026-12-01T08:00:00+01:00",
                "price",
                25));
    assertProblem(unknownField, 400, "invalid-request");
    assertThat(unknownField.json().get("errors").get(0).get("field").asText()).isEqualTo("price");

    Api.Answer badDate =
        api.post(
            "/api/v1/holds",
            Map.of(
                "officeId",
                "sbh-mitte",
                "services",
                List.of(Api.service("wohngeld", 1)),
                "start",
                "tomorrow at eight"));
    assertProblem(badDate, 400, "invalid-request");
    assertThat(badDate.json().get("errors").get(0).get("field").asText()).isEqualTo("start");

    Api.Answer badEnum =
        api.post("/api/v1/admin/tokens", Map.of("role", "KING"), "Authorization", ADMIN);
    assertProblem(badEnum, 400, "invalid-request");
  }

  @Test
  void missingAndOutOfRangeFieldsAreA422ListingEveryField() {
    Api.Answer missing =
        api.post("/api/v1/holds", Map.of("services", List.of(Api.service("wohngeld", 99))));

    assertProblem(missing, 422, "validation-failed");
    assertThat(missing.json().get("errors").findValuesAsText("field"))
        .containsExactly("officeId", "services[0].persons", "start");

    Api.Answer badCitizen =
        api.post(
            "/api/v1/bookings",
            Map.of(
                "holdId",
                "sbh-mitte.00000000-0000-4000-8000-000000000000",
                "citizen",
                Map.of("name", " ", "email", "not-an-address")));
    assertProblem(badCitizen, 422, "validation-failed");
    assertThat(badCitizen.json().get("errors").findValuesAsText("field"))
        .containsExactly("citizen.email", "citizen.name");

    Api.Answer badOffice =
        api.post(
            "/api/v1/admin/offices",
            Map.of(
                "name",
                "X",
                "timeZone",
                "Mars/Olympus",
                "state",
                "BY",
                "slotMinutes",
                7,
                "maxDaysAhead",
                30),
            "Authorization",
            ADMIN);
    assertProblem(badOffice, 422, "validation-failed");
    assertThat(badOffice.json().get("errors").findValuesAsText("field"))
        .containsExactly("timeZone");
  }

  @Test
  void unknownIdsAreA404OrA422() {
    assertProblem(api.get("/api/v1/offices/nirgendwo"), 404, "not-found");
    assertProblem(
        api.get("/api/v1/offices/nirgendwo/availability?service=wohngeld"), 404, "not-found");
    assertProblem(
        api.get("/api/v1/offices/sbh-mitte/availability?service=gibt-es-nicht"),
        422,
        "validation-failed");
    assertProblem(
        api.post(
            "/api/v1/bookings",
            Map.of(
                "holdId",
                "sbh-mitte.00000000-0000-4000-8000-000000000000",
                "citizen",
                Map.of("name", "A", "email", "a@example.org"))),
        404,
        "not-found");
    assertProblem(
        api.post(
            "/api/v1/bookings",
            Map.of(
                "holdId", "kein-hold", "citizen", Map.of("name", "A", "email", "a@example.org"))),
        404,
        "not-found");
    assertProblem(api.get("/api/v1/bookings/not-a-reference"), 404, "not-found");
  }

  @Test
  void badDateRangesAreRefused() {
    assertProblem(api.get(AVAILABILITY + "&from=2026-12-10&to=2026-12-01"), 400, "invalid-request");
    assertProblem(api.get(AVAILABILITY + "&from=2026-12-01&to=2027-03-31"), 400, "invalid-request");
    assertProblem(api.get(AVAILABILITY + "&from=2026-13-01"), 400, "invalid-request");
    assertProblem(api.get(AVAILABILITY + "&from=2027-06-01&to=2027-06-10"), 422, "outside-horizon");
    assertProblem(api.get(AVAILABILITY + "&from=2025-06-01&to=2025-06-10"), 422, "outside-horizon");
    assertProblem(api.get("/api/v1/offices/sbh-mitte/availability"), 400, "invalid-request");
    assertProblem(
        api.post(
            "/api/v1/holds",
            Map.of(
                "officeId",
                "sbh-mitte",
                "services",
                List.of(Api.service("wohngeld", 1)),
                "start",
                "2027-06-01T08:00:00+02:00")),
        409,
        "unavailable");
  }

  @Test
  void oversizedBodiesAndWrongContentTypesAreRefused() {
    // Only the headers are sent: the server must refuse by the declared length, before reading any
    // body. (Sending 70 KiB would race the server closing the connection under the sender.)
    String answer =
        rawRequest(
            "POST /api/v1/holds HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: "
                + 70 * 1024
                + "\r\nConnection: close\r\n\r\n");
    assertThat(answer)
        .startsWith("HTTP/1.1 413")
        .contains("application/problem+json")
        .contains("/payload-too-large");

    Api.Answer text =
        api.send(
            HttpRequest.newBuilder(api.uri("/api/v1/holds"))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
    assertProblem(text, 415, "unsupported-media-type");
  }

  @Test
  void unknownRoutesAndMethodsAreProblemsToo() {
    assertProblem(api.get("/api/v1/nothing-here"), 404, "not-found");
    assertProblem(
        api.send(HttpRequest.newBuilder(api.uri("/api/v1/offices")).DELETE()),
        405,
        "method-not-allowed");
  }

  @Test
  void anInvalidTokenIsA401BeforeTheBodyOrPathIsLookedAt() {
    assertProblem(
        api.post("/api/v1/holds", "{broken", "Authorization", Api.bearer("ot_invalid")),
        401,
        "unauthorized");
    assertProblem(
        api.get("/api/v1/staff/offices/no%20such%20office/bookings"), 401, "unauthorized");
    assertProblem(api.post("/api/v1/admin/offices/nirgendwo/closures", "{}"), 401, "unauthorized");
  }

  @Test
  void adminInputThatBreaksAnInvariantNamesTheField() {
    Api.Answer blankAddress =
        api.post(
            "/api/v1/admin/offices",
            Map.of(
                "name",
                "X",
                "timeZone",
                "Europe/Berlin",
                "state",
                "BY",
                "slotMinutes",
                10,
                "maxDaysAhead",
                30,
                "address",
                "   "),
            "Authorization",
            ADMIN);
    assertProblem(blankAddress, 422, "validation-failed");
    assertThat(blankAddress.json().get("errors").findValuesAsText("field"))
        .containsExactly("address");

    Api.Answer oddGrid =
        api.post(
            "/api/v1/admin/offices",
            Map.of(
                "name",
                "X",
                "timeZone",
                "Europe/Berlin",
                "state",
                "BY",
                "slotMinutes",
                7,
                "maxDaysAhead",
                30),
            "Authorization",
            ADMIN);
    assertThat(oddGrid.json().get("errors").findValuesAsText("field"))
        .containsExactly("slotMinutes");

    Api.Answer adminWithOffices =
        api.post(
            "/api/v1/admin/tokens",
            Map.of("role", "ADMIN", "officeIds", List.of("sbh-mitte")),
            "Authorization",
            ADMIN);
    assertProblem(adminWithOffices, 422, "validation-failed");

    Api.Answer backwards =
        api.put(
            "/api/v1/admin/offices/sbh-mitte/resources/unknown/schedule",
            Map.of(
                "rules", List.of(Map.of("days", List.of("MON"), "from", "12:00", "to", "08:00"))),
            "Authorization",
            ADMIN);
    assertProblem(backwards, 422, "validation-failed");
    assertThat(backwards.json().get("errors").findValuesAsText("field"))
        .containsExactly("rules[0]");
  }

  @Test
  void problemTitlesFollowAcceptLanguage() {
    Api.Answer german =
        api.get("/api/v1/offices/nirgendwo", "Accept-Language", "de-DE,de;q=0.9,en;q=0.5");
    Api.Answer english = api.get("/api/v1/offices/nirgendwo", "Accept-Language", "fr-FR");

    assertThat(german.json().get("title").asText()).isEqualTo("Nicht gefunden");
    assertThat(english.json().get("title").asText()).isEqualTo("Not found");
  }

  @Test
  void everyAnswerCarriesTheSecurityHeaders() {
    for (Api.Answer answer :
        List.of(api.get("/api/v1/offices"), api.get("/api/v1/nothing-here"), api.get("/health"))) {
      assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
      assertThat(answer.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
      assertThat(answer.header("Referrer-Policy")).isEqualTo("no-referrer");
    }
  }

  private static void assertProblem(Api.Answer answer, int status, String type) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.json().get("type").asText())
        .isEqualTo("https://opentermin.org/problems/" + type);
    assertThat(answer.json().get("status").asInt()).isEqualTo(status);
    assertThat(answer.json().get("title").asText()).isNotBlank();
    assertThat(answer.body())
        .doesNotContain("Exception", "org.opentermin", "com.fasterxml", "SQL", "\tat ");
  }

  /**
   * Sends {@code request} as it is over a plain socket and returns everything the server answers.
   */
  private String rawRequest(String request) {
    try (Socket socket = new Socket("127.0.0.1", api.uri("/").getPort())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException failure) {
      throw new UncheckedIOException(failure);
    }
  }
}
