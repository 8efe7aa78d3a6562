/**
 * Privacy by design: the retention job that erases personal data when the office's period has
 * passed, and the citizen's download and early erasure of their booking's data.
 */
package org.opentermin.ports.privacy;
