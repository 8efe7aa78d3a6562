package org.opentermin.ports.in;

import org.opentermin.core.access.AccessRole;
import org.opentermin.core.catalog.OfficeId;

/**
 * Issues a new access token. Who may issue which token is for the adapter that authenticated the
 * issuer to decide. Implementations are thread-safe.
 */
public interface IssueAccessToken {

  /**
   * A new token for {@code role}; office roles need at least one office, admins reach all of them.
   */
  IssuedToken issue(AccessRole role, Iterable<OfficeId> offices);
}
