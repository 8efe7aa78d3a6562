package org.opentermin.http.common;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Request body parts that several features read, and the id pattern they share. Absent optional
 * fields are {@code null}. The core never sees these records.
 */
public final class CommonRequests {

  private CommonRequests() {}

  /** Ids: letters, digits, {@code -} and {@code _}, starting with a letter or digit. */
  public static final String ID = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}";

  public static final String ID_MESSAGE =
      "must be 1 to 64 letters, digits, - or _, starting with a letter or digit";

  public record RequestedService(
      @NotNull @Pattern(regexp = ID, message = ID_MESSAGE) String serviceId,
      @NotNull @Min(1) @Max(20) Integer persons) {}

  public record CitizenData(
      @NotBlank @Size(max = 200) String name,
      @Email @Size(min = 3, max = 254) String email,
      @Pattern(
              regexp = "\\+?[0-9][0-9 ()/-]{2,30}",
              message = "must be a phone number of digits, spaces and + ( ) / -")
          String phone) {}

  public record Cancellation(@Size(max = 500) String reason) {}
}
