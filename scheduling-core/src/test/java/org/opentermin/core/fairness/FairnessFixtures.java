package org.opentermin.core.fairness;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import org.opentermin.core.calendar.HolidayRegion;
import org.opentermin.core.catalog.BookingHorizon;
import org.opentermin.core.catalog.Office;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.catalog.ResourceId;

/** Shared values for the fairness tests. */
final class FairnessFixtures {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final OfficeId OFFICE_ID = OfficeId.of("sbh-mitte");
  static final ResourceId ANNA = ResourceId.of("anna");
  static final ResourceId BERND = ResourceId.of("bernd");
  static final FairnessSecret SECRET =
      FairnessSecret.of(UUID.fromString("6f1c9e52-3a7d-4e0b-9c55-0d2f7a41b8e3"));
  static final FairnessSecret OTHER_SECRET =
      FairnessSecret.of(UUID.fromString("0b8a2d4e-77c1-4f39-a6e2-5c9d13f0e7aa"));

  private FairnessFixtures() {}

  static Office office(int slotMinutes) {
    return new Office(
        OFFICE_ID,
        "Sozialbürgerhaus Mitte",
        BERLIN,
        HolidayRegion.munich(),
        slotMinutes,
        BookingHorizon.of(Duration.ZERO, 60),
        Office.DEFAULT_HOLD_DURATION);
  }

  static AccessPolicy only(ReleasePolicy release) {
    return new AccessPolicy(
        Optional.of(release),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  static AccessPolicy only(ChannelContingents contingents) {
    return new AccessPolicy(
        Optional.empty(),
        Optional.of(contingents),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  static AccessPolicy only(Quarantine quarantine) {
    return new AccessPolicy(
        Optional.empty(),
        Optional.empty(),
        Optional.of(quarantine),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }
}
