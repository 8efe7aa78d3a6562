package org.opentermin.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AdminSetupTest {

  private static final String ADMIN = Api.bearer(RunningApp.ADMIN_TOKEN);

  private Api api;

  @BeforeEach
  void startApp() {
    api = RunningApp.get().api;
  }

  @Test
  void anAdminSetsUpAnOfficeThatCitizensCanBookAtOnce() {
    Api.Answer office =
        api.post(
            "/api/v1/admin/offices",
            Map.of(
                "name",
                "Sozialbürgerhaus Ost",
                "timeZone",
                "Europe/Berlin",
                "state",
                "BY",
                "slotMinutes",
                15,
                "holdMinutes",
                10,
                "minNoticeMinutes",
                60,
                "maxDaysAhead",
                30,
                "address",
                "Ostring 1, 81000 München"),
            "Authorization",
            ADMIN);
    assertThat(office.status()).isEqualTo(201);
    String officeId = office.json().get("id").asText();
    assertThat(officeId).startsWith("sozialbuergerhaus-ost-");

    Api.Answer service =
        api.post(
            "/api/v1/admin/services",
            Map.of(
                "id",
                "ost-beratung",
                "name",
                "Beratung",
                "durationMinutes",
                30,
                "maxPersons",
                2,
                "channels",
                List.of("ONLINE", "PHONE"),
                "sensitive",
                false),
            "Authorization",
            ADMIN);
    assertThat(service.status()).isEqualTo(201);

    Api.Answer resource =
        api.post(
            "/api/v1/admin/offices/" + officeId + "/resources",
            Map.of(
                "id",
                "frau-ost",
                "name",
                "Frau Ost",
                "kind",
                "CASEWORKER",
                "serviceIds",
                List.of("ost-beratung"),
                "team",
                "A-K"),
            "Authorization",
            ADMIN);
    assertThat(resource.status()).isEqualTo(201);

    Api.Answer schedule =
        api.put(
            "/api/v1/admin/offices/" + officeId + "/resources/frau-ost/schedule",
            Map.of(
                "rules",
                    List.of(Map.of("days", List.of("TUE", "WED"), "from", "08:00", "to", "12:00")),
                "breaks", List.of(Map.of("days", List.of("TUE"), "from", "10:00", "to", "10:30")),
                "absences", List.of(Map.of("from", "2026-12-09T00:00", "to", "2026-12-10T00:00"))),
            "Authorization",
            ADMIN);
    assertThat(schedule.status()).isEqualTo(200);
    assertThat(schedule.json().get("rules").get(0).get("from").asText()).isEqualTo("08:00");
    Api.Answer closure =
        api.post(
            "/api/v1/admin/offices/" + officeId + "/closures",
            Map.of("date", "2026-12-16", "reason", "Betriebsausflug"),
            "Authorization",
            ADMIN);
    assertThat(closure.status()).isEqualTo(201);

    JsonNode days =
        api.get(
                "/api/v1/offices/"
                    + officeId
                    + "/availability?service=ost-beratung&from=2026-12-01&to=2026-12-17")
            .json()
            .get("days");
    List<String> dates = days.findValuesAsText("date");
    // Tuesdays and Wednesdays, without the absence on the 9th and the closure on the 16th.
    assertThat(dates).containsExactly("2026-12-01", "2026-12-02", "2026-12-08", "2026-12-15");
    List<String> tuesday = days.get(0).findValuesAsText("start");
    assertThat(tuesday).first().isEqualTo("2026-12-01T08:00:00+01:00");
    assertThat(tuesday)
        .doesNotContain("2026-12-01T10:00:00+01:00", "2026-12-01T09:45:00+01:00")
        .contains("2026-12-01T10:30:00+01:00");
    assertThat(api.get("/api/v1/offices/" + officeId).json().get("address").asText())
        .isEqualTo("Ostring 1, 81000 München");
  }

  @Test
  void idsAreNotTakenTwice() {
    Map<String, Object> office =
        Map.of(
            "id",
            "doppelt",
            "name",
            "Doppelt",
            "timeZone",
            "Europe/Berlin",
            "state",
            "BE",
            "slotMinutes",
            10,
            "maxDaysAhead",
            30);
    assertThat(api.post("/api/v1/admin/offices", office, "Authorization", ADMIN).status())
        .isEqualTo(201);

    Api.Answer again = api.post("/api/v1/admin/offices", office, "Authorization", ADMIN);

    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("type").asText()).endsWith("/already-exists");
  }

  @Test
  void officeAdminsConfigureOnlyTheirOwnOfficesAndIssueOnlyStaffTokens() {
    String officeAdmin =
        Api.bearer(
            api.post(
                    "/api/v1/admin/tokens",
                    Map.of("role", "OFFICE_ADMIN", "officeIds", List.of("sbh-sued")),
                    "Authorization",
                    ADMIN)
                .json()
                .get("token")
                .asText());
    Map<String, Object> resource =
        Map.of(
            "name", "Aushilfe", "kind", "WORKSTATION", "serviceIds", List.of("unterlagen-abgeben"));

    assertThat(
            api.post(
                    "/api/v1/admin/offices/sbh-sued/resources",
                    resource,
                    "Authorization",
                    officeAdmin)
                .status())
        .isEqualTo(201);
    assertThat(
            api.post(
                    "/api/v1/admin/offices/sbh-nord/resources",
                    resource,
                    "Authorization",
                    officeAdmin)
                .status())
        .isEqualTo(403);
    assertThat(
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
                        30),
                    "Authorization",
                    officeAdmin)
                .status())
        .isEqualTo(403);
    assertThat(
            api.post(
                    "/api/v1/admin/tokens",
                    Map.of("role", "STAFF", "officeIds", List.of("sbh-sued")),
                    "Authorization",
                    officeAdmin)
                .status())
        .isEqualTo(201);
    assertThat(
            api.post(
                    "/api/v1/admin/tokens",
                    Map.of("role", "STAFF", "officeIds", List.of("sbh-nord")),
                    "Authorization",
                    officeAdmin)
                .status())
        .isEqualTo(403);
    assertThat(
            api.post("/api/v1/admin/tokens", Map.of("role", "ADMIN"), "Authorization", officeAdmin)
                .status())
        .isEqualTo(403);
  }

  @Test
  void staffTokensCannotAdministerAndTokensNeedKnownOffices() {
    String staff =
        Api.bearer(
            api.post(
                    "/api/v1/admin/tokens",
                    Map.of("role", "STAFF", "officeIds", List.of("sbh-sued")),
                    "Authorization",
                    ADMIN)
                .json()
                .get("token")
                .asText());

    assertThat(
            api.post(
                    "/api/v1/admin/services",
                    Map.of(
                        "name",
                        "X",
                        "durationMinutes",
                        10,
                        "maxPersons",
                        1,
                        "channels",
                        List.of("ONLINE")),
                    "Authorization",
                    staff)
                .status())
        .isEqualTo(403);
    assertThat(
            api.post(
                    "/api/v1/admin/offices/sbh-sued/closures",
                    Map.of("date", "2026-12-24", "reason", "x"),
                    "Authorization",
                    staff)
                .status())
        .isEqualTo(403);
    Api.Answer unknownOffice =
        api.post(
            "/api/v1/admin/tokens",
            Map.of("role", "STAFF", "officeIds", List.of("nirgendwo")),
            "Authorization",
            ADMIN);
    assertThat(unknownOffice.status()).isEqualTo(422);
    assertThat(unknownOffice.json().get("errors").get(0).get("field").asText())
        .isEqualTo("officeIds");
  }

  @Test
  void aResourceForAnUnknownOfficeOrServiceIsRefused() {
    assertThat(
            api.post(
                    "/api/v1/admin/offices/nirgendwo/resources",
                    Map.of("name", "A", "kind", "ROOM", "serviceIds", List.of("wohngeld")),
                    "Authorization",
                    ADMIN)
                .status())
        .isEqualTo(404);
    assertThat(
            api.post(
                    "/api/v1/admin/offices/sbh-sued/resources",
                    Map.of("name", "A", "kind", "ROOM", "serviceIds", List.of("gibt-es-nicht")),
                    "Authorization",
                    ADMIN)
                .status())
        .isEqualTo(422);
    assertThat(
            api.put(
                    "/api/v1/admin/offices/sbh-sued/resources/niemand/schedule",
                    Map.of("rules", List.of()),
                    "Authorization",
                    ADMIN)
                .status())
        .isEqualTo(404);
  }
}
