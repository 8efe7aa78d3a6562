/**
 * Public holidays: the {@link org.opentermin.core.calendar.HolidayCalendar} port of the domain and
 * the computed calendar for all sixteen German states, including regional holidays.
 */
package org.opentermin.core.calendar;
