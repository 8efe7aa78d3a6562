/**
 * Staff run their day: the day's bookings, one booking and its history, check-in, completion,
 * no-show and cancellation.
 */
package org.opentermin.http.staff;
