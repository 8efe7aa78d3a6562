package org.opentermin.jdbc;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.opentermin.core.availability.BusyPeriod;
import org.opentermin.core.booking.Actor;
import org.opentermin.core.booking.Appointment;
import org.opentermin.core.booking.AppointmentId;
import org.opentermin.core.booking.AppointmentStatus;
import org.opentermin.core.booking.BookedService;
import org.opentermin.core.booking.BookingEvent;
import org.opentermin.core.booking.BookingReference;
import org.opentermin.core.booking.Citizen;
import org.opentermin.core.catalog.Channel;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.catalog.ResourceId;
import org.opentermin.core.catalog.ServiceId;
import org.opentermin.jdbc.BookingSql.AppointmentRow;
import org.opentermin.jdbc.BookingSql.EventRow;
import org.opentermin.jdbc.BookingSql.NewHold;
import org.opentermin.ports.out.BookingStore;

/**
 * {@link BookingStore} in PostgreSQL. No resource is ever claimed twice because the table's
 * exclusion constraint refuses it; this class only asks and reads the answer. Each method is one
 * transaction, retried on serialization failures and deadlocks.
 */
final class JdbiBookingStore implements BookingStore {

  private static final String CONFIRM_KEY_INDEX = "appointments_confirm_key";

  private final Transactions transactions;

  JdbiBookingStore(Transactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public ImmutableList<BusyPeriod> busyPeriods(OfficeId office, Instant from, Instant to) {
    return transactions.read(handle -> sql(handle).busy(office.value(), utc(from), utc(to)).stream()
        .map(row -> new BusyPeriod(
            ResourceId.of(row.resourceId()),
            row.startsAt().toInstant(),
            row.endsAt().toInstant(),
            row.expiresAt() == null ? Instant.MAX : row.expiresAt().toInstant()))
        .collect(ImmutableList.toImmutableList()));
  }

  @Override
  public HoldInsertion insertHold(Appointment hold, Optional<IdempotencyRecord> idempotency, Instant now) {
    checkArgument(hold.status() == AppointmentStatus.HELD, "only holds are inserted");
    checkNotNull(idempotency, "idempotency");
    NewHold row = new NewHold(
        hold.office().value(),
        hold.id().uuid(),
        hold.resource().value(),
        utc(hold.start()),
        utc(hold.end()),
        utc(hold.expiresAt().orElseThrow()),
        hold.channel().name(),
        serviceIds(hold),
        persons(hold),
        idempotency.map(IdempotencyRecord::keyHash).orElse(null),
        idempotency.map(IdempotencyRecord::requestFingerprint).orElse(null),
        utc(now));
    return transactions.inTransaction(handle -> {
      BookingSql sql = sql(handle);
      sql.deleteExpiredHoldsInTheWay(row);
      if (sql.insertHold(row) == 1) {
        return HoldInsertion.INSERTED;
      }
      boolean keyTaken = idempotency.isPresent() && sql.byHoldKey(row.officeId(), row.holdKeyHash()).isPresent();
      return keyTaken ? HoldInsertion.KEY_TAKEN : HoldInsertion.TIME_TAKEN;
    });
  }

  @Override
  public Optional<IdempotencyMatch> findByHoldKey(OfficeId office, byte[] keyHash) {
    return transactions.read(handle -> sql(handle).byHoldKey(office.value(), keyHash).map(row -> match(office, row)));
  }

  @Override
  public Optional<Appointment> find(AppointmentId id) {
    return transactions.read(handle -> sql(handle).find(id.office().value(), id.uuid()).map(JdbiBookingStore::appointment));
  }

  @Override
  public Optional<StoredBooking> findByReference(BookingReference reference) {
    return transactions.read(handle -> sql(handle).findByReference(reference.value())
        .map(row -> new StoredBooking(appointment(row), row.manageTokenHash())));
  }

  @Override
  public Confirmation confirm(
      AppointmentId hold,
      BookingReference reference,
      byte[] manageTokenHash,
      Citizen citizen,
      Optional<IdempotencyRecord> idempotency,
      Instant now,
      BookingEvent event) {
    checkArgument(event.appointment().equals(hold), "event must describe this confirmation");
    try {
      return transactions.inTransaction(handle -> {
        BookingSql sql = sql(handle);
        int confirmed = sql.confirm(
            hold.office().value(), hold.uuid(), reference.value(), manageTokenHash,
            citizen.name(), citizen.email().orElse(null), citizen.phone().orElse(null),
            idempotency.map(IdempotencyRecord::keyHash).orElse(null),
            idempotency.map(IdempotencyRecord::requestFingerprint).orElse(null),
            idempotency.map(IdempotencyRecord::retryPayload).orElse(null),
            utc(now));
        if (confirmed == 0) {
          return Confirmation.NOT_LIVE;
        }
        if (sql.claimReference(reference.value(), hold.office().value(), hold.uuid()) == 0) {
          handle.rollback();
          return Confirmation.REFERENCE_TAKEN;
        }
        sql.insertEvent(eventRow(event));
        return Confirmation.CONFIRMED;
      });
    } catch (JdbiException failure) {
      if (CONFIRM_KEY_INDEX.equals(Transactions.violatedConstraint(failure))) {
        return Confirmation.KEY_TAKEN;
      }
      throw failure;
    }
  }

  @Override
  public Optional<IdempotencyMatch> findByConfirmKey(OfficeId office, byte[] keyHash) {
    return transactions.read(handle -> sql(handle).byConfirmKey(office.value(), keyHash).map(row -> match(office, row)));
  }

  @Override
  public boolean changeStatus(AppointmentId booking, AppointmentStatus expected, BookingEvent event) {
    checkArgument(event.appointment().equals(booking) && event.from() == expected, "event must describe this change");
    return transactions.inTransaction(handle -> {
      BookingSql sql = sql(handle);
      if (sql.changeStatus(booking.office().value(), booking.uuid(), expected.name(), event.to().name(), utc(event.at())) == 0) {
        return false;
      }
      sql.insertEvent(eventRow(event));
      return true;
    });
  }

  @Override
  public boolean reschedule(AppointmentId booking, AppointmentId hold, Instant now, BookingEvent event) {
    checkArgument(booking.office().equals(hold.office()), "a booking moves only within its office");
    return transactions.inTransaction(handle -> {
      BookingSql sql = sql(handle);
      // Deleting the hold and moving the booking happen in one transaction: until it commits,
      // the hold's row keeps everybody else off that time.
      Optional<AppointmentRow> taken = sql.takeLiveHold(hold.office().value(), hold.uuid(), utc(now));
      if (taken.isEmpty()) {
        return false;
      }
      AppointmentRow newTime = taken.get();
      int moved = sql.move(booking.office().value(), booking.uuid(), newTime.resourceId(), newTime.startsAt(),
          newTime.endsAt(), newTime.serviceIds(), newTime.persons(), utc(now));
      if (moved == 0) {
        handle.rollback();
        return false;
      }
      sql.insertEvent(eventRow(event));
      return true;
    });
  }

  @Override
  public ImmutableList<BookingEvent> history(AppointmentId booking) {
    return transactions.read(handle -> sql(handle).history(booking.office().value(), booking.uuid()).stream()
        .map(JdbiBookingStore::event)
        .collect(ImmutableList.toImmutableList()));
  }

  @Override
  public int deleteExpiredHolds(OfficeId office, Instant now, int limit) {
    checkArgument(limit > 0, "limit must be positive");
    return transactions.inTransaction(handle -> sql(handle).deleteExpiredHolds(office.value(), utc(now), limit));
  }

  private static IdempotencyMatch match(OfficeId office, BookingSql.IdempotencyRow row) {
    return new IdempotencyMatch(
        new AppointmentId(office, row.appointmentId()),
        row.fingerprint(),
        row.payload() == null ? new byte[0] : row.payload());
  }

  private static Appointment appointment(AppointmentRow row) {
    List<BookedService> services = new ArrayList<>();
    for (int i = 0; i < row.serviceIds().length; i++) {
      services.add(new BookedService(ServiceId.of(row.serviceIds()[i]), row.persons()[i]));
    }
    AppointmentStatus status = AppointmentStatus.valueOf(row.status());
    Optional<Citizen> citizen =
        status == AppointmentStatus.HELD
            ? Optional.empty()
            : Optional.of(new Citizen(row.citizenName(), Optional.ofNullable(row.citizenEmail()), Optional.ofNullable(row.citizenPhone())));
    return new Appointment(
        new AppointmentId(OfficeId.of(row.officeId()), row.appointmentId()),
        ResourceId.of(row.resourceId()),
        row.startsAt().toInstant(),
        row.endsAt().toInstant(),
        ImmutableList.copyOf(services),
        Channel.valueOf(row.channel()),
        status,
        Optional.ofNullable(row.expiresAt()).map(OffsetDateTime::toInstant),
        Optional.ofNullable(row.reference()).map(BookingReference::new),
        citizen);
  }

  private static EventRow eventRow(BookingEvent event) {
    return new EventRow(
        event.appointment().office().value(),
        event.appointment().uuid(),
        utc(event.at()),
        event.actor().kind(),
        event.actor().id(),
        event.from().name(),
        event.to().name(),
        event.note());
  }

  private static BookingEvent event(EventRow row) {
    Actor actor = switch (row.actorKind()) {
      case "CITIZEN" -> Actor.CITIZEN;
      case "STAFF" -> Actor.staff(row.actorId());
      default -> Actor.SYSTEM;
    };
    return new BookingEvent(
        new AppointmentId(OfficeId.of(row.officeId()), row.appointmentId()),
        row.at().toInstant(),
        actor,
        AppointmentStatus.valueOf(row.fromStatus()),
        AppointmentStatus.valueOf(row.toStatus()),
        row.note());
  }

  private static String[] serviceIds(Appointment appointment) {
    return appointment.services().stream().map(service -> service.service().value()).toArray(String[]::new);
  }

  private static Integer[] persons(Appointment appointment) {
    return appointment.services().stream().map(BookedService::persons).toArray(Integer[]::new);
  }

  static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static BookingSql sql(Handle handle) {
    return handle.attach(BookingSql.class);
  }
}
