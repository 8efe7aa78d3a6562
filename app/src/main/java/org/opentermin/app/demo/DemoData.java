package org.opentermin.app.demo;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;

import com.google.common.collect.ImmutableList;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.opentermin.core.availability.OfficeSchedule;
import org.opentermin.core.availability.ScheduledResource;
import org.opentermin.core.calendar.HolidayRegion;
import org.opentermin.core.catalog.AppointmentMode;
import org.opentermin.core.catalog.BookingHorizon;
import org.opentermin.core.catalog.Channel;
import org.opentermin.core.catalog.ModeOptions;
import org.opentermin.core.catalog.Office;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.catalog.Resource;
import org.opentermin.core.catalog.ResourceId;
import org.opentermin.core.catalog.ResourceKind;
import org.opentermin.core.catalog.Service;
import org.opentermin.core.catalog.ServiceId;
import org.opentermin.core.catalog.TeamId;
import org.opentermin.core.fairness.AccessPolicy;
import org.opentermin.core.routing.AddressRule;
import org.opentermin.core.routing.CaseAssignment;
import org.opentermin.core.routing.CaseNumber;
import org.opentermin.core.routing.NamePrefixes;
import org.opentermin.core.routing.OfficeRouting;
import org.opentermin.core.routing.Parity;
import org.opentermin.core.routing.Responsible;
import org.opentermin.core.routing.TeamRule;
import org.opentermin.core.time.DateRange;
import org.opentermin.core.worktime.Absence;
import org.opentermin.core.worktime.WeeklyRule;
import org.opentermin.core.worktime.WorkingTime;
import org.opentermin.ports.out.CatalogStore;
import org.opentermin.ports.out.RoutingStore;

/**
 * Three fictional Munich social welfare offices (Sozialbürgerhäuser) with eight services and twenty
 * caseworkers who keep realistic weekly hours, lunch breaks and a few absences around the given
 * day. Housing benefit advice is also given by phone (in 20 minutes) and by video (by the first
 * caseworker of each housing team); debt advice also by phone. All names are invented.
 * Deterministic for a given day.
 */
public record DemoData(ImmutableList<Service> services, ImmutableList<OfficeSchedule> offices) {

  private static final ZoneId MUNICH = ZoneId.of("Europe/Berlin");
  private static final Set<DayOfWeek> WEEKDAYS =
      EnumSet.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY);
  private static final Set<Channel> ALL_CHANNELS = EnumSet.allOf(Channel.class);
  private static final String[][] OFFICES = {
    {"sbh-nord", "Sozialbürgerhaus Nord"},
    {"sbh-mitte", "Sozialbürgerhaus Mitte"},
    {"sbh-sued", "Sozialbürgerhaus Süd"}
  };

  /** The caseworker of each office's housing team who also advises by video. */
  private static final String VIDEO_CASEWORKER = "-4";

  public static final Service BASIC_INCOME_FIRST_APPLICATION =
      Service.of(
          ServiceId.of("grundsicherung-erstantrag"),
          "Grundsicherung im Alter und bei Erwerbsminderung: Erstantrag",
          Duration.ofMinutes(45),
          2,
          ALL_CHANNELS,
          true);
  public static final Service BASIC_INCOME_RENEWAL =
      Service.of(
          ServiceId.of("grundsicherung-weiterbewilligung"),
          "Grundsicherung: Weiterbewilligung",
          Duration.ofMinutes(20),
          2,
          ALL_CHANNELS,
          true);
  public static final Service SUBSISTENCE =
      Service.of(
          ServiceId.of("hilfe-zum-lebensunterhalt"),
          "Hilfe zum Lebensunterhalt",
          Duration.ofMinutes(30),
          2,
          ALL_CHANNELS,
          true);
  public static final Service HOUSING_BENEFIT =
      Service.of(
              ServiceId.of("wohngeld"),
              "Wohngeld: Beratung und Antrag",
              Duration.ofMinutes(30),
              2,
              ALL_CHANNELS,
              false)
          .withModes(
              Map.of(
                  AppointmentMode.IN_PERSON, ModeOptions.DEFAULT,
                  AppointmentMode.PHONE, ModeOptions.lasting(Duration.ofMinutes(20)),
                  AppointmentMode.VIDEO, videoCaseworkers()));
  public static final Service HOMELESSNESS_AID =
      Service.of(
          ServiceId.of("wohnungslosenhilfe"),
          "Hilfe bei drohendem Wohnungsverlust",
          Duration.ofMinutes(45),
          3,
          ALL_CHANNELS,
          true);
  public static final Service DEBT_ADVICE =
      Service.of(
              ServiceId.of("schuldnerberatung"),
              "Schuldner- und Insolvenzberatung",
              Duration.ofMinutes(60),
              2,
              ALL_CHANNELS,
              true)
          .withModes(
              Map.of(
                  AppointmentMode.IN_PERSON,
                  ModeOptions.DEFAULT,
                  AppointmentMode.PHONE,
                  ModeOptions.lasting(Duration.ofMinutes(30))));
  public static final Service EDUCATION_AND_PARTICIPATION =
      Service.of(
          ServiceId.of("bildung-und-teilhabe"),
          "Bildung und Teilhabe",
          Duration.ofMinutes(20),
          4,
          ALL_CHANNELS,
          false);
  public static final Service DOCUMENT_SUBMISSION =
      Service.of(
          ServiceId.of("unterlagen-abgeben"),
          "Unterlagen abgeben",
          Duration.ofMinutes(10),
          1,
          EnumSet.of(Channel.ONLINE, Channel.COUNTER),
          false);

  private static final List<Service> SERVICES =
      List.of(
          BASIC_INCOME_FIRST_APPLICATION,
          BASIC_INCOME_RENEWAL,
          SUBSISTENCE,
          HOUSING_BENEFIT,
          HOMELESSNESS_AID,
          DEBT_ADVICE,
          EDUCATION_AND_PARTICIPATION,
          DOCUMENT_SUBMISSION);

  /** What each team of caseworkers handles. */
  private static final List<ServiceId> BASIC_INCOME_TEAM =
      ids(
          BASIC_INCOME_FIRST_APPLICATION,
          BASIC_INCOME_RENEWAL,
          SUBSISTENCE,
          EDUCATION_AND_PARTICIPATION,
          DOCUMENT_SUBMISSION);

  private static final List<ServiceId> HOUSING_TEAM =
      ids(HOUSING_BENEFIT, HOMELESSNESS_AID, EDUCATION_AND_PARTICIPATION, DOCUMENT_SUBMISSION);
  private static final List<ServiceId> DEBT_TEAM = ids(DEBT_ADVICE, SUBSISTENCE);

  private static final String[] NAMES = {
    "Aylin Berger", "Bernd Claasen", "Carla Dietz", "Deniz Engel", "Elif Fuchs", "Frank Gruber",
    "Greta Huber", "Hakan Imhof", "Ines Jansen", "Jonas Kraus", "Katrin Lenz", "Lukas Maier",
    "Mira Nowak", "Nils Ott", "Olga Petrov", "Paul Quast", "Rosa Seidl", "Samir Thaler",
    "Tanja Urban", "Uwe Vogt"
  };

  /** The demo data with absences placed around {@code today}. */
  public static DemoData around(LocalDate today) {
    Random random = new Random(20_261_201L);
    int[] caseworkersPerOffice = {7, 7, 6};
    List<OfficeSchedule> schedules = new ArrayList<>();
    int person = 0;
    for (int o = 0; o < OFFICES.length; o++) {
      Office office =
          new Office(
              OfficeId.of(OFFICES[o][0]),
              OFFICES[o][1],
              MUNICH,
              HolidayRegion.munich(),
              10,
              BookingHorizon.of(Duration.ofHours(2), 60),
              Office.DEFAULT_HOLD_DURATION);
      List<ScheduledResource> caseworkers = new ArrayList<>();
      for (int c = 0; c < caseworkersPerOffice[o]; c++, person++) {
        String team = c < 3 ? "grundsicherung" : c < 5 ? "wohnen" : "schulden";
        List<ServiceId> skills = c < 3 ? BASIC_INCOME_TEAM : c < 5 ? HOUSING_TEAM : DEBT_TEAM;
        Resource resource =
            Resource.of(
                    ResourceId.of(OFFICES[o][0] + "-" + (c + 1)),
                    office.id(),
                    NAMES[person],
                    ResourceKind.CASEWORKER,
                    skills)
                .inTeam(TeamId.of(team));
        caseworkers.add(new ScheduledResource(resource, workingTime(person, today, random)));
      }
      schedules.add(OfficeSchedule.of(office, caseworkers, List.of()));
    }
    return new DemoData(ImmutableList.copyOf(SERVICES), ImmutableList.copyOf(schedules));
  }

  /** Five kinds of working week, with lunch breaks, and for some a few days off soon. */
  private static WorkingTime workingTime(int person, LocalDate today, Random random) {
    WorkingTime.Builder time = WorkingTime.builder();
    switch (person % 5) {
      case 0 ->
          time.rule(WeeklyRule.weekly(WEEKDAYS, "08:00", "16:00"))
              .breakRule(WeeklyRule.weekly(WEEKDAYS, "12:00", "12:30"));
      case 1 ->
          time.rule(WeeklyRule.weekly(EnumSet.of(MONDAY, TUESDAY, WEDNESDAY), "08:00", "13:00"));
      case 2 ->
          time.rule(
              WeeklyRule.weekly(EnumSet.of(MONDAY, TUESDAY, WEDNESDAY, FRIDAY), "08:00", "12:00"),
              WeeklyRule.weekly(EnumSet.of(THURSDAY), "12:00", "18:00"));
      case 3 ->
          time.rule(
                  WeeklyRule.weekly(
                      EnumSet.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY), "07:30", "15:30"),
                  WeeklyRule.weekly(EnumSet.of(FRIDAY), "08:00", "12:00").everyWeeks(2, today))
              .breakRule(
                  WeeklyRule.weekly(
                      EnumSet.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY), "11:45", "12:15"));
      default ->
          time.rule(
                  WeeklyRule.weekly(WEEKDAYS, "09:00", "15:00")
                      .validDuring(DateRange.startingOn(today.minusMonths(6))))
              .breakRule(WeeklyRule.weekly(WEEKDAYS, "12:30", "13:00"));
    }
    if (random.nextInt(3) == 0) {
      LocalDate first = today.plusDays(3 + random.nextInt(30));
      time.absence(Absence.wholeDays(first, first.plusDays(random.nextInt(5))));
    }
    return time.build();
  }

  /**
   * Saves the demo data into {@code catalog}; every demo office follows the recommended fair-access
   * preset. Offices come first (services name their video caseworkers per office), then services,
   * then the resources that have them as skills.
   */
  public void saveTo(CatalogStore catalog) {
    for (OfficeSchedule schedule : offices) {
      catalog.saveOffice(schedule.office());
      catalog.saveAccessPolicy(
          schedule.office().id(), Optional.empty(), Optional.of(AccessPolicy.recommended()));
    }
    services.forEach(catalog::saveService);
    for (OfficeSchedule schedule : offices) {
      for (ScheduledResource scheduled : schedule.resources()) {
        catalog.saveResource(scheduled.resource());
        catalog.saveWorkingTime(
            schedule.office().id(), scheduled.resource().id(), scheduled.workingTime());
      }
    }
  }

  private static ModeOptions videoCaseworkers() {
    ModeOptions options = ModeOptions.DEFAULT;
    for (String[] office : OFFICES) {
      options =
          options.servedAt(
              OfficeId.of(office[0]), List.of(ResourceId.of(office[0] + VIDEO_CASEWORKER)));
    }
    return options;
  }

  /**
   * Saves demo responsibility rules into {@code routing}: postal codes in the north, centre and
   * south of Munich, one street split by house-number side, and at Mitte the basic-income cases
   * split by surname among its three basic-income caseworkers, with a deputy and one existing case.
   * The offices stay open to everyone, so that the demo can be booked without routing inputs too.
   */
  public void saveRoutingTo(RoutingStore routing) {
    OfficeId nord = OfficeId.of("sbh-nord");
    OfficeId mitte = OfficeId.of("sbh-mitte");
    OfficeId sued = OfficeId.of("sbh-sued");
    routing.replaceAddressRules(
        List.of(
            AddressRule.of("Nord 80937", "80937", nord),
            AddressRule.of("Nord 80939", "80939", nord),
            AddressRule.of("Mitte 80331", "80331", mitte),
            AddressRule.of("Mitte 80333", "80333", mitte),
            AddressRule.of(
                "Mitte 80335 Dachauer Straße odd",
                "80335",
                "Dachauer Straße",
                1,
                199,
                Parity.ODD,
                mitte),
            AddressRule.of(
                "Nord 80335 Dachauer Straße even",
                "80335",
                "Dachauer Straße",
                2,
                200,
                Parity.EVEN,
                nord),
            AddressRule.of("Süd 81369", "81369", sued),
            AddressRule.of("Süd 81371", "81371", sued)));
    List<TeamRule> mitteRules = new ArrayList<>();
    for (Service service : List.of(BASIC_INCOME_FIRST_APPLICATION, BASIC_INCOME_RENEWAL)) {
      String[] ranges = {"A–G", "H–Q", "R–Z"};
      for (int i = 0; i < ranges.length; i++) {
        mitteRules.add(
            TeamRule.of(
                service.id().value() + " " + ranges[i],
                mitte,
                ranges[i],
                service.id(),
                Responsible.caseworker(ResourceId.of("sbh-mitte-" + (i + 1)))));
      }
    }
    routing.replaceTeamRules(mitte, mitteRules);
    routing.saveOfficeRouting(mitte, new OfficeRouting(NamePrefixes.COMMON, false));
    routing.saveDeputy(
        mitte, TeamId.of("grundsicherung"), Optional.of(ResourceId.of("sbh-mitte-3")));
    routing.saveCaseAssignment(
        mitte,
        new CaseAssignment(
            CaseNumber.of("SBH-M-1001"),
            ResourceId.of("sbh-mitte-2"),
            TeamId.of("grundsicherung")));
  }

  private static List<ServiceId> ids(Service... services) {
    return java.util.Arrays.stream(services).map(Service::id).toList();
  }
}
