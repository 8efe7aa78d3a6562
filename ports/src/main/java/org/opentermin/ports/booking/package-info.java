/**
 * The services behind the booking use cases, one per use case (availability, holds, confirmation,
 * managing a booking, the day view, challenges, the system's own bookings), composed from the
 * core's rules and the out-ports, with package-private collaborators they share (compiled offices,
 * request resolution, occupancy, the challenge gate). {@link
 * org.opentermin.ports.booking.BookingServices} builds them together over one set of stores.
 *
 * <p>Each use case decides with the core's rules on what the stores return, then lets the store
 * apply the decision conditionally: if something changed in between (another citizen took the time,
 * the hold expired), the store refuses and the use case answers with a refusal. Capacity is never
 * checked here and then trusted; the store enforces it.
 */
package org.opentermin.ports.booking;
