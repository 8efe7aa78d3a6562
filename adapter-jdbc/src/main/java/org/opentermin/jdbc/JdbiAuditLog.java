package org.opentermin.jdbc;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.opentermin.core.audit.AuditAction;
import org.opentermin.core.audit.AuditEntry;
import org.opentermin.core.booking.AppointmentId;
import org.opentermin.core.booking.BookingReference;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.jdbc.AuditSql.EntryRow;
import org.opentermin.ports.out.AuditLog;

/**
 * {@link AuditLog} in PostgreSQL: the table {@code audit_log}, which refuses UPDATE, DELETE and
 * TRUNCATE itself. Booking changes arrive by the trigger on {@code booking_events}, in the
 * transaction of the change. Each method is one statement.
 */
final class JdbiAuditLog implements AuditLog {

  private final Transactions transactions;

  JdbiAuditLog(Transactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public void append(AuditEntry entry) {
    checkNotNull(entry, "entry");
    EntryRow row =
        new EntryRow(
            entry.office().value(),
            0,
            JdbiBookingStore.utc(entry.at()),
            entry.actor().kind(),
            entry.actor().id(),
            entry.action().name(),
            entry.appointment().map(AppointmentId::uuid).orElse(null),
            entry.reference().map(BookingReference::value).orElse(null),
            entry.detail());
    transactions.singleStatement(
        handle -> {
          AuditSql.append(handle, row);
          return null;
        });
  }

  @Override
  public Page read(Query query) {
    checkNotNull(query, "query");
    // One more than the page holds tells whether there is a next page.
    List<EntryRow> rows =
        transactions.read(
            handle ->
                AuditSql.page(
                    handle,
                    query.office().value(),
                    query.after(),
                    query.from().map(JdbiBookingStore::utc).orElse(null),
                    query.to().map(JdbiBookingStore::utc).orElse(null),
                    query.limit() + 1));
    ImmutableList<Logged> entries =
        rows.stream()
            .limit(query.limit())
            .map(JdbiAuditLog::logged)
            .collect(ImmutableList.toImmutableList());
    OptionalLong next =
        rows.size() > query.limit()
            ? OptionalLong.of(entries.get(entries.size() - 1).position())
            : OptionalLong.empty();
    return new Page(entries, next);
  }

  private static Logged logged(EntryRow row) {
    OfficeId office = OfficeId.of(row.officeId());
    return new Logged(
        row.entryNo(),
        new AuditEntry(
            row.at().toInstant(),
            AppointmentRows.actor(row.actorKind(), row.actorId()),
            AuditAction.valueOf(row.action()),
            office,
            Optional.ofNullable(row.appointmentId()).map(uuid -> new AppointmentId(office, uuid)),
            Optional.ofNullable(row.reference()).map(BookingReference::new),
            row.detail()));
  }
}
