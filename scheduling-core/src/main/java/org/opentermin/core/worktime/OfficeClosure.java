package org.opentermin.core.worktime;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.LocalDate;

/**
 * A whole day on which an office is closed (Schließtag) beyond its public holidays, e.g. for a
 * staff outing; nobody at the office works that day, extra times included. Immutable.
 */
public record OfficeClosure(LocalDate date, String reason) {

  public OfficeClosure {
    checkNotNull(date, "date");
    checkNotNull(reason, "reason");
    checkArgument(reason.length() <= 200, "closure reason is limited to 200 characters");
  }
}
