/**
 * The plain services behind the booking use cases: availability, holds, confirmation and the
 * lifecycle of bookings, composed from the core's rules and the out-ports.
 */
package org.opentermin.ports.booking;
