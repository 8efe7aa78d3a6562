package org.opentermin.ports.in;

import java.util.Optional;
import org.opentermin.core.access.AccessGrant;

/**
 * Tells what a presented access token allows. Adapters authenticate staff and administrators
 * through it and decide on the grant themselves. Implementations are thread-safe.
 */
public interface Authenticate {

  /** What the presented token allows, or empty if it is unknown. */
  Optional<AccessGrant> authenticate(String presentedToken);
}
