package org.opentermin.http.admin;

import java.util.List;
import org.opentermin.core.catalog.Resource;
import org.opentermin.ports.in.IssuedToken;

/** The response bodies of the administration routes. */
final class AdminViews {

  private AdminViews() {}

  record ResourceView(
      String id, String officeId, String name, String kind, List<String> serviceIds, String team) {

    static ResourceView of(Resource resource) {
      return new ResourceView(
          resource.id().value(),
          resource.office().value(),
          resource.name(),
          resource.kind().name(),
          resource.skills().stream().map(skill -> skill.value()).sorted().toList(),
          resource.team().map(team -> team.value()).orElse(null));
    }
  }

  record ClosureView(String officeId, String date, String reason) {}

  record TokenView(String token, String tokenId, String role, List<String> officeIds) {

    static TokenView of(IssuedToken issued) {
      return new TokenView(
          issued.token(),
          issued.grant().tokenId(),
          issued.grant().role().name(),
          issued.grant().offices().stream().map(office -> office.value()).sorted().toList());
    }
  }
}
