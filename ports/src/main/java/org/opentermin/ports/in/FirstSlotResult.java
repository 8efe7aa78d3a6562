package org.opentermin.ports.in;

import java.time.ZoneId;
import org.opentermin.core.availability.Slot;

/** The first free slot, the answer that there is none, or why there is no answer. */
public sealed interface FirstSlotResult
    permits FirstSlotResult.Found, FirstSlotResult.NoneFree, Refused {

  /** The first free slot, and the office's zone to show it in. */
  record Found(Slot slot, ZoneId zone) implements FirstSlotResult {}

  /** Nothing is free within the office's horizon. */
  record NoneFree() implements FirstSlotResult {}
}
