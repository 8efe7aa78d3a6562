package org.opentermin.core.availability;

import static com.google.common.base.Preconditions.checkNotNull;

import org.opentermin.core.catalog.Resource;
import org.opentermin.core.worktime.WorkingTime;

/** A resource together with its working time. Immutable. */
public record ScheduledResource(Resource resource, WorkingTime workingTime) {

  public ScheduledResource {
    checkNotNull(resource, "resource");
    checkNotNull(workingTime, "workingTime");
  }
}
