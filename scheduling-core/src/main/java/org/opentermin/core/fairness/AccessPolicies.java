package org.opentermin.core.fairness;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import java.util.List;
import org.opentermin.core.catalog.ServiceId;

/**
 * An office's fair-access configuration: its own policy, the policies of services that replace it
 * for requests naming them, and the office's secret (hidden by {@link FairnessSecret#toString()}).
 * Immutable.
 */
public record AccessPolicies(
    AccessPolicy office, ImmutableMap<ServiceId, AccessPolicy> services, FairnessSecret secret) {

  public AccessPolicies {
    checkNotNull(office, "office");
    checkNotNull(services, "services");
    services = ImmutableMap.copyOf(services);
    checkNotNull(secret, "secret");
  }

  /** No rules anywhere. */
  public static AccessPolicies none(FairnessSecret secret) {
    return new AccessPolicies(AccessPolicy.none(), ImmutableMap.of(), secret);
  }

  /**
   * The policy for a request naming {@code requested}: the first with its own policy, else the
   * office's.
   */
  public AccessPolicy forServices(List<ServiceId> requested) {
    checkNotNull(requested, "requested");
    for (ServiceId service : requested) {
      AccessPolicy own = services.get(checkNotNull(service, "requested must not contain null"));
      if (own != null) {
        return own;
      }
    }
    return office;
  }
}
