/**
 * The booking lifecycle: appointments from hold to confirmed booking to check-in, completion,
 * no-show or cancellation, who may change them when, and the record of every change.
 */
package org.opentermin.core.booking;
