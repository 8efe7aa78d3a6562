package org.opentermin.ports.in;

import java.util.Optional;
import org.opentermin.core.booking.Actor;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.privacy.RetentionPeriod;

/**
 * Administrators (or an office's own admin) decide how long the office keeps the personal data of
 * its bookings; the retention job erases it when that period has passed.
 */
public interface ConfigureRetention {

  /** The office's retention period (the default unless set); empty for an unknown office. */
  Optional<RetentionPeriod> retentionPeriod(OfficeId office);

  /**
   * Sets the office's retention period; it applies from the job's next run, also to bookings made
   * before. Refused ({@code NOT_FOUND}) for an unknown office.
   */
  Optional<Refused> setRetentionPeriod(OfficeId office, RetentionPeriod period, Actor by);
}
