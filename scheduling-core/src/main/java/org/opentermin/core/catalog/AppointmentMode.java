package org.opentermin.core.catalog;

/**
 * How citizen and caseworker meet (Terminart). A service allows one or more modes; a booking has
 * exactly one.
 */
public enum AppointmentMode {
  /** The citizen comes to the office. */
  IN_PERSON,
  /** The caseworker calls the citizen back at the booked time; the booking needs a phone number. */
  PHONE,
  /** Citizen and caseworker meet in a video room whose link comes with the booking. */
  VIDEO
}
