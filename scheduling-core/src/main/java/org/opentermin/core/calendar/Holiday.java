package org.opentermin.core.calendar;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.LocalDate;

/** A public holiday: a date on which offices do not keep their weekly hours. Immutable. */
public record Holiday(LocalDate date, String name) {

  public Holiday {
    checkNotNull(date, "date");
    checkNotNull(name, "name");
    checkArgument(!name.isBlank(), "a holiday needs a name");
  }
}
