package org.opentermin.http.fairness;

import static com.google.common.base.Preconditions.checkNotNull;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.catalog.ServiceId;
import org.opentermin.core.fairness.AccessPolicies;
import org.opentermin.core.fairness.AccessPolicy;
import org.opentermin.http.common.Authentication;
import org.opentermin.http.common.JsonBodies;
import org.opentermin.http.common.OfficeCache;
import org.opentermin.http.common.Parameters;
import org.opentermin.http.problem.ApiProblem;
import org.opentermin.http.problem.ErrorMapping;
import org.opentermin.ports.in.ConfigureCatalog;
import org.opentermin.ports.in.Refused;

/**
 * Fair-access policies: administrators (or an office admin for their office) read and change an
 * office's and its services' rules; anyone reads them, so that citizens and journalists can see how
 * appointments are handed out, without what the rules say about single caseworkers. No answer ever
 * holds the office's secret.
 *
 * <p>Office data the API caches ({@link OfficeCache}: zone and horizon) does not change with a
 * policy, and the booking use cases notice a new policy themselves, so nothing is invalidated.
 */
public final class AccessPolicyRoutes {

  private static final String OFFICE_POLICY = "/api/v1/admin/offices/{officeId}/access-policy";
  private static final String SERVICE_POLICY =
      "/api/v1/admin/offices/{officeId}/services/{serviceId}/access-policy";

  private final ConfigureCatalog configure;
  private final Authentication authentication;

  public AccessPolicyRoutes(ConfigureCatalog configure, Authentication authentication) {
    this.configure = checkNotNull(configure, "configure");
    this.authentication = checkNotNull(authentication, "authentication");
  }

  public void register(RoutesConfig routes) {
    routes.get(
        "/api/v1/offices/{officeId}/access-policy",
        ctx -> ctx.json(view(Parameters.officeId(ctx)).withoutStaffDetails()));
    routes.get(OFFICE_POLICY, ctx -> ctx.json(view(authentication.officeForAdmin(ctx))));
    routes.put(OFFICE_POLICY, this::replaceOfficePolicy);
    routes.delete(OFFICE_POLICY, this::removeOfficePolicy);
    routes.post(OFFICE_POLICY + "/recommended", this::applyRecommended);
    routes.put(SERVICE_POLICY, this::replaceServicePolicy);
    routes.delete(SERVICE_POLICY, this::removeServicePolicy);
  }

  private void replaceOfficePolicy(Context ctx) {
    Authentication.InOffice admin = authentication.adminOfOffice(ctx);
    OfficeId office = admin.office();
    AccessPolicy policy = JsonBodies.read(ctx, AccessPolicyJson.class).toDomain();
    saved(configure.setAccessPolicy(office, Optional.empty(), Optional.of(policy), admin.actor()));
    ctx.json(view(office));
  }

  /** The office's own rules off; services' own policies stay. */
  private void removeOfficePolicy(Context ctx) {
    Authentication.InOffice admin = authentication.adminOfOffice(ctx);
    saved(
        configure.setAccessPolicy(
            admin.office(), Optional.empty(), Optional.empty(), admin.actor()));
    JsonBodies.noContent(ctx);
  }

  /**
   * The one call that applies the documented preset, {@link AccessPolicy#recommended()}, to the
   * office.
   */
  private void applyRecommended(Context ctx) {
    Authentication.InOffice admin = authentication.adminOfOffice(ctx);
    OfficeId office = admin.office();
    saved(
        configure.setAccessPolicy(
            office, Optional.empty(), Optional.of(AccessPolicy.recommended()), admin.actor()));
    ctx.json(view(office));
  }

  /**
   * The service's own policy, replacing the office's for requests naming the service; {@code {}}
   * means no rules for it.
   */
  private void replaceServicePolicy(Context ctx) {
    Authentication.InOffice admin = authentication.adminOfOffice(ctx);
    OfficeId office = admin.office();
    ServiceId service = Parameters.serviceId(ctx);
    AccessPolicy policy = JsonBodies.read(ctx, AccessPolicyJson.class).toDomain();
    saved(
        configure.setAccessPolicy(
            office, Optional.of(service), Optional.of(policy), admin.actor()));
    ctx.json(view(office));
  }

  /** The service follows the office's policy again. */
  private void removeServicePolicy(Context ctx) {
    Authentication.InOffice admin = authentication.adminOfOffice(ctx);
    ServiceId service = Parameters.serviceId(ctx);
    saved(
        configure.setAccessPolicy(
            admin.office(), Optional.of(service), Optional.empty(), admin.actor()));
    JsonBodies.noContent(ctx);
  }

  private AccessPolicyJson.PoliciesView view(OfficeId office) {
    AccessPolicies policies =
        configure
            .accessPolicies(office)
            .orElseThrow(() -> ApiProblem.notFound("unknown office " + office));
    return AccessPolicyJson.PoliciesView.of(policies);
  }

  private static void saved(Optional<Refused> refusal) {
    if (refusal.isPresent()) {
      throw ErrorMapping.problem(refusal.get());
    }
  }
}
