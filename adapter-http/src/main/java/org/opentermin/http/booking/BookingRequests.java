package org.opentermin.http.booking;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import org.opentermin.core.catalog.AppointmentMode;
import org.opentermin.core.catalog.Channel;
import org.opentermin.http.common.CommonRequests;
import org.opentermin.http.common.CommonRequests.RequestedService;
import org.opentermin.http.routing.RoutingRoutes;

/**
 * The request bodies of the hold and booking routes, as Jackson reads them and Jakarta Validation
 * checks them. Absent optional fields are {@code null}. The core never sees these records.
 */
final class BookingRequests {

  private BookingRequests() {}

  record NewHold(
      @NotNull @Pattern(regexp = CommonRequests.ID, message = CommonRequests.ID_MESSAGE)
          String officeId,
      @NotEmpty @Size(max = 10) List<@NotNull @Valid RequestedService> services,
      @NotNull OffsetDateTime start,
      Channel channel,
      @Pattern(
              regexp = "[A-Za-z0-9_.:-]{16,200}",
              message = "must be 16 to 200 letters, digits or _ . : -")
          String idempotencyKey,
      Boolean urgent,
      @Valid ChallengeAnswer challenge,
      @Valid RoutingRoutes.RoutingData routing,
      AppointmentMode mode) {}

  /** A challenge from {@code GET /api/v1/challenge} and the client's solution to it. */
  record ChallengeAnswer(
      @NotBlank @Size(max = 1000) String challenge, @NotBlank @Size(max = 32) String solution) {}

  record NewBooking(
      @NotNull @Size(max = 200) String holdId,
      @NotNull @Valid BookingCitizenData citizen,
      @Pattern(
              regexp = "[A-Za-z0-9_.:-]{16,200}",
              message = "must be 16 to 200 letters, digits or _ . : -")
          String idempotencyKey) {}

  /**
   * Who comes to a booking, with an optional note for the office: sensitive, kept with the booking
   * only, shown to the office's staff and the citizen. A blank note counts as none.
   */
  record BookingCitizenData(
      @NotBlank @Size(max = 200) String name,
      @Email @Size(min = 3, max = 254) String email,
      @Pattern(
              regexp = "\\+?[0-9][0-9 ()/-]{2,30}",
              message = "must be a phone number of digits, spaces and + ( ) / -")
          String phone,
      @Size(max = 500) String note) {}

  record Reschedule(@NotNull @Size(max = 200) String holdId) {}
}
