package org.opentermin.core.catalog;

/** How a booking is made; services allow some channels, and capacity can be split by channel. */
public enum Channel {
  /** The citizen books on the web. */
  ONLINE,
  /** Staff book for a caller. */
  PHONE,
  /** Staff book at the counter for someone who is there. */
  COUNTER
}
