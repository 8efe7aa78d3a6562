package org.opentermin.ports.in;

import java.util.Optional;
import org.opentermin.core.booking.Actor;
import org.opentermin.core.catalog.Office;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.catalog.Resource;
import org.opentermin.core.catalog.ResourceId;
import org.opentermin.core.catalog.Service;
import org.opentermin.core.catalog.ServiceId;
import org.opentermin.core.fairness.AccessPolicies;
import org.opentermin.core.fairness.AccessPolicy;
import org.opentermin.core.worktime.OfficeClosure;
import org.opentermin.core.worktime.WorkingTime;

/**
 * Administrators set up offices, services, resources, working time and closures. Each method
 * answers empty when the change was saved, or why it was refused; a refused change changes nothing.
 * A change of an office is recorded in the audit log as done {@code by} the actor before it is
 * saved; services belong to no office and are in no office's log.
 */
public interface ConfigureCatalog {

  /** Adds a new office; refused if the id is taken. */
  Optional<Refused> createOffice(Office office, Actor by);

  /** Adds a new service; refused if the id is taken. */
  Optional<Refused> createService(Service service);

  /**
   * Adds a new resource at its office; refused if the office is unknown, a skill names an unknown
   * service, or the id is taken at the office.
   */
  Optional<Refused> createResource(Resource resource, Actor by);

  /** Replaces the working time of a resource; refused if office or resource are unknown. */
  Optional<Refused> replaceWorkingTime(
      OfficeId office, ResourceId resource, WorkingTime workingTime, Actor by);

  /** Adds a closure day (or replaces its reason); refused if the office is unknown. */
  Optional<Refused> addClosure(OfficeId office, OfficeClosure closure, Actor by);

  /**
   * The office's fair-access policies (with its secret, which must never be shown); empty if
   * unknown.
   */
  Optional<AccessPolicies> accessPolicies(OfficeId office);

  /**
   * Sets the office's policy, or with {@code service} that service's own policy at the office; an
   * empty {@code policy} turns the office's rules off or removes the service's own policy. Refused
   * if the office or the service is unknown.
   */
  Optional<Refused> setAccessPolicy(
      OfficeId office, Optional<ServiceId> service, Optional<AccessPolicy> policy, Actor by);
}
