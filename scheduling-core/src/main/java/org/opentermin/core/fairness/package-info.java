/**
 * Fair access to appointments: release waves, channel contingents, cancellation quarantine,
 * identity, hold and reschedule limits, lottery, waiting list, proof-of-work challenges and fair
 * assignment among staff, each a small rule whose random decisions are keyed by the office's
 * secret.
 */
package org.opentermin.core.fairness;
