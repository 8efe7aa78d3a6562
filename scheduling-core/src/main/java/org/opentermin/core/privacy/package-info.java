/**
 * Privacy by design: how long an office keeps the personal data of its bookings and when it is
 * erased.
 */
package org.opentermin.core.privacy;
