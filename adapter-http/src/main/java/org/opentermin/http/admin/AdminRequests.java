package org.opentermin.http.admin;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.opentermin.core.access.AccessRole;
import org.opentermin.core.catalog.AppointmentMode;
import org.opentermin.core.catalog.Channel;
import org.opentermin.core.catalog.ResourceKind;
import org.opentermin.http.common.CommonRequests;

/**
 * The request bodies of the administration routes, as Jackson reads them and Jakarta Validation
 * checks them. Absent optional fields are {@code null}. The core never sees these records.
 */
final class AdminRequests {

  private AdminRequests() {}

  record NewOffice(
      @Pattern(regexp = CommonRequests.ID, message = CommonRequests.ID_MESSAGE) String id,
      @NotBlank @Size(max = 200) String name,
      @NotBlank @Size(max = 64) String timeZone,
      @NotBlank @Size(max = 40) String state,
      @NotNull Integer slotMinutes,
      @Min(1) @Max(60) Integer holdMinutes,
      @Min(0) @Max(43_200) Integer minNoticeMinutes,
      @NotNull @Min(0) @Max(730) Integer maxDaysAhead,
      @Size(max = 300) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
          String address) {}

  record NewService(
      @Pattern(regexp = CommonRequests.ID, message = CommonRequests.ID_MESSAGE) String id,
      @NotBlank @Size(max = 200) String name,
      @NotNull @Min(1) @Max(480) Integer durationMinutes,
      @NotNull @Min(1) @Max(20) Integer maxPersons,
      @NotEmpty @Size(max = 3) List<@NotNull Channel> channels,
      Boolean sensitive,
      @Size(min = 1, max = 3) List<@NotNull @Valid ServiceMode> modes) {}

  /** A mode a new service is served in: optionally its own duration and its only resources. */
  record ServiceMode(
      @NotNull AppointmentMode mode,
      @Min(1) @Max(480) Integer durationMinutes,
      @Size(max = 200) List<@NotNull @Valid ModeResource> resources) {}

  /** A resource of an office that serves a mode. */
  record ModeResource(
      @NotNull @Pattern(regexp = CommonRequests.ID, message = CommonRequests.ID_MESSAGE)
          String officeId,
      @NotNull @Pattern(regexp = CommonRequests.ID, message = CommonRequests.ID_MESSAGE)
          String resourceId) {}

  record NewResource(
      @Pattern(regexp = CommonRequests.ID, message = CommonRequests.ID_MESSAGE) String id,
      @NotBlank @Size(max = 200) String name,
      @NotNull ResourceKind kind,
      @NotEmpty @Size(max = 200)
          List<
                  @NotNull @Pattern(regexp = CommonRequests.ID, message = CommonRequests.ID_MESSAGE)
                  String>
              serviceIds,
      @Pattern(regexp = CommonRequests.ID, message = CommonRequests.ID_MESSAGE) String team) {}

  record Schedule(
      @NotNull @Size(max = 100) List<@NotNull @Valid Rule> rules,
      @Size(max = 100) List<@NotNull @Valid Rule> breaks,
      @Size(max = 1000) List<@NotNull @Valid ExtraTime> extraTimes,
      @Size(max = 1000) List<@NotNull @Valid Absence> absences) {}

  record Rule(
      @NotEmpty @Size(max = 7)
          List<
                  @NotNull
                  @Pattern(
                      regexp = "MON|TUE|WED|THU|FRI|SAT|SUN",
                      message = "must be one of MON, TUE, WED, THU, FRI, SAT, SUN")
                  String>
              days,
      @NotNull LocalTime from,
      @NotNull LocalTime to,
      LocalDate validFrom,
      LocalDate validTo,
      @Min(1) @Max(52) Integer everyWeeks) {}

  record ExtraTime(@NotNull LocalDate date, @NotNull LocalTime from, @NotNull LocalTime to) {}

  record Absence(@NotNull LocalDateTime from, @NotNull LocalDateTime to) {}

  record NewClosure(@NotNull LocalDate date, @NotNull @Size(max = 200) String reason) {}

  record NewToken(
      @NotNull AccessRole role,
      @Size(max = 100)
          List<
                  @NotNull @Pattern(regexp = CommonRequests.ID, message = CommonRequests.ID_MESSAGE)
                  String>
              officeIds) {}
}
