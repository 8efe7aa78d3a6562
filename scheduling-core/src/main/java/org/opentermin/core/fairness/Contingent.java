package org.opentermin.core.fairness;

import static com.google.common.base.Preconditions.checkNotNull;

import org.opentermin.core.catalog.Channel;

/** A share of capacity reserved for a channel or for urgent cases (Kontingent). */
public enum Contingent {
  /** For citizens booking on the web. */
  ONLINE,
  /** For staff booking for callers. */
  PHONE,
  /** For staff booking at the counter. */
  COUNTER,
  /** For cases staff mark urgent, on the phone or at the counter. */
  URGENT;

  /** The contingent a channel books from by default. */
  public static Contingent of(Channel channel) {
    checkNotNull(channel, "channel");
    return switch (channel) {
      case ONLINE -> ONLINE;
      case PHONE -> PHONE;
      case COUNTER -> COUNTER;
    };
  }
}
