package org.opentermin.http.privacy;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.opentermin.core.booking.Booking;
import org.opentermin.core.booking.BookingEvent;
import org.opentermin.core.booking.BookingReference;
import org.opentermin.core.booking.ErasedBooking;
import org.opentermin.core.booking.VideoLink;
import org.opentermin.core.catalog.Office;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.catalog.Service;
import org.opentermin.core.catalog.ServiceId;
import org.opentermin.core.privacy.RetentionPeriod;
import org.opentermin.http.booking.CitizenRoutes;
import org.opentermin.http.common.Authentication;
import org.opentermin.http.common.CommonViews;
import org.opentermin.http.common.JsonBodies;
import org.opentermin.http.common.Parameters;
import org.opentermin.http.problem.ApiProblem;
import org.opentermin.http.problem.ErrorMapping;
import org.opentermin.ports.in.ChangeResult;
import org.opentermin.ports.in.ConfigureRetention;
import org.opentermin.ports.in.ManagePersonalData;
import org.opentermin.ports.in.ManagePersonalData.BookingData;
import org.opentermin.ports.in.Refused;

/**
 * Privacy by design over HTTP: with the manage token, a citizen downloads everything stored about
 * their booking and erases it early ({@code DELETE}: an upcoming booking is cancelled by it);
 * administrators (or the office's admin) read and set the office's retention period. As for the
 * other booking routes, a missing or wrong token is answered exactly like an unknown reference.
 */
public final class PrivacyRoutes {

  private static final String BOOKING = "/api/v1/bookings/{reference}";
  private static final String RETENTION = "/api/v1/admin/offices/{officeId}/retention";

  private final ManagePersonalData personalData;
  private final ConfigureRetention retention;
  private final Clock clock;
  private final Authentication authentication;

  public PrivacyRoutes(
      ManagePersonalData personalData,
      ConfigureRetention retention,
      Clock clock,
      Authentication authentication) {
    this.personalData = checkNotNull(personalData, "personalData");
    this.retention = checkNotNull(retention, "retention");
    this.clock = checkNotNull(clock, "clock");
    this.authentication = checkNotNull(authentication, "authentication");
  }

  public void register(RoutesConfig routes) {
    routes.get(BOOKING + "/data", this::download);
    routes.delete(BOOKING, this::erase);
    routes.get(RETENTION, ctx -> ctx.json(retention(authentication.officeForAdmin(ctx))));
    routes.put(RETENTION, this::setRetention);
  }

  /** An office's retention period, in days. */
  record Retention(@NotNull @Min(1) @Max(3650) Integer retentionDays) {}

  /** Everything stored about one booking, as a file to keep. */
  record BookingDataView(
      String generatedAt,
      String reference,
      String status,
      String start,
      String end,
      String channel,
      String mode,
      String videoLink,
      OfficeView office,
      List<ServiceView> services,
      CommonViews.CitizenView citizen,
      List<EventView> history,
      PseudonymsView pseudonyms,
      RetentionView retention) {

    static BookingDataView of(BookingData data, String generatedAt) {
      Booking booking = data.booking();
      ZoneId zone = data.office().zone();
      ImmutableMap<ServiceId, String> names =
          data.services().stream().collect(ImmutableMap.toImmutableMap(Service::id, Service::name));
      return new BookingDataView(
          generatedAt,
          booking.reference().value(),
          booking.status().name(),
          CommonViews.local(booking.start(), zone),
          CommonViews.local(booking.end(), zone),
          booking.channel().name(),
          booking.mode().name(),
          booking.videoLink().map(VideoLink::text).orElse(null),
          OfficeView.of(data.office()),
          booking.services().stream()
              .map(
                  service ->
                      new ServiceView(
                          service.service().value(),
                          names.get(service.service()),
                          service.persons()))
              .toList(),
          CommonViews.CitizenView.of(booking.citizen()),
          data.history().stream().map(EventView::of).toList(),
          new PseudonymsView(
              true,
              data.pseudonyms().identityKeys(),
              data.pseudonyms().clientKey(),
              data.pseudonyms().idempotencyKey()),
          new RetentionView(data.retention().days(), CommonViews.utc(data.erasureDue())));
    }
  }

  record OfficeView(String id, String name, String address, String timeZone) {

    static OfficeView of(Office office) {
      return new OfficeView(
          office.id().value(), office.name(), office.address().orElse(null), office.zone().getId());
    }
  }

  record ServiceView(String serviceId, String name, int persons) {}

  /**
   * A recorded change; staff are named by their role only, their identity is not the citizen's
   * data.
   */
  record EventView(String at, String by, String from, String to, String note) {

    static EventView of(BookingEvent event) {
      return new EventView(
          CommonViews.utc(event.at()),
          event.actor().kind(),
          event.from().name(),
          event.to().name(),
          event.note());
    }
  }

  /** Which one-way or keyed hashes are stored with the booking (never the values themselves). */
  record PseudonymsView(
      boolean manageTokenHash,
      boolean identityKeys,
      boolean clientAddressKey,
      boolean idempotencyKey) {}

  record RetentionView(int days, String erasureDue) {}

  /** What is left of a booking once its personal data is erased. */
  record ErasedView(String reference, String status, String erasedAt) {}

  record OfficeRetentionView(String officeId, int retentionDays) {}

  private void download(Context ctx) {
    BookingReference reference = Parameters.reference(ctx);
    BookingData data =
        personalData
            .download(reference, CitizenRoutes.citizenAccess(ctx))
            .orElseThrow(() -> ApiProblem.notFound("unknown booking"));
    ctx.header(
        "Content-Disposition",
        "attachment; filename=\"opentermin-" + reference.value() + ".json\"");
    ctx.json(BookingDataView.of(data, CommonViews.utc(clock.instant())));
  }

  private void erase(Context ctx) {
    BookingReference reference = Parameters.reference(ctx);
    ChangeResult result = personalData.erase(reference, CitizenRoutes.citizenAccess(ctx));
    if (result instanceof Refused refused) {
      throw ErrorMapping.problem(refused);
    }
    ErasedBooking erased = (ErasedBooking) ((ChangeResult.Changed) result).booking();
    ctx.json(
        new ErasedView(
            reference.value(), erased.status().name(), CommonViews.utc(erased.erasedAt())));
  }

  private void setRetention(Context ctx) {
    Authentication.InOffice caller = authentication.adminOfOffice(ctx);
    OfficeId office = caller.office();
    Retention body = JsonBodies.read(ctx, Retention.class);
    Optional<Refused> refused =
        retention.setRetentionPeriod(
            office, RetentionPeriod.ofDays(body.retentionDays()), caller.actor());
    if (refused.isPresent()) {
      throw ErrorMapping.problem(refused.get());
    }
    ctx.json(retention(office));
  }

  private OfficeRetentionView retention(OfficeId office) {
    RetentionPeriod period =
        retention
            .retentionPeriod(office)
            .orElseThrow(() -> ApiProblem.notFound("unknown office " + office));
    return new OfficeRetentionView(office.value(), period.days());
  }
}
