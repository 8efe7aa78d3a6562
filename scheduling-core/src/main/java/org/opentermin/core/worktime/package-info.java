/**
 * When resources work: weekly rules with validity and week rhythm, breaks, one-off extra times,
 * absences and office closures, all in the office's local time.
 */
package org.opentermin.core.worktime;
