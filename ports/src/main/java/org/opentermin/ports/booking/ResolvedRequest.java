package org.opentermin.ports.booking;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.util.Optional;
import org.opentermin.core.availability.AppointmentRequest;
import org.opentermin.core.availability.SlotFinder;
import org.opentermin.core.catalog.Office;
import org.opentermin.core.catalog.ResourceId;
import org.opentermin.core.fairness.AccessPolicies;
import org.opentermin.core.fairness.AccessPolicy;

/**
 * A checked request at one office: the office, its compiled schedule, the request, the policy for
 * its services, the office's resources and, where responsibility rules narrowed them, the resources
 * that may serve this citizen.
 */
record ResolvedRequest(
    Office office,
    SlotFinder finder,
    AppointmentRequest request,
    AccessPolicies policies,
    AccessPolicy policy,
    ImmutableList<ResourceId> resources,
    Optional<ImmutableSet<ResourceId>> serving) {

  ResolvedRequest servedOnlyBy(ImmutableSet<ResourceId> responsible) {
    return new ResolvedRequest(
        office, finder, request, policies, policy, resources, Optional.of(responsible));
  }
}
