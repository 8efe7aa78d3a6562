/**
 * Citizens' routes without an account: the catalog, availability, holds, bookings, and a booking by
 * reference and manage token, also as a calendar file.
 */
package org.opentermin.http.booking;
