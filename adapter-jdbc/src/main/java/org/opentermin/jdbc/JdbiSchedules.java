package org.opentermin.jdbc;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableSet;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opentermin.core.availability.OfficeSchedule;
import org.opentermin.core.availability.ScheduledResource;
import org.opentermin.core.catalog.Office;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.catalog.Resource;
import org.opentermin.core.catalog.ResourceId;
import org.opentermin.core.time.DateRange;
import org.opentermin.core.time.TimeOfDayRange;
import org.opentermin.core.worktime.Absence;
import org.opentermin.core.worktime.ExtraTime;
import org.opentermin.core.worktime.OfficeClosure;
import org.opentermin.core.worktime.WeeklyRule;
import org.opentermin.core.worktime.WorkingTime;
import org.opentermin.jdbc.CatalogSql.ResourceRow;
import org.opentermin.jdbc.WorkingTimeSql.AbsenceRow;
import org.opentermin.jdbc.WorkingTimeSql.ClosureRow;
import org.opentermin.jdbc.WorkingTimeSql.ExtraTimeRow;
import org.opentermin.jdbc.WorkingTimeSql.RuleRow;

/**
 * The schedule part of {@link JdbiCatalogStore}: working times, closures and the office schedule
 * built from them. Each method is one transaction.
 */
final class JdbiSchedules {

  private static final String WORK = "WORK";
  private static final String BREAK = "BREAK";

  private final Transactions transactions;

  JdbiSchedules(Transactions transactions) {
    this.transactions = transactions;
  }

  void saveWorkingTime(OfficeId office, ResourceId resource, WorkingTime workingTime) {
    checkNotNull(workingTime, "workingTime");
    String officeId = office.value();
    String resourceId = resource.value();
    transactions.write(
        handle -> {
          if (!CatalogSql.resourceExists(handle, officeId, resourceId)) {
            throw new IllegalArgumentException(
                "unknown resource " + resource + " at office " + office);
          }
          WorkingTimeSql.deleteWorkingTime(handle, officeId, resourceId);
          int position = 0;
          for (WeeklyRule rule : workingTime.rules()) {
            WorkingTimeSql.insertRule(
                handle, officeId, position++, ruleRow(resourceId, WORK, rule));
          }
          for (WeeklyRule pause : workingTime.breaks()) {
            WorkingTimeSql.insertRule(
                handle, officeId, position++, ruleRow(resourceId, BREAK, pause));
          }
          position = 0;
          for (ExtraTime extra : workingTime.extraTimes()) {
            WorkingTimeSql.insertExtraTime(
                handle,
                officeId,
                position++,
                new ExtraTimeRow(
                    resourceId, extra.date(), extra.hours().start(), extra.hours().end()));
          }
          position = 0;
          for (Absence absence : workingTime.absences()) {
            WorkingTimeSql.insertAbsence(
                handle,
                officeId,
                position++,
                new AbsenceRow(resourceId, absence.start(), absence.end()));
          }
          CatalogSql.touchOffice(handle, officeId);
        },
        "resource");
  }

  void saveClosure(OfficeId office, OfficeClosure closure) {
    checkNotNull(closure, "closure");
    transactions.write(
        handle -> {
          WorkingTimeSql.upsertClosure(
              handle, office.value(), new ClosureRow(closure.date(), closure.reason()));
          CatalogSql.touchOffice(handle, office.value());
        },
        "office");
  }

  Optional<OfficeSchedule> schedule(OfficeId officeId) {
    // One snapshot, so that the parts belong together.
    return transactions.readConsistent(
        handle -> {
          Optional<Office> office =
              CatalogSql.office(handle, officeId.value()).map(CatalogRows::office);
          if (office.isEmpty()) {
            return Optional.empty();
          }
          String id = officeId.value();
          Map<String, Resource> resources = new LinkedHashMap<>();
          Map<String, WorkingTime.Builder> times = new LinkedHashMap<>();
          for (ResourceRow row : CatalogSql.resources(handle, id)) {
            resources.put(row.resourceId(), CatalogRows.resource(officeId, row));
            times.put(row.resourceId(), WorkingTime.builder());
          }
          for (RuleRow row : WorkingTimeSql.rules(handle, id)) {
            if (row.kind().equals(WORK)) {
              times.get(row.resourceId()).rule(rule(row));
            } else {
              times.get(row.resourceId()).breakRule(rule(row));
            }
          }
          for (ExtraTimeRow row : WorkingTimeSql.extraTimes(handle, id)) {
            times
                .get(row.resourceId())
                .extraTime(
                    new ExtraTime(row.day(), new TimeOfDayRange(row.startTime(), row.endTime())));
          }
          for (AbsenceRow row : WorkingTimeSql.absences(handle, id)) {
            times.get(row.resourceId()).absence(new Absence(row.startsAt(), row.endsAt()));
          }
          List<ScheduledResource> scheduled =
              resources.entrySet().stream()
                  .map(
                      entry ->
                          new ScheduledResource(
                              entry.getValue(), times.get(entry.getKey()).build()))
                  .toList();
          List<OfficeClosure> closures =
              WorkingTimeSql.closures(handle, id).stream()
                  .map(row -> new OfficeClosure(row.day(), row.reason()))
                  .toList();
          return Optional.of(OfficeSchedule.of(office.get(), scheduled, closures));
        });
  }

  private static RuleRow ruleRow(String resourceId, String kind, WeeklyRule rule) {
    return new RuleRow(
        resourceId,
        kind,
        rule.days().stream().map(DayOfWeek::getValue).sorted().toArray(Integer[]::new),
        rule.hours().start(),
        rule.hours().end(),
        rule.validity().start().equals(LocalDate.MIN) ? null : rule.validity().start(),
        rule.validity().endExclusive().equals(LocalDate.MAX)
            ? null
            : rule.validity().endExclusive(),
        rule.everyWeeks(),
        rule.anchorWeek());
  }

  private static WeeklyRule rule(RuleRow row) {
    return new WeeklyRule(
        Arrays.stream(row.days()).map(DayOfWeek::of).collect(ImmutableSet.toImmutableSet()),
        new TimeOfDayRange(row.startTime(), row.endTime()),
        new DateRange(
            row.validFrom() == null ? LocalDate.MIN : row.validFrom(),
            row.validUntil() == null ? LocalDate.MAX : row.validUntil()),
        row.everyWeeks(),
        row.anchorWeek());
  }
}
