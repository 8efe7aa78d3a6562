/**
 * Privacy by design: a citizen's download and early erasure of their booking, and an office's
 * retention period.
 */
package org.opentermin.http.privacy;
