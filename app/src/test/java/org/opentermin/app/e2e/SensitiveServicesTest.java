package org.opentermin.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentermin.app.demo.DemoData;
import org.opentermin.core.catalog.Service;

/**
 * A sensitive service is never named in anything that leaves the system. It is booked end to end
 * (alone and together with a plain service), cancelled, read and cancelled by staff, refused and
 * offered from the waiting list, while everything that leaves is captured: the app's log (every
 * logger; OpenTermin's own at debug, request logs included), the metrics scrape, the calendar files
 * in both languages and the problem documents of refusals. Outside texts say only "appointment at"
 * the office. An office of its own, so that its names occur nowhere else.
 */
class SensitiveServicesTest {

  private static final String ADMIN = Api.bearer(RunningApp.ADMIN_TOKEN);
  private static final String OFFICE = "fachstelle-nordwest";
  private static final String OFFICE_NAME = "Fachstelle Nordwest";
  private static final String SENSITIVE = "suchtberatung";
  private static final String SENSITIVE_NAME = "Beratung bei Suchtfragen";
  private static final String PLAIN = "antrag-abgeben";
  private static final String PLAIN_NAME = "Antrag abgeben";
  private static final String DAY = "2026-12-02";

  private RunningApp running;
  private Api api;

  @BeforeEach
  void startApp() {
    running = RunningApp.get();
    api = running.api;
  }

  @Test
  void aSensitiveServiceIsNamedInNoLogMetricCalendarFileOrProblem() {
    setUpOffice();
    Booking alone = book("09:00", List.of(SENSITIVE), "Erika Mustermann", "erika@example.org");
    Booking second = book("09:20", List.of(SENSITIVE), "Max Mustermann", "max@example.org");
    Booking together =
        book("09:40", List.of(PLAIN, SENSITIVE), "Jonas Schmidt", "jonas@example.org");
    Booking plain = book("10:20", List.of(PLAIN), "Lena Weber", "lena@example.org");
    List<String> problems = new ArrayList<>();

    String calendar = calendar(alone, "en");
    String kalender = calendar(alone, "de");
    String togetherCalendar = calendar(together, "en");
    assertThat(calendar).contains("SUMMARY:Appointment at " + OFFICE_NAME, alone.reference());
    assertThat(kalender).contains("SUMMARY:Termin: " + OFFICE_NAME);
    assertThat(calendar(plain, "en"))
        .as("plain services are named, so the check below can fail")
        .contains(PLAIN_NAME);
    assertThat(togetherCalendar)
        .as("one sensitive service silences the plain one")
        .doesNotContain(PLAIN_NAME);

    Api.Answer joined =
        api.post(
            "/api/v1/waiting-list",
            Map.of(
                "officeId",
                OFFICE,
                "services",
                List.of(Api.service(SENSITIVE, 1)),
                "from",
                DAY,
                "to",
                DAY,
                "citizen",
                Map.of("name", "Petra Wartend", "email", "petra@example.org")));
    assertThat(joined.status()).as(joined.body()).isEqualTo(201);
    assertThat(
            api.post(
                    "/api/v1/bookings/" + alone.reference() + "/cancel",
                    Map.of("reason", "Ich schaffe es nicht"),
                    "X-Manage-Token",
                    alone.manageToken())
                .status())
        .isEqualTo(200);
    assertThat(running.app.serveWaitingListsNow()).isEqualTo(1);

    String staff =
        Api.bearer(
            api.post(
                    "/api/v1/admin/tokens",
                    Map.of("role", "STAFF", "officeIds", List.of(OFFICE)),
                    "Authorization",
                    ADMIN)
                .json()
                .get("token")
                .asText());
    assertThat(
            api.get(
                    "/api/v1/staff/offices/" + OFFICE + "/bookings?date=" + DAY,
                    "Authorization",
                    staff)
                .status())
        .isEqualTo(200);
    assertThat(
            api.get("/api/v1/staff/bookings/" + second.reference(), "Authorization", staff)
                .status())
        .isEqualTo(200);
    assertThat(
            api.get(
                    "/api/v1/staff/bookings/" + second.reference() + "/history",
                    "Authorization",
                    staff)
                .status())
        .isEqualTo(200);
    assertThat(
            api.post(
                    "/api/v1/staff/bookings/" + second.reference() + "/cancel",
                    Map.of("reason", "verlegt"),
                    "Authorization",
                    staff)
                .status())
        .isEqualTo(200);

    problems.add(
        refused(
            api.post(
                "/api/v1/holds",
                Map.of(
                    "officeId",
                    OFFICE,
                    "services",
                    List.of(Api.service(SENSITIVE, 2)),
                    "start",
                    DAY + "T10:20:00+01:00"))));
    problems.add(
        refused(
            api.post(
                "/api/v1/holds",
                Map.of(
                    "officeId",
                    OFFICE,
                    "services",
                    List.of(Api.service(SENSITIVE, 1)),
                    "start",
                    DAY + "T09:20:00+01:00",
                    "channel",
                    "PHONE"),
                "Authorization",
                staff)));
    problems.add(
        refused(
            api.get(
                "/api/v1/offices/"
                    + OFFICE
                    + "/availability?service="
                    + SENSITIVE
                    + "&service="
                    + SENSITIVE)));

    String metrics = api.get("/metrics").body();
    String log = RunningApp.log();

    assertThat(log)
        .as("the log is captured, notifications included")
        .contains("Notification WAITING_LIST_OFFER at office " + OFFICE)
        .contains("POST /api/v1/bookings -> 201");
    assertThat(metrics).as("the metrics are scraped").contains("opentermin_bookings_total");
    for (String outside :
        List.of(log, metrics, calendar, kalender, togetherCalendar, String.join("\n", problems))) {
      assertThat(outside).doesNotContain(SENSITIVE, SENSITIVE_NAME, "Sucht");
    }
    List<Service> sensitiveDemoServices =
        DemoData.around(LocalDate.of(2026, 11, 30)).services().stream()
            .filter(Service::sensitive)
            .toList();
    assertThat(sensitiveDemoServices).isNotEmpty();
    for (Service demo : sensitiveDemoServices) {
      assertThat(log).doesNotContain(demo.name(), demo.id().value());
      assertThat(metrics).doesNotContain(demo.name(), demo.id().value());
    }
  }

  private record Booking(String reference, String manageToken) {}

  private Booking book(String time, List<String> services, String name, String email) {
    Api.Answer hold =
        api.post(
            "/api/v1/holds",
            Map.of(
                "officeId",
                OFFICE,
                "services",
                services.stream().map(service -> Api.service(service, 1)).toList(),
                "start",
                DAY + "T" + time + ":00+01:00"));
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
    return new Booking(
        booked.json().get("reference").asText(), booked.json().get("manageToken").asText());
  }

  private String calendar(Booking booking, String language) {
    Api.Answer file =
        api.get(
            "/api/v1/bookings/"
                + booking.reference()
                + "/calendar.ics?token="
                + booking.manageToken(),
            "Accept-Language",
            language);
    assertThat(file.status()).isEqualTo(200);
    return file.body();
  }

  private static String refused(Api.Answer answer) {
    assertThat(answer.status()).as(answer.body()).isBetween(400, 499);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    return answer.body();
  }

  /**
   * One caseworker for both services, 09:00 to 10:40 on the day; the waiting list takes cancelled
   * times.
   */
  private void setUpOffice() {
    assertThat(
            api.post(
                    "/api/v1/admin/offices",
                    Map.of(
                        "id",
                        OFFICE,
                        "name",
                        OFFICE_NAME,
                        "timeZone",
                        "Europe/Berlin",
                        "state",
                        "BY",
                        "slotMinutes",
                        20,
                        "maxDaysAhead",
                        30,
                        "address",
                        "Dachauer Straße 90, 80335 München"),
                    "Authorization",
                    ADMIN)
                .status())
        .isEqualTo(201);
    assertThat(
            api.post(
                    "/api/v1/admin/services",
                    Map.of(
                        "id",
                        SENSITIVE,
                        "name",
                        SENSITIVE_NAME,
                        "durationMinutes",
                        20,
                        "maxPersons",
                        1,
                        "channels",
                        List.of("ONLINE"),
                        "sensitive",
                        true),
                    "Authorization",
                    ADMIN)
                .status())
        .isEqualTo(201);
    assertThat(
            api.post(
                    "/api/v1/admin/services",
                    Map.of(
                        "id",
                        PLAIN,
                        "name",
                        PLAIN_NAME,
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
                        "frau-vertraulich",
                        "name",
                        "Frau Vertraulich",
                        "kind",
                        "CASEWORKER",
                        "serviceIds",
                        List.of(SENSITIVE, PLAIN)),
                    "Authorization",
                    ADMIN)
                .status())
        .isEqualTo(201);
    assertThat(
            api.put(
                    "/api/v1/admin/offices/" + OFFICE + "/resources/frau-vertraulich/schedule",
                    Map.of(
                        "rules",
                        List.of(),
                        "extraTimes",
                        List.of(Map.of("date", DAY, "from", "09:00", "to", "10:40"))),
                    "Authorization",
                    ADMIN)
                .status())
        .isEqualTo(200);
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
    running.clock.advance(Duration.ofSeconds(2));
  }
}
