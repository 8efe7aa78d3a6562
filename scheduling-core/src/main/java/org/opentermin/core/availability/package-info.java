/**
 * Slot generation: which start times an office can offer for an appointment request, with how many
 * qualified resources are free, computed on the fly from working time, holidays, closures and the
 * existing bookings and live holds.
 */
package org.opentermin.core.availability;
