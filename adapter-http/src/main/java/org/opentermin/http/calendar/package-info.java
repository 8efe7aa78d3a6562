/**
 * Calendar files (RFC 5545 {@code .ics}) that let citizens put a booked appointment into their own
 * calendar; built with ical4j from its bundled time zone data, without any network access.
 */
package org.opentermin.http.calendar;
