package org.opentermin.http.calendar;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.PropertyContainer;
import net.fortuna.ical4j.model.component.Observance;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.junit.jupiter.api.Test;

class CalendarFileTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final Instant STAMP = Instant.parse("2026-11-20T09:30:00Z");
  private static final String ADDRESS = "Straße 1, 80331 München; 2. OG";

  @Test
  void winterAppointmentInBerlinIsOneHourAheadOfUtc() throws Exception {
    String text = CalendarFile.render(appointment(LocalDateTime.parse("2026-12-01T08:00")));

    assertThat(text)
        .contains("\r\nDTSTART;TZID=Europe/Berlin:20261201T080000\r\n")
        .contains("\r\nDTEND;TZID=Europe/Berlin:20261201T083000\r\n");
    VEvent event = event(parse(text));
    assertThat(instant(event.getDateTimeStart().getDate())).isEqualTo("2026-12-01T07:00:00Z");
    assertThat(instant(event.getDateTimeEnd().getDate())).isEqualTo("2026-12-01T07:30:00Z");
  }

  @Test
  void appointmentOnlineHasItsUrlAndAnAppointmentWithoutNoneAtAll() throws Exception {
    String link = "https://video.example.org/rooms/qk4x7m2v9zt3abcdefghjk2345";
    CalendarEntry plain = appointment(LocalDateTime.parse("2026-12-01T08:00"));
    CalendarEntry online =
        new CalendarEntry(
            plain.uid(),
            plain.sequence(),
            plain.stamp(),
            plain.start(),
            plain.end(),
            plain.zone(),
            plain.summary(),
            Optional.of(link),
            plain.description(),
            false,
            Optional.of(java.net.URI.create(link)));

    assertThat(value(event(parse(CalendarFile.render(online))), Property.URL)).contains(link);
    assertThat(value(event(parse(CalendarFile.render(online))), Property.LOCATION)).contains(link);
    assertThat(value(event(parse(CalendarFile.render(plain))), Property.URL)).isEmpty();
  }

  @Test
  void summerAppointmentInBerlinUsesTheDaylightOffset() throws Exception {
    String text = CalendarFile.render(appointment(LocalDateTime.parse("2027-06-15T09:00")));

    assertThat(text).contains("\r\nDTSTART;TZID=Europe/Berlin:20270615T090000\r\n");
    VEvent event = event(parse(text));
    assertThat(instant(event.getDateTimeStart().getDate())).isEqualTo("2027-06-15T07:00:00Z");
    assertThat(instant(event.getDateTimeEnd().getDate())).isEqualTo("2027-06-15T07:30:00Z");
  }

  @Test
  void fileCarriesTheZoneWithItsStandardAndDaylightRules() throws Exception {
    Calendar calendar =
        parse(CalendarFile.render(appointment(LocalDateTime.parse("2026-12-01T08:00"))));

    VTimeZone zone = calendar.<VTimeZone>getComponent(Component.VTIMEZONE).orElseThrow();
    assertThat(value(zone, Property.TZID)).contains("Europe/Berlin");
    assertThat(rules(zone, Observance.DAYLIGHT)).contains("FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU");
    assertThat(rules(zone, Observance.STANDARD)).contains("FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU");
    assertThat(value(zone, Property.TZURL))
        .as("no invitation to fetch zones from a third party")
        .isEmpty();
  }

  @Test
  void confirmedBookingIsPublishedWithItsIdentityAndStamp() throws Exception {
    String text = CalendarFile.render(appointment(LocalDateTime.parse("2026-12-01T08:00")));

    assertThat(text).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
    Calendar calendar = parse(text);
    assertThat(value(calendar, Property.PRODID)).contains("-//OpenTermin//OpenTermin//EN");
    assertThat(value(calendar, Property.VERSION)).contains("2.0");
    assertThat(value(calendar, Property.METHOD)).contains("PUBLISH");
    assertThat(calendar.getComponents(Component.VEVENT)).hasSize(1);
    VEvent event = event(calendar);
    assertThat(value(event, Property.UID)).contains("b-7f3a9c@opentermin.example");
    assertThat(value(event, Property.SEQUENCE)).contains("0");
    assertThat(value(event, Property.STATUS)).contains("CONFIRMED");
    assertThat(value(event, Property.SUMMARY)).contains("Beratung Grundsicherung");
    assertThat(text).contains("\r\nDTSTAMP:20261120T093000Z\r\n");
  }

  @Test
  void cancelledBookingIsSentAsCancellationWithHigherSequence() throws Exception {
    CalendarEntry cancelled =
        new CalendarEntry(
            "b-7f3a9c@opentermin.example",
            1,
            STAMP.plus(Duration.ofDays(2)),
            LocalDateTime.parse("2026-12-01T08:00").atZone(BERLIN).toInstant(),
            LocalDateTime.parse("2026-12-01T08:30").atZone(BERLIN).toInstant(),
            BERLIN,
            "Beratung Grundsicherung",
            Optional.of(ADDRESS),
            "Der Termin wurde abgesagt.",
            true);

    Calendar calendar = parse(CalendarFile.render(cancelled));

    assertThat(value(calendar, Property.METHOD)).contains("PUBLISH");
    VEvent event = event(calendar);
    assertThat(value(event, Property.STATUS)).contains("CANCELLED");
    assertThat(value(event, Property.SEQUENCE)).contains("1");
    assertThat(value(event, Property.UID)).contains("b-7f3a9c@opentermin.example");
  }

  @Test
  void addressWithCommasSemicolonsAndUmlautsSurvivesTheRoundTrip() throws Exception {
    String description = "Bitte mitbringen:\nAusweis, Bescheid; Kontoauszüge\\Belege";
    CalendarEntry entry =
        entry(LocalDateTime.parse("2026-12-01T08:00"), Optional.of(ADDRESS), description);

    String text = CalendarFile.render(entry);

    assertThat(text).contains("\r\nLOCATION:Straße 1\\, 80331 München\\; 2. OG\r\n");
    VEvent event = event(parse(text));
    assertThat(value(event, Property.LOCATION)).contains(ADDRESS);
    assertThat(value(event, Property.DESCRIPTION)).contains(description);
  }

  @Test
  void lineBreaksOfAnyKindBecomeEscapedNewlines() throws Exception {
    CalendarEntry entry =
        entry(
            LocalDateTime.parse("2026-12-01T08:00"),
            Optional.empty(),
            "Windows\r\nUnix\nalter Mac\rEnde");

    VEvent event = event(parse(CalendarFile.render(entry)));

    assertThat(value(event, Property.DESCRIPTION)).contains("Windows\nUnix\nalter Mac\nEnde");
  }

  @Test
  void unknownLocationIsLeftOut() throws Exception {
    CalendarEntry entry = entry(LocalDateTime.parse("2026-12-01T08:00"), Optional.empty(), "");

    String text = CalendarFile.render(entry);

    assertThat(text).doesNotContain("\r\nLOCATION");
    assertThat(value(event(parse(text)), Property.LOCATION)).isEmpty();
  }

  @Test
  void everyLineEndsWithCrlfAndLongUmlautLinesAreFoldedWithin75Octets() throws Exception {
    String description =
        "Bürgerbüro Süd, Öffnungszeiten geändert: Grüße äöüßÄÖÜ äöüßÄÖÜ äöüßÄÖÜ äöüßÄÖÜ äöüßÄÖÜ"
            + " äöüßÄÖÜ äöüßÄÖÜ äöüßÄÖÜ äöüßÄÖÜ; Kalender"
            + " 📅📅📅📅📅📅📅📅📅📅📅📅📅📅📅📅📅📅📅📅📅📅📅📅📅📅📅📅📅📅 – „Zugang über die"
            + " Rampe“.";
    CalendarEntry entry =
        entry(LocalDateTime.parse("2026-12-01T08:00"), Optional.of(ADDRESS), description);

    String text = CalendarFile.render(entry);

    assertThat(text).endsWith("\r\n");
    List<String> lines = Arrays.asList(text.substring(0, text.length() - 2).split("\r\n", -1));
    assertThat(lines)
        .allSatisfy(
            line -> {
              assertThat(line).doesNotContain("\r", "\n");
              assertThat(line.getBytes(UTF_8).length).as(line).isLessThanOrEqualTo(75);
            });
    assertThat(lines)
        .filteredOn(line -> line.startsWith(" "))
        .as("folded continuation lines")
        .isNotEmpty();
    assertThat(value(event(parse(text)), Property.DESCRIPTION)).contains(description);
  }

  @Test
  void sameEntryAlwaysRendersTheSameText() {
    String first = CalendarFile.render(appointment(LocalDateTime.parse("2026-12-01T08:00")));
    String second = CalendarFile.render(appointment(LocalDateTime.parse("2026-12-01T08:00")));

    assertThat(second).isEqualTo(first);
  }

  @Test
  void zoneKnownUnderAnotherNameIsReferredToByTheNameOfItsDefinition() throws Exception {
    CalendarEntry entry =
        new CalendarEntry(
            "b-1@opentermin.example",
            0,
            STAMP,
            Instant.parse("2026-12-01T07:00:00Z"),
            Instant.parse("2026-12-01T07:30:00Z"),
            ZoneId.of("UTC"),
            "Beratung",
            Optional.empty(),
            "",
            false);

    String text = CalendarFile.render(entry);

    assertThat(text)
        .contains("\r\nTZID:Etc/UTC\r\n")
        .contains("\r\nDTSTART;TZID=Etc/UTC:20261201T070000\r\n");
    assertThat(instant(event(parse(text)).getDateTimeStart().getDate()))
        .isEqualTo("2026-12-01T07:00:00Z");
  }

  @Test
  void renderingNeverAsksTheTimeZoneServer() throws Exception {
    // A zone no other test loads, so that its definition is not cached yet.
    ZoneId chatham = ZoneId.of("Pacific/Chatham");
    CalendarEntry entry =
        new CalendarEntry(
            "b-2@opentermin.example",
            0,
            STAMP,
            Instant.parse("2026-12-01T07:00:00Z"),
            Instant.parse("2026-12-01T07:30:00Z"),
            chatham,
            "Beratung",
            Optional.empty(),
            "",
            false);

    try (ServerSocket timeZoneServer = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      String text =
          withSystemProperties(
              updatesRedirectedTo(timeZoneServer), () -> CalendarFile.render(entry));

      assertThat(text).contains("\r\nTZID:Pacific/Chatham\r\n");
      assertNeverContacted(timeZoneServer);
    }
  }

  @Test
  void refusesToRenderWhenTimeZoneUpdatesAreSwitchedOn() throws Exception {
    try (ServerSocket timeZoneServer = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Map<String, String> properties = updatesRedirectedTo(timeZoneServer);
      properties.put("net.fortuna.ical4j.timezone.update.enabled", "true");

      assertThatThrownBy(
              () ->
                  withSystemProperties(
                      properties,
                      () ->
                          CalendarFile.render(
                              appointment(LocalDateTime.parse("2026-12-01T08:00")))))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("must not reach the network");
      assertNeverContacted(timeZoneServer);
    }
  }

  private static CalendarEntry appointment(LocalDateTime start) {
    return entry(start, Optional.of(ADDRESS), "Bitte bringen Sie Ihren Ausweis mit.");
  }

  private static CalendarEntry entry(
      LocalDateTime start, Optional<String> location, String description) {
    return new CalendarEntry(
        "b-7f3a9c@opentermin.example",
        0,
        STAMP,
        start.atZone(BERLIN).toInstant(),
        start.plusMinutes(30).atZone(BERLIN).toInstant(),
        BERLIN,
        "Beratung Grundsicherung",
        location,
        description,
        false);
  }

  private static Calendar parse(String text) throws IOException, ParserException {
    return new CalendarBuilder().build(new StringReader(text));
  }

  private static VEvent event(Calendar calendar) {
    return calendar.<VEvent>getComponent(Component.VEVENT).orElseThrow();
  }

  private static Optional<String> value(PropertyContainer container, String name) {
    return container.getProperty(name).map(Property::getValue);
  }

  private static List<String> rules(VTimeZone zone, String observance) {
    return zone.getObservances().stream()
        .filter(o -> o.getName().equals(observance))
        .flatMap(o -> value(o, Property.RRULE).stream())
        .toList();
  }

  private static Instant instant(Temporal dateTime) {
    return Instant.from(dateTime);
  }

  /** Points ical4j's time zone updates at a local socket, failing fast should they ever run. */
  private static Map<String, String> updatesRedirectedTo(ServerSocket server) {
    Map<String, String> properties = new HashMap<>();
    properties.put("net.fortuna.ical4j.timezone.update.scheme", "http");
    properties.put(
        "net.fortuna.ical4j.timezone.update.host", server.getInetAddress().getHostAddress());
    properties.put(
        "net.fortuna.ical4j.timezone.update.port", String.valueOf(server.getLocalPort()));
    properties.put("net.fortuna.ical4j.timezone.update.timeout.connect", "1000");
    properties.put("net.fortuna.ical4j.timezone.update.timeout.read", "1000");
    return properties;
  }

  /** A connection attempt would wait in the backlog, so accept would return at once. */
  private static void assertNeverContacted(ServerSocket server) throws IOException {
    server.setSoTimeout(100);
    assertThatThrownBy(server::accept).isInstanceOf(SocketTimeoutException.class);
  }

  private static String withSystemProperties(
      Map<String, String> properties, Supplier<String> action) {
    Map<String, String> previous = new HashMap<>();
    properties.forEach((key, value) -> previous.put(key, System.setProperty(key, value)));
    try {
      return action.get();
    } finally {
      previous.forEach(
          (key, value) -> {
            if (value == null) {
              System.clearProperty(key);
            } else {
              System.setProperty(key, value);
            }
          });
    }
  }
}
