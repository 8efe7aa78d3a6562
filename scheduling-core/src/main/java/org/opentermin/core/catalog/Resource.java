package org.opentermin.core.catalog;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableSet;
import java.util.Optional;

/**
 * Who or what serves appointments at one office: a caseworker, a workstation or a room, with the
 * services it can serve (its skills) and optionally the team it belongs to. A resource serves one
 * appointment at a time. Immutable.
 */
public record Resource(
    ResourceId id,
    OfficeId office,
    String name,
    ResourceKind kind,
    ImmutableSet<ServiceId> skills,
    Optional<TeamId> team) {

  public Resource {
    checkNotNull(id, "id");
    checkNotNull(office, "office");
    checkNotNull(name, "name");
    checkArgument(
        !name.isBlank() && name.length() <= 200, "resource name must have 1 to 200 characters");
    checkNotNull(kind, "kind");
    skills = ImmutableSet.copyOf(checkNotNull(skills, "skills"));
    checkNotNull(team, "team");
  }

  /** A resource without a team. */
  public static Resource of(
      ResourceId id, OfficeId office, String name, ResourceKind kind, Iterable<ServiceId> skills) {
    return new Resource(id, office, name, kind, ImmutableSet.copyOf(skills), Optional.empty());
  }

  /** This resource as a member of {@code team}. */
  public Resource inTeam(TeamId team) {
    return new Resource(id, office, name, kind, skills, Optional.of(team));
  }

  /** Whether the resource can serve every one of {@code services}. */
  public boolean canServeAll(Iterable<ServiceId> services) {
    for (ServiceId service : services) {
      if (!skills.contains(service)) {
        return false;
      }
    }
    return true;
  }
}
