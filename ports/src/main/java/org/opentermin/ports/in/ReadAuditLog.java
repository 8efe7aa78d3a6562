package org.opentermin.ports.in;

import java.util.Optional;
import org.opentermin.ports.out.AuditLog;

/**
 * Office administrators read their office's audit log, page by page. Whether the caller may is
 * for the adapter that authenticated them to decide. The entries hold no personal data.
 */
public interface ReadAuditLog {

  /** A page of the office's entries in the order they were recorded, or empty if the office is unknown. */
  Optional<AuditLog.Page> auditEntries(AuditLog.Query query);
}
