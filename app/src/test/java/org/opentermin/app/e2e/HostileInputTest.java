package org.opentermin.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Requests found by throwing hostile input at the running app, each of which once got a 500: now
 * each gets a 4xx problem document with the security headers, and nothing of it reaches the log.
 */
class HostileInputTest {

  private static final String ADMIN = Api.bearer(RunningApp.ADMIN_TOKEN);
  private static final String AVAILABILITY =
      "/api/v1/offices/sbh-mitte/availability?service=wohngeld";

  private Api api;

  @BeforeEach
  void startApp() {
    api = RunningApp.get().withoutAccessRules("sbh-mitte").api;
  }

  @Test
  void aHoldForAServiceNoCaseworkerOfTheOfficeOffersIsUnavailable() {
    Api.Answer created =
        api.post(
            "/api/v1/admin/services",
            Map.of(
                "id",
                "nirgends-angeboten",
                "name",
                "Nirgends angeboten",
                "durationMinutes",
                20,
                "maxPersons",
                1,
                "channels",
                List.of("ONLINE")),
            "Authorization",
            ADMIN);
    assertThat(created.status()).as(created.body()).isIn(201, 409);

    Api.Answer hold =
        api.post(
            "/api/v1/holds",
            Map.of(
                "officeId",
                "sbh-mitte",
                "services",
                List.of(Api.service("nirgends-angeboten", 1)),
                "start",
                "2026-12-01T08:00:00+01:00"));

    assertProblem(hold, 409, "unavailable");
  }

  @Test
  void aMalformedPercentEscapeInThePathIsA400() {
    String answer =
        raw("GET /api/v1/offices/%u002e HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    assertRawProblem(answer, 400);
    assertRawProblem(
        raw(
            "GET /api/v1/offices/sbh-mitte/availability/%zz HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\n"
                + "Connection: close\r\n\r\n"),
        400);
    assertRawProblem(
        raw(
            "GET /api/v1/offices/sbh-mitte/availability?service=wohngeld&from=%zz HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\n"
                + "Connection: close\r\n\r\n"),
        400);
  }

  @Test
  void availabilityForAFarFutureOrPastDateIsA400NamingTheParameter() {
    Api.Answer farFuture = api.get(AVAILABILITY + "&from=%2B999999999-12-31");
    assertProblem(farFuture, 400, "invalid-request");
    assertThat(farFuture.json().get("errors").get(0).get("field").asText()).isEqualTo("from");
    assertProblem(
        api.get(AVAILABILITY + "&from=2026-12-01&to=%2B999999999-12-31"), 400, "invalid-request");
    assertProblem(api.get(AVAILABILITY + "&from=-999999999-01-01"), 400, "invalid-request");
  }

  @Test
  void theStaffDayOfADateThePostgresTimestampCannotHoldIsA400() {
    for (String date :
        List.of(
            "%2B999999999-12-31",
            "-999999999-01-01", "%2B294277-01-01", "1899-12-31", "2200-01-01")) {
      Api.Answer day =
          api.get("/api/v1/staff/offices/sbh-mitte/bookings?date=" + date, "Authorization", ADMIN);
      assertProblem(day, 400, "invalid-request");
      assertThat(day.json().get("errors").get(0).get("field").asText()).isEqualTo("date");
    }
    assertThat(
            api.get(
                    "/api/v1/staff/offices/sbh-mitte/bookings?date=2199-12-31",
                    "Authorization",
                    ADMIN)
                .status())
        .isEqualTo(200);
  }

  @Test
  void aStartGivenAsANumberIsTheWrongType() {
    Api.Answer hold =
        api.post(
            "/api/v1/holds",
            Map.of(
                "officeId",
                "sbh-mitte",
                "services",
                List.of(Api.service("wohngeld", 1)),
                "start",
                123));

    assertProblem(hold, 400, "invalid-request");
    assertThat(hold.json().get("errors").get(0).get("field").asText()).isEqualTo("start");
  }

  @Test
  void aLoneSurrogateInANameIsRefusedInsteadOfStoredAsAQuestionMark() {
    Api.Answer booking =
        api.post(
            "/api/v1/bookings",
            "{\"holdId\": \"sbh-mitte.00000000-0000-4000-8000-000000000000\", \"citizen\":"
                + " {\"name\": \"Erika \\ud800 Mustermann\", \"email\": \"erika@example.org\"}}");

    assertProblem(booking, 400, "invalid-request");
    assertThat(booking.json().get("errors").get(0).get("field").asText()).isEqualTo("citizen.name");
  }

  @Test
  void aChunkSizeBeyondAnyNumberIsA400() {
    String answer =
        raw(
            "POST /api/v1/holds HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\n"
                + "Content-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n"
                + "Connection: close\r\n\r\n"
                + "ffffffffffffffff\r\n"
                + "{}\r\n"
                + "0\r\n\r\n");
    assertThat(answer).startsWith("HTTP/1.1 4");
    assertThat(answer).doesNotContain("Exception", "\tat ", "org.eclipse");
  }

  @Test
  void jettysOwnRefusalsAreProblemDocumentsWithTheSecurityHeaders() {
    String unknownVersion =
        raw("GET /api/v1/offices HTTP/1.7\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    assertRawProblem(unknownVersion, 505);
    String longTarget =
        raw(
            "GET /api/v1/offices?q="
                + "x".repeat(20_000)
                + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    assertRawProblem(longTarget, 414);
    String hugeHeader =
        raw(
            "GET /api/v1/offices HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: "
                + "y".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n");
    assertRawProblem(hugeHeader, 431);
    String badHost =
        raw(
            "GET /api/v1/bookings/OT-AAAA?token=secret-manage-token-4711 HTTP/1.1\r\n"
                + "Host: [::1\r\n"
                + "Connection: close\r\n\r\n");
    assertRawProblem(badHost, 400);
  }

  @Test
  void aBadAuthorityDoesNotLogTheRequestTarget() {
    String token = "leaked-manage-token-" + System.nanoTime();
    raw(
        "GET /api/v1/bookings/OT-AAAA/calendar.ics?token="
            + token
            + " HTTP/1.1\r\nHost: a b\r\nConnection: close\r\n\r\n");
    raw(
        "GET http://exa mple.org/api/v1/bookings/OT-AAAA/calendar.ics?token="
            + token
            + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + "Connection: close\r\n\r\n");
    raw(
        "GET /api/v1/bookings/OT-AAAA/calendar.ics?token="
            + token
            + " HTTP/1.1\r\nHost: [::1\r\nConnection: close\r\n\r\n");
    raw(
        "GET /api/v1/offices HTTP/1.1\r\n"
            + "Host: 127.0.0.1/api/v1/bookings/OT-AAAA/calendar.ics?token="
            + token
            + "\r\nConnection: close\r\n\r\n");
    raw("GET /api/v1/offices HTTP/1.1\r\nHost: [" + token + "]\r\nConnection: close\r\n\r\n");

    assertThat(RunningApp.log()).doesNotContain(token);
  }

  @Test
  void aClientClosingInTheMiddleOfItsBodyIsNoError() throws IOException {
    String marker = "mid-body-" + System.nanoTime();
    int logStart = RunningApp.log().length();
    try (Socket socket = new Socket("127.0.0.1", api.uri("/").getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /api/v1/holds?m="
                  + marker
                  + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                  + "Content-Length: 1000\r\n\r\n{\"officeId\": \"sbh-")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
    }
    // The next request is answered once the server has given up on the one before.
    assertThat(api.get("/health").status()).isEqualTo(200);
    assertThat(RunningApp.log().substring(logStart)).doesNotContain("ERROR").doesNotContain(marker);
  }

  private static void assertProblem(Api.Answer answer, int status, String type) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.json().get("type").asText())
        .isEqualTo("https://opentermin.org/problems/" + type);
    assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(answer.body()).doesNotContain("Exception", "org.opentermin", "\tat ");
  }

  private static void assertRawProblem(String answer, int status) {
    assertThat(answer).startsWith("HTTP/1.1 " + status);
    String head =
        answer
            .substring(0, Math.max(0, answer.indexOf("\r\n\r\n")))
            .toLowerCase(java.util.Locale.ROOT);
    assertThat(head)
        .contains(
            "content-type: application/problem+json",
            "x-content-type-options: nosniff",
            "content-security-policy: frame-ancestors 'none'",
            "referrer-policy: no-referrer");
    assertThat(answer)
        .contains("\"status\":" + status)
        .doesNotContain("<html", "Exception", "\tat ", "org.eclipse");
  }

  /**
   * Sends {@code request} as it is over a plain socket and returns everything the server answers.
   */
  private String raw(String request) {
    try (Socket socket = new Socket("127.0.0.1", api.uri("/").getPort())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
      socket.getOutputStream().flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException failure) {
      throw new UncheckedIOException(failure);
    }
  }
}
