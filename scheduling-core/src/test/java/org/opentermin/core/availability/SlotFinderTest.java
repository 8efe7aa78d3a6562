package org.opentermin.core.availability;

import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.TUESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.opentermin.core.availability.Fixtures.BASIC_INCOME;
import static org.opentermin.core.availability.Fixtures.BERLIN_TIME;
import static org.opentermin.core.availability.Fixtures.HOUSING;
import static org.opentermin.core.availability.Fixtures.MONDAY_DATE;
import static org.opentermin.core.availability.Fixtures.WEEKDAYS;
import static org.opentermin.core.availability.Fixtures.at;
import static org.opentermin.core.availability.Fixtures.caseworker;
import static org.opentermin.core.availability.Fixtures.finder;
import static org.opentermin.core.availability.Fixtures.localStarts;
import static org.opentermin.core.availability.Fixtures.office;
import static org.opentermin.core.availability.Fixtures.request;
import static org.opentermin.core.availability.Fixtures.scheduled;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.opentermin.core.catalog.BookingHorizon;
import org.opentermin.core.catalog.Office;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.catalog.ResourceId;
import org.opentermin.core.time.DateRange;
import org.opentermin.core.time.TimeOfDayRange;
import org.opentermin.core.worktime.Absence;
import org.opentermin.core.worktime.ExtraTime;
import org.opentermin.core.worktime.OfficeClosure;
import org.opentermin.core.worktime.WeeklyRule;
import org.opentermin.core.worktime.WorkingTime;

class SlotFinderTest {

  private static final Office OFFICE = office();

  /** Sunday evening before the test week: everything in the week lies ahead. */
  private static final Instant NOW = at(MONDAY_DATE.minusDays(1), "18:00");

  private static final WorkingTime MORNINGS =
      WorkingTime.builder().rule(WeeklyRule.weekly(WEEKDAYS, "08:00", "12:00")).build();

  private static List<Slot> slotsOn(
      SlotFinder finder,
      AppointmentRequest request,
      LocalDate day,
      Occupancy occupancy,
      Instant now) {
    return finder.findSlots(request, DateRange.ofDay(day), occupancy, now).slots();
  }

  private static List<Slot> slotsOn(SlotFinder finder, AppointmentRequest request, LocalDate day) {
    return slotsOn(finder, request, day, Occupancy.empty(), NOW);
  }

  private static List<LocalTime> times(String... times) {
    return java.util.Arrays.stream(times).map(LocalTime::parse).toList();
  }

  private static List<LocalTime> everyTenMinutes(String first, String last) {
    List<LocalTime> result = new ArrayList<>();
    for (LocalTime t = LocalTime.parse(first);
        !t.isAfter(LocalTime.parse(last));
        t = t.plusMinutes(10)) {
      result.add(t);
    }
    return result;
  }

  @Nested
  class WorkingTimeAndGrid {

    @Test
    void offersEveryGridStartAtWhichTheWholeAppointmentFitsIntoWorkingTime() {
      SlotFinder finder = finder(OFFICE, scheduled(caseworker("anna", BASIC_INCOME), MORNINGS));

      List<Slot> slots = slotsOn(finder, request(OFFICE, BASIC_INCOME, 1), MONDAY_DATE);

      assertThat(localStarts(slots)).isEqualTo(everyTenMinutes("08:00", "11:30"));
      assertThat(slots).allSatisfy(slot -> assertThat(slot.capacity()).isEqualTo(1));
    }

    @Test
    void durationIsTheSumOfServicesTimesPersonsRoundedUpToTheGrid() {
      Office quarterHourGrid = office(15, BookingHorizon.of(Duration.ZERO, 60));
      AppointmentRequest request =
          AppointmentRequest.of(
              quarterHourGrid,
              org.opentermin.core.catalog.Channel.ONLINE,
              List.of(RequestedService.of(BASIC_INCOME, 1), RequestedService.of(HOUSING, 2)));

      // 30 + 2 x 20 = 70 minutes, rounded up to 75 on a 15-minute grid.
      assertThat(request.duration()).isEqualTo(Duration.ofMinutes(75));
      SlotFinder finder =
          finder(quarterHourGrid, scheduled(caseworker("anna", BASIC_INCOME, HOUSING), MORNINGS));
      List<Slot> slots = slotsOn(finder, request, MONDAY_DATE);
      assertThat(localStarts(slots)).last().isEqualTo(LocalTime.of(10, 45));
      assertThat(
              finder
                  .findSlots(request, DateRange.ofDay(MONDAY_DATE), Occupancy.empty(), NOW)
                  .duration())
          .isEqualTo(Duration.ofMinutes(75));
    }

    @Test
    void onlyResourcesWithEveryRequestedSkillServe() {
      SlotFinder finder =
          finder(
              OFFICE,
              scheduled(caseworker("anna", BASIC_INCOME), MORNINGS),
              scheduled(caseworker("ben", BASIC_INCOME, HOUSING), MORNINGS),
              scheduled(caseworker("cem", HOUSING), MORNINGS));
      AppointmentRequest both =
          AppointmentRequest.of(
              OFFICE,
              org.opentermin.core.catalog.Channel.ONLINE,
              List.of(RequestedService.of(BASIC_INCOME, 1), RequestedService.of(HOUSING, 1)));

      assertThat(slotsOn(finder, request(OFFICE, BASIC_INCOME, 1), MONDAY_DATE))
          .allSatisfy(slot -> assertThat(slot.capacity()).isEqualTo(2));
      assertThat(slotsOn(finder, both, MONDAY_DATE))
          .allSatisfy(slot -> assertThat(slot.capacity()).isEqualTo(1));
      assertThat(finder.freeResourcesAt(both, at(MONDAY_DATE, "09:00"), Occupancy.empty(), NOW))
          .containsExactly(ResourceId.of("ben"));
    }

    @Test
    void breakCutsOutEveryStartWhoseAppointmentWouldOverlapIt() {
      WorkingTime withLunch =
          WorkingTime.builder()
              .rule(WeeklyRule.weekly(WEEKDAYS, "08:00", "14:00"))
              .breakRule(WeeklyRule.weekly(WEEKDAYS, "12:00", "12:30"))
              .build();
      SlotFinder finder = finder(OFFICE, scheduled(caseworker("anna", BASIC_INCOME), withLunch));

      List<LocalTime> starts =
          localStarts(slotsOn(finder, request(OFFICE, BASIC_INCOME, 1), MONDAY_DATE));

      assertThat(starts).contains(LocalTime.of(11, 30), LocalTime.of(12, 30), LocalTime.of(13, 30));
      assertThat(starts)
          .doesNotContain(
              LocalTime.of(11, 40),
              LocalTime.of(12, 0),
              LocalTime.of(12, 20),
              LocalTime.of(13, 40));
    }

    @Test
    void adjacentRulesJoinSoThatAnAppointmentMaySpanBoth() {
      WorkingTime split =
          WorkingTime.builder()
              .rule(
                  WeeklyRule.weekly(WEEKDAYS, "08:00", "09:00"),
                  WeeklyRule.weekly(WEEKDAYS, "09:00", "10:00"))
              .build();
      SlotFinder finder = finder(OFFICE, scheduled(caseworker("anna", BASIC_INCOME), split));

      assertThat(localStarts(slotsOn(finder, request(OFFICE, BASIC_INCOME, 1), MONDAY_DATE)))
          .isEqualTo(everyTenMinutes("08:00", "09:30"));
    }

    @Test
    void ruleEveryOtherWeekAppliesOnlyInWeeksCountedFromItsAnchor() {
      WorkingTime biweekly =
          WorkingTime.builder()
              .rule(WeeklyRule.weekly(Set.of(MONDAY), "08:00", "09:00").everyWeeks(2, MONDAY_DATE))
              .build();
      SlotFinder finder = finder(OFFICE, scheduled(caseworker("anna", BASIC_INCOME), biweekly));

      Availability availability =
          finder.findSlots(
              request(OFFICE, BASIC_INCOME, 1),
              DateRange.closed(MONDAY_DATE, MONDAY_DATE.plusDays(27)),
              Occupancy.empty(),
              NOW);

      assertThat(availability.days())
          .extracting(DayAvailability::date)
          .containsExactly(MONDAY_DATE, MONDAY_DATE.plusWeeks(2));
    }

    @Test
    void ruleOutsideItsValidityOffersNothing() {
      WorkingTime fromTuesday =
          WorkingTime.builder()
              .rule(
                  WeeklyRule.weekly(WEEKDAYS, "08:00", "09:00")
                      .validDuring(
                          DateRange.closed(MONDAY_DATE.plusDays(1), MONDAY_DATE.plusDays(2))))
              .build();
      SlotFinder finder = finder(OFFICE, scheduled(caseworker("anna", BASIC_INCOME), fromTuesday));

      Availability availability =
          finder.findSlots(
              request(OFFICE, BASIC_INCOME, 1),
              DateRange.closed(MONDAY_DATE, MONDAY_DATE.plusDays(4)),
              Occupancy.empty(),
              NOW);

      assertThat(availability.days())
          .extracting(DayAvailability::date)
          .containsExactly(MONDAY_DATE.plusDays(1), MONDAY_DATE.plusDays(2));
    }
  }

  @Nested
  class AbsencesClosuresAndHolidays {

    @Test
    void wholeDayAbsenceRemovesTheDayAndPartialAbsenceRemovesItsHours() {
      WorkingTime withAbsences =
          WorkingTime.builder()
              .rule(WeeklyRule.weekly(WEEKDAYS, "08:00", "12:00"))
              .absence(Absence.wholeDays(MONDAY_DATE, MONDAY_DATE))
              .absence(
                  Absence.partOfDay(MONDAY_DATE.plusDays(1), TimeOfDayRange.of("09:00", "11:00")))
              .build();
      SlotFinder finder = finder(OFFICE, scheduled(caseworker("anna", BASIC_INCOME), withAbsences));
      AppointmentRequest request = request(OFFICE, BASIC_INCOME, 1);

      assertThat(slotsOn(finder, request, MONDAY_DATE)).isEmpty();
      assertThat(localStarts(slotsOn(finder, request, MONDAY_DATE.plusDays(1))))
          .isEqualTo(times("08:00", "08:10", "08:20", "08:30", "11:00", "11:10", "11:20", "11:30"));
    }

    @Test
    void absenceOverSeveralDaysCoversEachOfThem() {
      WorkingTime onLeave =
          WorkingTime.builder()
              .rule(WeeklyRule.weekly(WEEKDAYS, "08:00", "12:00"))
              .absence(Absence.wholeDays(MONDAY_DATE.plusDays(1), MONDAY_DATE.plusDays(3)))
              .build();
      SlotFinder finder = finder(OFFICE, scheduled(caseworker("anna", BASIC_INCOME), onLeave));

      Availability week =
          finder.findSlots(
              request(OFFICE, BASIC_INCOME, 1),
              DateRange.closed(MONDAY_DATE, MONDAY_DATE.plusDays(4)),
              Occupancy.empty(),
              NOW);

      assertThat(week.days())
          .extracting(DayAvailability::date)
          .containsExactly(MONDAY_DATE, MONDAY_DATE.plusDays(4));
    }

    @Test
    void officeClosureRemovesTheWholeDayEvenForExtraTimes() {
      WorkingTime withExtra =
          WorkingTime.builder()
              .rule(WeeklyRule.weekly(WEEKDAYS, "08:00", "12:00"))
              .extraTime(ExtraTime.of(MONDAY_DATE, "14:00", "16:00"))
              .build();
      SlotFinder finder =
          finder(
              OFFICE,
              List.of(new OfficeClosure(MONDAY_DATE, "Betriebsausflug")),
              scheduled(caseworker("anna", BASIC_INCOME), withExtra));

      assertThat(slotsOn(finder, request(OFFICE, BASIC_INCOME, 1), MONDAY_DATE)).isEmpty();
      assertThat(slotsOn(finder, request(OFFICE, BASIC_INCOME, 1), MONDAY_DATE.plusDays(1)))
          .isNotEmpty();
    }

    @Test
    void noResourceIsFreeOnAClosedDayWhenAHoldAsksForOne() {
      SlotFinder finder =
          finder(
              OFFICE,
              List.of(new OfficeClosure(MONDAY_DATE, "Betriebsausflug")),
              scheduled(caseworker("anna", BASIC_INCOME), MORNINGS));

      assertThat(
              finder.freeResourcesAt(
                  request(OFFICE, BASIC_INCOME, 1),
                  at(MONDAY_DATE, "08:00"),
                  Occupancy.empty(),
                  NOW))
          .isEmpty();
      assertThat(
              finder.freeResourcesAt(
                  request(OFFICE, BASIC_INCOME, 1),
                  at(MONDAY_DATE.plusDays(1), "08:00"),
                  Occupancy.empty(),
                  NOW))
          .containsExactly(ResourceId.of("anna"));
    }

    @Test
    void noResourceIsFreeForAServiceNoCaseworkerOfTheOfficeOffers() {
      SlotFinder finder = finder(OFFICE, scheduled(caseworker("anna", BASIC_INCOME), MORNINGS));

      assertThat(
              finder.freeResourcesAt(
                  request(OFFICE, HOUSING, 1), at(MONDAY_DATE, "08:00"), Occupancy.empty(), NOW))
          .isEmpty();
      assertThat(
              finder.freeResourcesAt(
                  request(OFFICE, BASIC_INCOME, 1),
                  at(MONDAY_DATE, "08:00"),
                  Occupancy.empty(),
                  NOW))
          .containsExactly(ResourceId.of("anna"));
    }

    @Test
    void publicHolidayRemovesWeeklyHoursButAnExtraTimeForThatDayStillApplies() {
      LocalDate epiphany = LocalDate.of(2026, 1, 6); // a Tuesday, a holiday in Bavaria
      Instant now = at(epiphany.minusDays(2), "12:00");
      WorkingTime weekly =
          WorkingTime.builder().rule(WeeklyRule.weekly(WEEKDAYS, "08:00", "12:00")).build();
      WorkingTime weeklyPlusExtra =
          WorkingTime.builder()
              .rule(WeeklyRule.weekly(WEEKDAYS, "08:00", "12:00"))
              .extraTime(ExtraTime.of(epiphany, "10:00", "11:00"))
              .build();

      SlotFinder onlyWeekly = finder(OFFICE, scheduled(caseworker("anna", BASIC_INCOME), weekly));
      SlotFinder withExtra =
          finder(OFFICE, scheduled(caseworker("anna", BASIC_INCOME), weeklyPlusExtra));
      AppointmentRequest request = request(OFFICE, BASIC_INCOME, 1);

      assertThat(slotsOn(onlyWeekly, request, epiphany, Occupancy.empty(), now)).isEmpty();
      assertThat(slotsOn(onlyWeekly, request, epiphany.plusDays(1), Occupancy.empty(), now))
          .isNotEmpty();
      assertThat(localStarts(slotsOn(withExtra, request, epiphany, Occupancy.empty(), now)))
          .isEqualTo(times("10:00", "10:10", "10:20", "10:30"));
    }

    @Test
    void assumptionDayIsAHolidayForAMunichOffice() {
      LocalDate assumption = LocalDate.of(2027, 8, 15).minusDays(0);
      // 15 August 2027 is a Sunday; use 2028 (a Tuesday) so weekly hours would apply.
      LocalDate assumption2028 = LocalDate.of(2028, 8, 15);
      assertThat(assumption.getDayOfWeek()).isEqualTo(SUNDAY);
      assertThat(assumption2028.getDayOfWeek()).isEqualTo(TUESDAY);
      Office longHorizon = office(10, BookingHorizon.of(Duration.ZERO, 60));
      SlotFinder finder =
          finder(longHorizon, scheduled(caseworker("anna", BASIC_INCOME), MORNINGS));
      Instant now = at(assumption2028.minusDays(3), "12:00");

      assertThat(
              slotsOn(
                  finder,
                  request(longHorizon, BASIC_INCOME, 1),
                  assumption2028,
                  Occupancy.empty(),
                  now))
          .isEmpty();
      assertThat(
              slotsOn(
                  finder,
                  request(longHorizon, BASIC_INCOME, 1),
                  assumption2028.plusDays(1),
                  Occupancy.empty(),
                  now))
          .isNotEmpty();
    }
  }

  @Nested
  class BookingsAndHolds {

    private final SlotFinder twoCaseworkers =
        finder(
            OFFICE,
            scheduled(caseworker("anna", BASIC_INCOME), MORNINGS),
            scheduled(caseworker("ben", BASIC_INCOME), MORNINGS));
    private final AppointmentRequest request = request(OFFICE, BASIC_INCOME, 1);

    @Test
    void bookingLowersCapacityOfEveryStartWhoseAppointmentWouldOverlapIt() {
      Occupancy occupancy =
          Occupancy.of(
              List.of(
                  BusyPeriod.booking(
                      ResourceId.of("anna"), at(MONDAY_DATE, "09:00"), at(MONDAY_DATE, "09:30"))));

      List<Slot> slots = slotsOn(twoCaseworkers, request, MONDAY_DATE, occupancy, NOW);

      assertThat(slots)
          .filteredOn(slot -> slot.capacity() == 1)
          .extracting(slot -> slot.start().atZone(BERLIN_TIME).toLocalTime())
          .isEqualTo(everyTenMinutes("08:40", "09:20"));
      assertThat(slots).hasSize(everyTenMinutes("08:00", "11:30").size());
    }

    @Test
    void fullyBookedStartIsNotOffered() {
      Occupancy occupancy =
          Occupancy.of(
              List.of(
                  BusyPeriod.booking(
                      ResourceId.of("anna"), at(MONDAY_DATE, "08:00"), at(MONDAY_DATE, "08:30")),
                  BusyPeriod.booking(
                      ResourceId.of("ben"), at(MONDAY_DATE, "08:00"), at(MONDAY_DATE, "09:00"))));

      List<LocalTime> starts =
          localStarts(slotsOn(twoCaseworkers, request, MONDAY_DATE, occupancy, NOW));

      assertThat(starts).first().isEqualTo(LocalTime.of(8, 30));
      assertThat(twoCaseworkers.freeResourcesAt(request, at(MONDAY_DATE, "08:30"), occupancy, NOW))
          .containsExactly(ResourceId.of("anna"));
      assertThat(twoCaseworkers.freeResourcesAt(request, at(MONDAY_DATE, "09:00"), occupancy, NOW))
          .containsExactly(ResourceId.of("anna"), ResourceId.of("ben"));
    }

    @Test
    void holdCountsUntilItsExpiryInstantAndNotAMomentLonger() {
      Instant expiry = at(MONDAY_DATE.minusDays(1), "18:10");
      Occupancy occupancy =
          Occupancy.of(
              List.of(
                  BusyPeriod.hold(
                      ResourceId.of("anna"),
                      at(MONDAY_DATE, "08:00"),
                      at(MONDAY_DATE, "08:30"),
                      expiry),
                  BusyPeriod.booking(
                      ResourceId.of("ben"), at(MONDAY_DATE, "08:00"), at(MONDAY_DATE, "08:30"))));
      Instant start = at(MONDAY_DATE, "08:00");

      assertThat(twoCaseworkers.freeResourcesAt(request, start, occupancy, expiry.minusNanos(1)))
          .isEmpty();
      assertThat(twoCaseworkers.freeResourcesAt(request, start, occupancy, expiry))
          .containsExactly(ResourceId.of("anna"));
    }

    @Test
    void bookingsAreRoundedOutwardsToWholeMinutes() {
      Occupancy occupancy =
          Occupancy.of(
              List.of(
                  BusyPeriod.booking(
                      ResourceId.of("anna"),
                      at(MONDAY_DATE, "08:00"),
                      at(MONDAY_DATE, "08:30").plusSeconds(1)),
                  BusyPeriod.booking(
                      ResourceId.of("ben"), at(MONDAY_DATE, "08:00"), at(MONDAY_DATE, "08:30"))));

      assertThat(twoCaseworkers.freeResourcesAt(request, at(MONDAY_DATE, "08:30"), occupancy, NOW))
          .containsExactly(ResourceId.of("ben"));
    }

    @Test
    void longBookingFromAnEarlierDayStillBlocks() {
      WorkingTime allWeek =
          WorkingTime.builder().rule(WeeklyRule.weekly(WEEKDAYS, "08:00", "12:00")).build();
      SlotFinder finder = finder(OFFICE, scheduled(caseworker("anna", BASIC_INCOME), allWeek));
      Occupancy occupancy =
          Occupancy.of(
              List.of(
                  BusyPeriod.booking(
                      ResourceId.of("anna"),
                      at(MONDAY_DATE, "08:00"),
                      at(MONDAY_DATE.plusDays(1), "10:00")),
                  BusyPeriod.booking(
                      ResourceId.of("anna"),
                      at(MONDAY_DATE.plusDays(1), "11:00"),
                      at(MONDAY_DATE.plusDays(1), "11:10"))));

      assertThat(localStarts(slotsOn(finder, request, MONDAY_DATE.plusDays(1), occupancy, NOW)))
          .isEqualTo(times("10:00", "10:10", "10:20", "10:30", "11:10", "11:20", "11:30"));
    }
  }

  @Nested
  class Horizon {

    @Test
    void minimumNoticeHidesStartsTooCloseToNow() {
      Office twoHoursNotice = office(10, BookingHorizon.of(Duration.ofHours(2), 60));
      SlotFinder finder =
          finder(twoHoursNotice, scheduled(caseworker("anna", BASIC_INCOME), MORNINGS));
      Instant now = at(MONDAY_DATE, "07:05");

      List<Slot> slots =
          slotsOn(
              finder,
              request(twoHoursNotice, BASIC_INCOME, 1),
              MONDAY_DATE,
              Occupancy.empty(),
              now);

      assertThat(localStarts(slots)).first().isEqualTo(LocalTime.of(9, 10));
    }

    @Test
    void startsAfterTheLastBookableDayAreNotOffered() {
      Office twoDaysAhead = office(10, BookingHorizon.of(Duration.ZERO, 2));
      SlotFinder finder =
          finder(twoDaysAhead, scheduled(caseworker("anna", BASIC_INCOME), MORNINGS));
      Instant now = at(MONDAY_DATE, "13:00");

      Availability availability =
          finder.findSlots(
              request(twoDaysAhead, BASIC_INCOME, 1),
              DateRange.closed(MONDAY_DATE.minusDays(3), MONDAY_DATE.plusDays(10)),
              Occupancy.empty(),
              now);

      assertThat(availability.days())
          .extracting(DayAvailability::date)
          .containsExactly(MONDAY_DATE.plusDays(1), MONDAY_DATE.plusDays(2));
    }

    @Test
    void pastStartsAreNeverOffered() {
      SlotFinder finder = finder(OFFICE, scheduled(caseworker("anna", BASIC_INCOME), MORNINGS));
      Instant now = at(MONDAY_DATE, "10:01");

      assertThat(
              localStarts(
                  slotsOn(
                      finder,
                      request(OFFICE, BASIC_INCOME, 1),
                      MONDAY_DATE,
                      Occupancy.empty(),
                      now)))
          .first()
          .isEqualTo(LocalTime.of(10, 10));
    }
  }

  @Nested
  class DaylightSaving {

    private final Office halfHourGrid = office(30, BookingHorizon.of(Duration.ZERO, 60));

    private SlotFinder nightShiftOn(LocalDate date) {
      WorkingTime night =
          WorkingTime.builder().extraTime(ExtraTime.of(date, "01:00", "05:00")).build();
      return finder(halfHourGrid, scheduled(caseworker("anna", BASIC_INCOME), night));
    }

    @Test
    void springForwardDaySkipsTheMissingHour() {
      LocalDate springForward = LocalDate.of(2026, 3, 29);
      SlotFinder finder = nightShiftOn(springForward);

      List<Slot> slots =
          slotsOn(
              finder,
              request(halfHourGrid, BASIC_INCOME, 1),
              springForward,
              Occupancy.empty(),
              at(springForward.minusDays(1), "12:00"));

      assertThat(localStarts(slots))
          .isEqualTo(times("01:00", "01:30", "03:00", "03:30", "04:00", "04:30"));
      // 01:30 CET lasts until 02:00 CET, which is 03:00 CEST: the appointment fits without a gap.
      assertThat(slots)
          .extracting(Slot::start)
          .element(1)
          .isEqualTo(Instant.parse("2026-03-29T00:30:00Z"));
      assertThat(slots)
          .extracting(Slot::start)
          .element(2)
          .isEqualTo(Instant.parse("2026-03-29T01:00:00Z"));
    }

    @Test
    void fallBackDayOffersTheRepeatedHourOnceAtItsFirstOccurrence() {
      LocalDate fallBack = LocalDate.of(2026, 10, 25);
      SlotFinder finder = nightShiftOn(fallBack);

      List<Slot> slots =
          slotsOn(
              finder,
              request(halfHourGrid, BASIC_INCOME, 1),
              fallBack,
              Occupancy.empty(),
              at(fallBack.minusDays(1), "12:00"));

      assertThat(localStarts(slots))
          .isEqualTo(times("01:00", "01:30", "02:00", "02:30", "03:00", "03:30", "04:00", "04:30"));
      assertThat(slots)
          .extracting(Slot::start)
          .contains(Instant.parse("2026-10-25T00:00:00Z"), Instant.parse("2026-10-25T00:30:00Z"))
          .doesNotContain(
              Instant.parse("2026-10-25T01:00:00Z"), Instant.parse("2026-10-25T01:30:00Z"));
      assertThat(slots.get(2).start().atZone(BERLIN_TIME).getOffset())
          .isEqualTo(
              ZonedDateTime.of(fallBack, LocalTime.of(2, 0), BERLIN_TIME)
                  .withEarlierOffsetAtOverlap()
                  .getOffset());
    }

    @Test
    void holdInTheRepeatedHourBlocksByRealTime() {
      LocalDate fallBack = LocalDate.of(2026, 10, 25);
      SlotFinder finder = nightShiftOn(fallBack);
      // Busy from 02:45 summer time to 02:15 winter time: half an hour of real time.
      Occupancy occupancy =
          Occupancy.of(
              List.of(
                  BusyPeriod.booking(
                      ResourceId.of("anna"),
                      Instant.parse("2026-10-25T00:45:00Z"),
                      Instant.parse("2026-10-25T01:15:00Z"))));

      List<Slot> slots =
          slotsOn(
              finder,
              request(halfHourGrid, BASIC_INCOME, 1),
              fallBack,
              occupancy,
              at(fallBack.minusDays(1), "12:00"));

      assertThat(slots)
          .extracting(Slot::start)
          // 02:00 summer time ends before the busy half hour, 03:00 winter time starts after it.
          .contains(Instant.parse("2026-10-25T00:00:00Z"), Instant.parse("2026-10-25T02:00:00Z"))
          // 02:30 summer time lasts into it.
          .doesNotContain(Instant.parse("2026-10-25T00:30:00Z"));
    }
  }

  @Nested
  class FirstFreeSlotAndCalendar {

    private final SlotFinder finder =
        finder(OFFICE, scheduled(caseworker("anna", BASIC_INCOME), MORNINGS));
    private final AppointmentRequest request = request(OFFICE, BASIC_INCOME, 1);

    @Test
    void firstFreeSlotIsTheEarliestOfferedStartAtOrAfterTheGivenInstant() {
      Occupancy mondayFull =
          Occupancy.of(
              List.of(
                  BusyPeriod.booking(
                      ResourceId.of("anna"), at(MONDAY_DATE, "08:00"), at(MONDAY_DATE, "12:00"))));

      assertThat(finder.firstFreeSlot(request, NOW, Occupancy.empty(), NOW))
          .contains(new Slot(at(MONDAY_DATE, "08:00"), 1));
      assertThat(finder.firstFreeSlot(request, at(MONDAY_DATE, "09:01"), Occupancy.empty(), NOW))
          .contains(new Slot(at(MONDAY_DATE, "09:10"), 1));
      assertThat(finder.firstFreeSlot(request, NOW, mondayFull, NOW))
          .contains(new Slot(at(MONDAY_DATE.plusDays(1), "08:00"), 1));
    }

    @Test
    void firstFreeSlotIsEmptyWhenTheHorizonHoldsNone() {
      assertThat(
              finder.firstFreeSlot(request, NOW.plus(Duration.ofDays(61)), Occupancy.empty(), NOW))
          .isEmpty();
      SlotFinder nobody = finder(OFFICE);
      assertThat(nobody.firstFreeSlot(request, NOW, Occupancy.empty(), NOW)).isEmpty();
    }

    @Test
    void calendarViewListsTheDaysOfTheMonthWithAnyFreeSlot() {
      YearMonth december = YearMonth.of(2026, 12);
      Occupancy tuesdayFull =
          Occupancy.of(
              List.of(
                  BusyPeriod.booking(
                      ResourceId.of("anna"),
                      at(MONDAY_DATE.plusDays(1), "08:00"),
                      at(MONDAY_DATE.plusDays(1), "12:00"))));

      Set<LocalDate> days = finder.daysWithFreeSlots(request, december, tuesdayFull, NOW);

      // From Monday 7 December on, weekdays except the fully booked Tuesday and the Christmas
      // holidays (Friday 25 December is a holiday; 24 and 31 December are working days).
      List<LocalDate> expected =
          IntStream.rangeClosed(7, 31)
              .mapToObj(day -> LocalDate.of(2026, 12, day))
              .filter(date -> WEEKDAYS.contains(date.getDayOfWeek()))
              .filter(date -> date.getDayOfMonth() != 8 && date.getDayOfMonth() != 25)
              .toList();
      assertThat(days).containsExactlyElementsOf(expected);
    }
  }

  @Nested
  class Contract {

    @Test
    void resultIsSortedAndDoesNotDependOnTheOrderOfInputs() {
      List<BusyPeriod> periods = new ArrayList<>();
      for (int day = 0; day < 5; day++) {
        periods.add(
            BusyPeriod.booking(
                ResourceId.of("anna"),
                at(MONDAY_DATE.plusDays(day), "09:00"),
                at(MONDAY_DATE.plusDays(day), "09:30")));
        periods.add(
            BusyPeriod.booking(
                ResourceId.of("ben"),
                at(MONDAY_DATE.plusDays(day), "10:00"),
                at(MONDAY_DATE.plusDays(day), "10:50")));
      }
      List<BusyPeriod> shuffled = new ArrayList<>(periods);
      Collections.shuffle(shuffled, new java.util.Random(7));
      ScheduledResource anna = scheduled(caseworker("anna", BASIC_INCOME), MORNINGS);
      ScheduledResource ben = scheduled(caseworker("ben", BASIC_INCOME), MORNINGS);
      DateRange week = DateRange.closed(MONDAY_DATE, MONDAY_DATE.plusDays(6));
      AppointmentRequest request = request(OFFICE, BASIC_INCOME, 1);

      Availability first =
          finder(OFFICE, anna, ben).findSlots(request, week, Occupancy.of(periods), NOW);
      Availability second =
          finder(OFFICE, ben, anna).findSlots(request, week, Occupancy.of(shuffled), NOW);

      assertThat(second).isEqualTo(first);
      assertThat(first.slots()).extracting(Slot::start).isSorted();
      assertThat(first.days()).extracting(DayAvailability::date).isSorted();
    }

    @Test
    void freeResourcesAtRefusesStartsThatWouldNotBeOffered() {
      SlotFinder finder = finder(OFFICE, scheduled(caseworker("anna", BASIC_INCOME), MORNINGS));
      AppointmentRequest request = request(OFFICE, BASIC_INCOME, 1);

      assertThat(finder.freeResourcesAt(request, at(MONDAY_DATE, "09:00"), Occupancy.empty(), NOW))
          .containsExactly(ResourceId.of("anna"));
      assertThat(finder.freeResourcesAt(request, at(MONDAY_DATE, "09:05"), Occupancy.empty(), NOW))
          .as("off the grid")
          .isEmpty();
      assertThat(
              finder.freeResourcesAt(
                  request, at(MONDAY_DATE, "09:00").plusSeconds(1), Occupancy.empty(), NOW))
          .as("not a whole minute")
          .isEmpty();
      assertThat(finder.freeResourcesAt(request, at(MONDAY_DATE, "11:40"), Occupancy.empty(), NOW))
          .as("would end after 12:00")
          .isEmpty();
      assertThat(
              finder.freeResourcesAt(
                  request, at(MONDAY_DATE, "09:00"), Occupancy.empty(), at(MONDAY_DATE, "09:01")))
          .as("in the past")
          .isEmpty();
      assertThat(
              finder.freeResourcesAt(
                  request, at(MONDAY_DATE.plusDays(70), "09:00"), Occupancy.empty(), NOW))
          .as("beyond the horizon")
          .isEmpty();
    }

    @Test
    void requestForAnotherOfficeIsAProgrammingError() {
      Office other =
          new Office(
              OfficeId.of("other"),
              "Other",
              BERLIN_TIME,
              OFFICE.holidayRegion(),
              10,
              OFFICE.horizon(),
              OFFICE.holdDuration());
      SlotFinder finder = finder(OFFICE, scheduled(caseworker("anna", BASIC_INCOME), MORNINGS));

      assertThatIllegalArgumentException()
          .isThrownBy(
              () ->
                  finder.findSlots(
                      request(other, BASIC_INCOME, 1),
                      DateRange.ofDay(MONDAY_DATE),
                      Occupancy.empty(),
                      NOW))
          .withMessageContaining("other");
    }

    @Test
    void resourceOfAnotherOfficeIsRejectedBySchedule() {
      ScheduledResource foreign =
          scheduled(
              org.opentermin.core.catalog.Resource.of(
                  ResourceId.of("x"),
                  OfficeId.of("other"),
                  "X",
                  org.opentermin.core.catalog.ResourceKind.ROOM,
                  List.of()),
              MORNINGS);

      assertThatIllegalArgumentException()
          .isThrownBy(() -> OfficeSchedule.of(OFFICE, List.of(foreign), List.of()));
    }
  }

  @Test
  void weekendRulesWorkLikeAnyOther() {
    WorkingTime saturday =
        WorkingTime.builder()
            .rule(WeeklyRule.weekly(EnumSet.of(java.time.DayOfWeek.SATURDAY), "09:00", "10:00"))
            .build();
    SlotFinder finder = finder(OFFICE, scheduled(caseworker("anna", BASIC_INCOME), saturday));

    assertThat(
            localStarts(slotsOn(finder, request(OFFICE, BASIC_INCOME, 1), MONDAY_DATE.plusDays(5))))
        .isEqualTo(times("09:00", "09:10", "09:20", "09:30"));
  }
}
