package org.opentermin.ports.out;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opentermin.core.booking.Citizen;
import org.opentermin.core.catalog.OfficeId;

class NotificationTest {

  private static final Notifier.Notification OFFER =
      new Notifier.Notification(
          Notifier.Kind.WAITING_LIST_OFFER,
          OfficeId.of("sbh-mitte"),
          new Citizen(
              "Erika Mustermann", Optional.of("erika@example.org"), Optional.of("+49 89 1234")),
          "entry-4711",
          Optional.of(Instant.parse("2026-12-01T18:00:00Z")),
          Optional.of(Instant.parse("2026-12-02T08:00:00Z")));

  @Test
  void aNotificationCarriesNoServiceThatCouldBeNamed() {
    assertThat(
            Arrays.stream(Notifier.Notification.class.getRecordComponents())
                .map(component -> component.getType().getSimpleName()))
        .doesNotContain("Service", "ServiceId", "BookedService", "Appointment");
  }

  @Test
  void itsTextFormShowsNoPersonalData() {
    assertThat(OFFER.toString())
        .contains("WAITING_LIST_OFFER", "sbh-mitte", "entry-4711")
        .doesNotContain("Erika", "erika@example.org", "+49 89 1234");
  }
}
