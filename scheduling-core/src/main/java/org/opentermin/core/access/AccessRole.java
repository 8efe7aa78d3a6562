package org.opentermin.core.access;

/** What the holder of an access token may do. */
public enum AccessRole {
  /** Sees and manages the bookings of their offices, books for callers. */
  STAFF,
  /** Like staff, for the offices they run. */
  OFFICE_ADMIN,
  /** Configures everything and issues tokens; reaches every office. */
  ADMIN
}
