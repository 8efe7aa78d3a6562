package org.opentermin.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Privacy by design through the running app on PostgreSQL: a citizen's note reaches the staff, the
 * citizen downloads everything stored and erases it early, and the retention job erases what the
 * office's period no longer allows, exactly at its boundary. The office is set up through the admin
 * API with a retention period of one day, so that no other test's bookings are due.
 */
class PrivacyTest {

  private static final String ADMIN = Api.bearer(RunningApp.ADMIN_TOKEN);
  private static final String OFFICE = "datenschutz-amt";
  private static final String SERVICE = "vertrauliche-beratung";
  private static final String NOTE = "Bitte ein Raum ohne Stufen, ich komme im Rollstuhl.";

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
  void theCitizenSeesAndDownloadsTheirDataAndErasesItEarly() {
    Booking booking = book("2026-12-01T10:00:00+01:00");
    String path = "/api/v1/bookings/" + booking.reference();

    assertThat(api.get(path, "X-Manage-Token", booking.token()).json().at("/citizen/note").asText())
        .isEqualTo(NOTE);
    JsonNode staffDay =
        api.get(
                "/api/v1/staff/offices/" + OFFICE + "/bookings?date=2026-12-01",
                "Authorization",
                ADMIN)
            .json();
    assertThat(staffDay.findValuesAsText("note"))
        .as("the office's staff see the note")
        .contains(NOTE);
    Api.Answer download = api.get(path + "/data", "X-Manage-Token", booking.token());
    assertThat(download.status()).isEqualTo(200);
    assertThat(download.header("Content-Disposition")).startsWith("attachment");
    assertThat(download.json().at("/citizen/note").asText()).isEqualTo(NOTE);
    assertThat(download.json().at("/retention/days").asInt()).isEqualTo(1);
    assertThat(download.json().at("/retention/erasureDue").asText())
        .isEqualTo("2026-12-02T09:20:00Z");
    assertThat(api.get(path + "/calendar.ics?token=" + booking.token()).body())
        .doesNotContain("Rollstuhl");

    Api.Answer erased = api.delete(path, "X-Manage-Token", booking.token());

    assertThat(erased.status()).as(erased.body()).isEqualTo(200);
    assertThat(erased.json().get("status").asText()).isEqualTo("CANCELLED");
    for (String after :
        List.of(path, path + "/data", path + "/calendar.ics?token=" + booking.token())) {
      assertThat(api.get(after, "X-Manage-Token", booking.token()).status())
          .as(after)
          .isEqualTo(404);
    }
    JsonNode left =
        api.get(
                "/api/v1/staff/offices/" + OFFICE + "/bookings?date=2026-12-01",
                "Authorization",
                ADMIN)
            .json();
    assertThat(left.get("bookings").findValuesAsText("erasedAt")).isNotEmpty();
    assertThat(left.toString()).doesNotContain(booking.reference(), "Erika", "Rollstuhl");
    assertThat(audited("ERASED")).as("the audit log records who erased").contains("CITIZEN");
    assertThat(book("2026-12-01T10:00:00+01:00").reference())
        .as("the cancelled time is free again")
        .isNotEmpty();
  }

  @Test
  void theRetentionJobErasesTheDataOneDayAfterTheAppointmentAndNotBefore() {
    Booking booking = book("2026-12-02T09:00:00+01:00");
    String path = "/api/v1/bookings/" + booking.reference();
    Instant end = Instant.parse("2026-12-02T08:20:00Z");

    running.clock.set(end.plus(Duration.ofDays(1)).minusSeconds(1));
    running.app.eraseExpiredPersonalData();
    assertThat(api.get(path, "X-Manage-Token", booking.token()).status())
        .as("a second before")
        .isEqualTo(200);

    running.clock.set(end.plus(Duration.ofDays(1)));
    running.app.eraseExpiredPersonalData();
    assertThat(api.get(path, "X-Manage-Token", booking.token()).status())
        .as("at the boundary")
        .isEqualTo(404);

    JsonNode day =
        api.get(
                "/api/v1/staff/offices/" + OFFICE + "/bookings?date=2026-12-02",
                "Authorization",
                ADMIN)
            .json();
    JsonNode statistics = day.get("bookings").get(0);
    assertThat(statistics.get("status").asText()).isEqualTo("CONFIRMED");
    assertThat(statistics.get("start").asText()).isEqualTo("2026-12-02T09:00:00+01:00");
    assertThat(statistics.has("citizen")).isFalse();
    assertThat(statistics.has("reference")).isFalse();
    assertThat(statistics.get("erasedAt").asText()).isEqualTo("2026-12-03T08:20:00Z");
    assertThat(audited("ERASED")).as("the retention job's erasure is audited").contains("SYSTEM");
  }

  /** The actor kinds of the office's audit entries with {@code action}. */
  private List<String> audited(String action) {
    JsonNode page =
        api.get("/api/v1/admin/offices/" + OFFICE + "/audit?limit=500", "Authorization", ADMIN)
            .json();
    List<String> actors = new ArrayList<>();
    page.get("entries")
        .forEach(
            entry -> {
              if (entry.get("action").asText().equals(action)) {
                actors.add(entry.get("actorKind").asText());
              }
            });
    return actors;
  }

  private record Booking(String reference, String token) {}

  private Booking book(String start) {
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
                Map.of("name", "Erika Mustermann", "email", "erika@example.org", "note", NOTE)));
    assertThat(booked.status()).as(booked.body()).isEqualTo(201);
    return new Booking(
        booked.json().get("reference").asText(), booked.json().get("manageToken").asText());
  }

  /** One caseworker who works weekday mornings; personal data is kept for a day. */
  private void setUpOffice() {
    assertThat(
            api.post(
                    "/api/v1/admin/offices",
                    Map.of(
                        "id",
                        OFFICE,
                        "name",
                        "Amt für Datenschutzproben",
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
                        "Vertrauliche Beratung",
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
                    "/api/v1/admin/offices/" + OFFICE + "/resources",
                    Map.of(
                        "id",
                        "herr-diskret",
                        "name",
                        "Herr Diskret",
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
                    "/api/v1/admin/offices/" + OFFICE + "/resources/herr-diskret/schedule",
                    Map.of(
                        "rules",
                        List.of(
                            Map.of(
                                "days",
                                List.of("MON", "TUE", "WED", "THU", "FRI"),
                                "from",
                                "08:00",
                                "to",
                                "12:00"))),
                    "Authorization",
                    ADMIN)
                .status())
        .isEqualTo(200);
    Api.Answer retention =
        api.put(
            "/api/v1/admin/offices/" + OFFICE + "/retention",
            Map.of("retentionDays", 1),
            "Authorization",
            ADMIN);
    assertThat(retention.status()).as(retention.body()).isEqualTo(200);
    // Instances look for schedule changes at most every second of their clock.
    running.clock.advance(Duration.ofSeconds(2));
  }
}
