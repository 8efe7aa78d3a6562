package org.opentermin.ports.out;

import com.google.common.collect.ImmutableList;
import java.util.Optional;
import org.opentermin.core.availability.OfficeSchedule;
import org.opentermin.core.catalog.Office;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.catalog.Resource;
import org.opentermin.core.catalog.ResourceId;
import org.opentermin.core.catalog.Service;
import org.opentermin.core.catalog.ServiceId;
import org.opentermin.core.fairness.AccessPolicies;
import org.opentermin.core.fairness.AccessPolicy;
import org.opentermin.core.privacy.RetentionPeriod;
import org.opentermin.core.worktime.OfficeClosure;
import org.opentermin.core.worktime.WorkingTime;

/**
 * Offices, services, resources and their working time: what administrators configure and slot
 * generation reads. Implementations are thread-safe; each method is atomic. Saving something that
 * refers to an unknown office or resource throws {@link IllegalArgumentException} and changes
 * nothing.
 */
public interface CatalogStore {

  /** Adds the office or replaces the one with its id. */
  void saveOffice(Office office);

  Optional<Office> office(OfficeId id);

  /** All offices, sorted by id. */
  ImmutableList<Office> offices();

  /** Adds the service or replaces the one with its id (with its per-office durations). */
  void saveService(Service service);

  Optional<Service> service(ServiceId id);

  /** All services, sorted by id. */
  ImmutableList<Service> services();

  /** Adds the resource or replaces the one with its id at its office; keeps its working time. */
  void saveResource(Resource resource);

  /** The office's resources, sorted by id. */
  ImmutableList<Resource> resources(OfficeId office);

  /** Replaces the working time of a resource. */
  void saveWorkingTime(OfficeId office, ResourceId resource, WorkingTime workingTime);

  /** Adds a closure day, or replaces the reason of the one on that day. */
  void saveClosure(OfficeId office, OfficeClosure closure);

  /** Everything slot generation needs about the office, with its German holidays. */
  Optional<OfficeSchedule> schedule(OfficeId office);

  /**
   * A number that changes whenever anything in {@link #schedule} of the office changes, so that a
   * compiled schedule can be cached and checked cheaply; 0 for an unknown office.
   */
  long scheduleVersion(OfficeId office);

  /**
   * The office's fair-access policies with its secret; empty for an unknown office. Every office
   * has a random secret from the moment it is saved, and keeps it.
   */
  Optional<AccessPolicies> accessPolicies(OfficeId office);

  /**
   * Sets the office's policy, or with {@code service} that service's own policy at the office; an
   * empty {@code policy} removes a service's own policy and turns the office's rules off. Changes
   * the office's {@link #scheduleVersion}.
   */
  void saveAccessPolicy(
      OfficeId office, Optional<ServiceId> service, Optional<AccessPolicy> policy);

  /**
   * How long the office keeps personal data ({@link RetentionPeriod#DEFAULT} unless one was saved);
   * empty for an unknown office.
   */
  Optional<RetentionPeriod> retentionPeriod(OfficeId office);

  /** Sets the office's retention period. Does not change the {@link #scheduleVersion}. */
  void saveRetentionPeriod(OfficeId office, RetentionPeriod period);
}
