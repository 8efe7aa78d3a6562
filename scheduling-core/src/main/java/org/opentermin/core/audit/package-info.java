/**
 * The audit log's entries: who read personal data or changed something, what, when and at which
 * office, without any personal data in the entry itself.
 */
package org.opentermin.core.audit;
