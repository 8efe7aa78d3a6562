package org.opentermin.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The audit log through the API: staff reads and every change end up in the office's log, which its
 * administrators (and admins) read page by page and nobody else does. An office of its own, so that
 * the test knows every entry.
 */
class AuditLogTest {

  private static final String ADMIN = Api.bearer(RunningApp.ADMIN_TOKEN);
  private static final String OFFICE = "protokoll-amt";
  private static final String SERVICE = "protokoll-beratung";
  private static final String DAY = "2026-12-04";

  private RunningApp running;
  private Api api;

  @BeforeEach
  void startApp() {
    running = RunningApp.get();
    api = running.api;
    if (api.get("/api/v1/offices/" + OFFICE).status() == 404) {
      setUpOffice();
    }
  }

  @Test
  void theOfficeAdminSeesWhoReadAndChangedABookingButNoPersonalData() {
    Token staff = token("STAFF", OFFICE);
    Token officeAdmin = token("OFFICE_ADMIN", OFFICE);
    String reference = book("Erika Mustermann", "erika.mustermann@example.org");

    assertThat(
            api.get(
                    "/api/v1/staff/offices/" + OFFICE + "/bookings?date=" + DAY,
                    "Authorization",
                    staff.bearer())
                .status())
        .isEqualTo(200);
    assertThat(
            api.get("/api/v1/staff/bookings/" + reference, "Authorization", staff.bearer())
                .status())
        .isEqualTo(200);
    assertThat(
            api.get(
                    "/api/v1/staff/bookings/" + reference + "/history",
                    "Authorization",
                    staff.bearer())
                .status())
        .isEqualTo(200);
    assertThat(
            api.post(
                    "/api/v1/staff/bookings/" + reference + "/cancel",
                    Map.of("reason", "Frau Mustermann ist erkrankt"),
                    "Authorization",
                    staff.bearer())
                .status())
        .isEqualTo(200);

    List<JsonNode> entries = allEntries(officeAdmin.bearer(), "");

    assertThat(entries)
        .filteredOn(entry -> reference.equals(entry.path("reference").asText()))
        .extracting(
            entry -> entry.get("action").asText(),
            entry -> entry.get("actorKind").asText(),
            entry -> entry.path("actorId").asText())
        .containsExactly(
            tuple("BOOKED", "CITIZEN", ""),
            tuple("VIEWED_BOOKING", "STAFF", staff.id()),
            tuple("VIEWED_HISTORY", "STAFF", staff.id()),
            tuple("CANCELLED", "STAFF", staff.id()));
    assertThat(entries)
        .filteredOn(entry -> entry.get("action").asText().equals("VIEWED_DAY"))
        .filteredOn(entry -> entry.path("actorId").asText().equals(staff.id()))
        .singleElement()
        .satisfies(
            entry -> {
              assertThat(entry.get("detail").asText()).isEqualTo(DAY);
              assertThat(entry.get("at").asText()).isEqualTo("2026-11-30T06:00:00Z");
            });
    assertThat(entries.toString())
        .doesNotContain("Erika", "Mustermann", "erika.mustermann@example.org", "erkrankt");
  }

  @Test
  void configurationChangesAreInTheOfficesLogWithWhoMadeThem() {
    Token officeAdmin = token("OFFICE_ADMIN", OFFICE);

    assertThat(
            api.post(
                    "/api/v1/admin/offices/" + OFFICE + "/closures",
                    Map.of("date", "2027-02-16", "reason", "Faschingsdienstag"),
                    "Authorization",
                    officeAdmin.bearer())
                .status())
        .isEqualTo(201);

    List<JsonNode> configured =
        allEntries(officeAdmin.bearer(), "").stream()
            .filter(entry -> entry.get("action").asText().equals("CONFIGURED"))
            .toList();
    assertThat(configured)
        .extracting(entry -> entry.path("actorId").asText(), entry -> entry.get("detail").asText())
        .contains(tuple(officeAdmin.id(), "closure on 2027-02-16"));
    assertThat(configured)
        .extracting(entry -> entry.get("detail").asText())
        .contains(
            "office created",
            "resource herr-protokoll created",
            "working time of resource herr-protokoll replaced");
    assertThat(configured)
        .allSatisfy(entry -> assertThat(entry.get("actorKind").asText()).isEqualTo("STAFF"));
  }

  @Test
  void onlyAdminsAndTheOfficesOwnAdminsReadTheLog() {
    String path = "/api/v1/admin/offices/" + OFFICE + "/audit";

    assertThat(api.get(path).status()).isEqualTo(401);
    assertThat(api.get(path, "Authorization", token("STAFF", OFFICE).bearer()).status())
        .isEqualTo(403);
    assertThat(api.get(path, "Authorization", token("OFFICE_ADMIN", "sbh-nord").bearer()).status())
        .isEqualTo(403);
    assertThat(api.get(path, "Authorization", token("OFFICE_ADMIN", OFFICE).bearer()).status())
        .isEqualTo(200);
    assertThat(api.get(path, "Authorization", ADMIN).status()).isEqualTo(200);
    assertThat(
            api.get("/api/v1/admin/offices/no-such-office/audit", "Authorization", ADMIN).status())
        .isEqualTo(404);
  }

  @Test
  void aTimeRangeNarrowsTheLogAndPagesFollowOneAnother() {
    Token staff = token("STAFF", OFFICE);
    Instant first = Instant.parse("2026-11-30T10:00:00Z");
    for (int hour = 0; hour < 3; hour++) {
      running.clock.set(first.plus(Duration.ofHours(hour)));
      assertThat(
              api.get(
                      "/api/v1/staff/offices/" + OFFICE + "/bookings?date=" + DAY,
                      "Authorization",
                      staff.bearer())
                  .status())
          .isEqualTo(200);
    }
    String range = "&from=2026-11-30T11:00:00Z&to=2026-11-30T13:00:00%2B01:00";

    List<JsonNode> secondOnly = allEntries(ADMIN, range);
    List<JsonNode> paged = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    String cursor = "";
    do {
      JsonNode page =
          api.get(
                  "/api/v1/admin/offices/"
                      + OFFICE
                      + "/audit?limit=1&from=2026-11-30T10:00:00Z"
                      + cursor,
                  "Authorization",
                  ADMIN)
              .json();
      page.get("entries").forEach(paged::add);
      sizes.add(page.get("entries").size());
      cursor = page.hasNonNull("nextCursor") ? "&cursor=" + page.get("nextCursor").asText() : "";
    } while (!cursor.isEmpty());

    assertThat(secondOnly)
        .filteredOn(entry -> entry.path("actorId").asText().equals(staff.id()))
        .extracting(entry -> entry.get("at").asText())
        .containsExactly("2026-11-30T11:00:00Z");
    assertThat(paged)
        .filteredOn(entry -> entry.path("actorId").asText().equals(staff.id()))
        .extracting(entry -> entry.get("at").asText())
        .containsExactly("2026-11-30T10:00:00Z", "2026-11-30T11:00:00Z", "2026-11-30T12:00:00Z");
    assertThat(sizes).allMatch(size -> size == 1);
  }

  @Test
  void malformedPagingIsAProblemNotAFailure() {
    for (String query :
        List.of(
            "limit=0",
            "limit=501",
            "limit=ten",
            "cursor=-1",
            "cursor=abc",
            "from=yesterday",
            "from=2026-12-01T00:00:00Z&to=2026-11-30T00:00:00Z")) {
      Api.Answer answer =
          api.get("/api/v1/admin/offices/" + OFFICE + "/audit?" + query, "Authorization", ADMIN);

      assertThat(answer.status()).as(query).isEqualTo(400);
      assertThat(answer.contentType()).as(query).startsWith("application/problem+json");
    }
  }

  private record Token(String id, String token) {
    String bearer() {
      return Api.bearer(token);
    }
  }

  private Token token(String role, String office) {
    Api.Answer issued =
        api.post(
            "/api/v1/admin/tokens",
            Map.of("role", role, "officeIds", List.of(office)),
            "Authorization",
            ADMIN);
    assertThat(issued.status()).isEqualTo(201);
    return new Token(issued.json().get("tokenId").asText(), issued.json().get("token").asText());
  }

  /** Every entry of the office's log within the query's range, following the pages to the end. */
  private List<JsonNode> allEntries(String bearer, String range) {
    List<JsonNode> entries = new ArrayList<>();
    String cursor = "";
    for (int pages = 0; pages < 100; pages++) {
      Api.Answer page =
          api.get(
              "/api/v1/admin/offices/" + OFFICE + "/audit?limit=50" + range + cursor,
              "Authorization",
              bearer);
      assertThat(page.status()).as(page.body()).isEqualTo(200);
      page.json().get("entries").forEach(entries::add);
      if (!page.json().hasNonNull("nextCursor")) {
        return entries;
      }
      cursor = "&cursor=" + page.json().get("nextCursor").asText();
    }
    throw new AssertionError("the audit log did not end after 100 pages");
  }

  private String book(String name, String email) {
    String start =
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
    assertThat(hold.status()).as(hold.body()).isEqualTo(201);
    Api.Answer booked =
        api.post(
            "/api/v1/bookings",
            Map.of(
                "holdId",
                hold.json().get("holdId").asText(),
                "citizen",
                Map.of("name", name, "email", email)));
    assertThat(booked.status()).as(booked.body()).isEqualTo(201);
    return booked.json().get("reference").asText();
  }

  /** One caseworker who works the morning of the day. */
  private void setUpOffice() {
    assertThat(
            api.post(
                    "/api/v1/admin/offices",
                    Map.of(
                        "id",
                        OFFICE,
                        "name",
                        "Amt mit Protokoll",
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
                        "Beratung mit Protokoll",
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
                        "herr-protokoll",
                        "name",
                        "Herr Protokoll",
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
                    "/api/v1/admin/offices/" + OFFICE + "/resources/herr-protokoll/schedule",
                    Map.of(
                        "rules",
                        List.of(),
                        "extraTimes",
                        List.of(Map.of("date", DAY, "from", "08:00", "to", "12:00"))),
                    "Authorization",
                    ADMIN)
                .status())
        .isEqualTo(200);
    // Instances look for schedule changes at most every second of their clock.
    running.clock.advance(Duration.ofSeconds(2));
  }
}
