/**
 * Fair-access use cases that allocate capacity themselves rather than letting citizens race for it:
 * the waiting list, whose job offers freed capacity in order, and the lottery.
 */
package org.opentermin.ports.fairness;
