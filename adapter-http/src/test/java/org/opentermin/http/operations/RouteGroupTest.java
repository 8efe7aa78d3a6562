package org.opentermin.http.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.http.HandlerType;
import org.junit.jupiter.api.Test;

class RouteGroupTest {

  @Test
  void citizenReadsAndWritesAreToldApartByMethod() {
    assertThat(RouteGroup.of(HandlerType.GET, "/api/v1/offices/sbh-mitte/availability"))
        .contains(RouteGroup.CITIZEN_READ);
    assertThat(RouteGroup.of(HandlerType.GET, "/api/v1/services"))
        .contains(RouteGroup.CITIZEN_READ);
    assertThat(RouteGroup.of(HandlerType.HEAD, "/api/v1/offices"))
        .contains(RouteGroup.CITIZEN_READ);
    assertThat(RouteGroup.of(HandlerType.GET, "/api/v1/bookings/ABCD-1234"))
        .contains(RouteGroup.CITIZEN_READ);
    assertThat(RouteGroup.of(HandlerType.POST, "/api/v1/holds")).contains(RouteGroup.CITIZEN_WRITE);
    assertThat(RouteGroup.of(HandlerType.POST, "/api/v1/bookings/ABCD-1234/cancel"))
        .contains(RouteGroup.CITIZEN_WRITE);
  }

  @Test
  void staffAndAdministrationAreToldApartByPathPrefix() {
    assertThat(RouteGroup.of(HandlerType.GET, "/api/v1/staff/offices/sbh-mitte/bookings"))
        .contains(RouteGroup.STAFF);
    assertThat(RouteGroup.of(HandlerType.POST, "/api/v1/staff/bookings/ABCD-1234/check-in"))
        .contains(RouteGroup.STAFF);
    assertThat(
            RouteGroup.of(HandlerType.PUT, "/api/v1/admin/offices/sbh-mitte/resources/s3/schedule"))
        .contains(RouteGroup.ADMIN);
    assertThat(RouteGroup.of(HandlerType.POST, "/api/v1/admin/tokens")).contains(RouteGroup.ADMIN);
    assertThat(RouteGroup.of(HandlerType.GET, "/api/v1/administration"))
        .as("a prefix of a word is no prefix")
        .contains(RouteGroup.CITIZEN_READ);
  }

  @Test
  void operationsAndDocumentationAreNeverLimited() {
    for (String path :
        new String[] {
          "/health",
          "/ready",
          "/metrics",
          "/openapi.json",
          "/docs",
          "/docs/assets/initializer.js",
          "/apix"
        }) {
      assertThat(RouteGroup.of(HandlerType.GET, path)).as(path).isEmpty();
    }
  }
}
