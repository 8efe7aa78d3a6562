package org.opentermin.http.calendar;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import java.time.ZonedDateTime;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.TimeZoneUpdater;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * Renders a {@link CalendarEntry} as an iCalendar file (RFC 5545): one VEVENT with the VTIMEZONE of
 * its zone. The same entry always gives the same text. Thread-safe.
 */
public final class CalendarFile {

  /** The PRODID of every file. */
  public static final String PRODUCT_ID = "-//OpenTermin//OpenTermin//EN";

  private static final String CRLF = "\r\n";
  private static final int MAX_LINE_OCTETS = 75;

  // Time zone definitions come from the copies bundled in ical4j. The library can refresh them from
  // tzurl.org; that is off by default, and render() refuses to run if configuration switched it on.
  private static final TimeZoneRegistry TIME_ZONES =
      TimeZoneRegistryFactory.getInstance().createRegistry();
  private static final TimeZoneUpdater TIME_ZONE_UPDATES = new TimeZoneUpdater();

  private CalendarFile() {}

  /**
   * Returns the whole iCalendar text for {@code entry}, with CRLF line ends and lines folded at 75
   * octets.
   *
   * @throws IllegalArgumentException if the bundled time zone data does not know {@code
   *     entry.zone()}
   * @throws IllegalStateException if ical4j is configured to update time zones over the network
   */
  public static String render(CalendarEntry entry) {
    checkNotNull(entry, "entry");
    checkState(
        !TIME_ZONE_UPDATES.isEnabled(),
        "ical4j time zone updates are switched on (net.fortuna.ical4j.timezone.update.enabled in"
            + " ical4j.properties or a system property); calendar files must not reach the"
            + " network");
    TimeZone definition = TIME_ZONES.getTimeZone(entry.zone().getId());
    checkArgument(definition != null, "no time zone definition for %s", entry.zone());
    // The definition may carry another name for the zone (Etc/UTC for UTC, Europe/Kyiv for
    // Europe/Kiev); start and end must refer to the name the VTIMEZONE has.
    TzId tzId = new TzId(definition.getID());

    VEvent event = new VEvent(false);
    event.add(new Uid(entry.uid()));
    event.add(new Sequence(entry.sequence()));
    event.add(new DtStamp(entry.stamp()));
    event.add(inZone(new DtStart<>(entry.start().atZone(entry.zone())), tzId));
    event.add(inZone(new DtEnd<>(entry.end().atZone(entry.zone())), tzId));
    event.add(new Summary(text(entry.summary())));
    entry.location().ifPresent(location -> event.add(new Location(text(location))));
    event.add(new Description(text(entry.description())));
    entry.url().ifPresent(url -> event.add(new Url(url)));
    event.add(
        entry.cancelled() ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);

    Calendar calendar = new Calendar();
    calendar.add(new ProdId(PRODUCT_ID));
    calendar.add(ImmutableVersion.VERSION_2_0);
    // PUBLISH also for cancellations: CANCEL (RFC 5546) needs an organizer and attendees, and
    // calendar apps ignore it without them; STATUS:CANCELLED with a higher SEQUENCE is honoured.
    calendar.add(ImmutableMethod.PUBLISH);
    calendar.add(withoutTzUrl(definition.getVTimeZone()));
    calendar.add(event);
    return fold(calendar.toString());
  }

  /** Names the zone after the property has taken its date, which sets TZID from the ZoneId. */
  private static DateProperty<ZonedDateTime> inZone(
      DateProperty<ZonedDateTime> property, TzId tzId) {
    property.replace(tzId);
    return property;
  }

  /**
   * TZURL would invite the citizen's calendar to fetch updates from a third party. Works on a copy,
   * because the registry shares its definitions.
   */
  private static VTimeZone withoutTzUrl(VTimeZone definition) {
    return definition.copy().removeAll(Property.TZURL);
  }

  /**
   * ical4j escapes CRLF and LF in text but leaves a lone CR, which would end the content line; make
   * every line break an LF first.
   */
  private static String text(String value) {
    return value.replace("\r\n", "\n").replace('\r', '\n');
  }

  /**
   * Folds content lines at 75 UTF-8 octets, as RFC 5545 section 3.1 asks. ical4j folds at 73 UTF-16
   * characters instead, which lets a line of umlauts grow past the limit.
   */
  private static String fold(String unfoldedLines) {
    StringBuilder folded = new StringBuilder(unfoldedLines.length() + unfoldedLines.length() / 16);
    for (String line : unfoldedLines.split(CRLF)) {
      int octets = 0;
      for (int i = 0; i < line.length(); ) {
        int codePoint = line.codePointAt(i);
        int size = utf8Octets(codePoint);
        if (octets + size > MAX_LINE_OCTETS) {
          folded.append(CRLF).append(' ');
          octets = 1;
        }
        folded.appendCodePoint(codePoint);
        octets += size;
        i += Character.charCount(codePoint);
      }
      folded.append(CRLF);
    }
    return folded.toString();
  }

  private static int utf8Octets(int codePoint) {
    if (codePoint < 0x80) {
      return 1;
    } else if (codePoint < 0x800) {
      return 2;
    } else if (codePoint < 0x10000) {
      return 3;
    }
    return 4;
  }
}
