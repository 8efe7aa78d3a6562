package org.opentermin.ports.booking;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.opentermin.core.availability.AppointmentRequest;
import org.opentermin.core.availability.RequestedService;
import org.opentermin.core.availability.ScheduledResource;
import org.opentermin.core.booking.Actor;
import org.opentermin.core.booking.OutsideText;
import org.opentermin.core.booking.RefusalReason;
import org.opentermin.core.catalog.AppointmentMode;
import org.opentermin.core.catalog.Channel;
import org.opentermin.core.catalog.ModeOptions;
import org.opentermin.core.catalog.Office;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.catalog.ResourceId;
import org.opentermin.core.catalog.Service;
import org.opentermin.core.catalog.ServiceId;
import org.opentermin.core.fairness.AccessPolicies;
import org.opentermin.core.fairness.AccessPolicy;
import org.opentermin.core.routing.Routing;
import org.opentermin.core.routing.RoutingInputs;
import org.opentermin.ports.in.Refused;
import org.opentermin.ports.in.ResolveResponsibility;
import org.opentermin.ports.in.ServiceRequest;
import org.opentermin.ports.routing.ResponsibilityService;

/**
 * Turns what a caller asks for (office, services with persons, channel, mode, routing inputs) into
 * a {@link ResolvedRequest}, or the refusal that says what is wrong with it. Thread-safe.
 */
final class OfficeRequests {

  private final CompiledOffices offices;
  private final Optional<ResponsibilityService> responsibility;

  OfficeRequests(CompiledOffices offices, Optional<ResponsibilityService> responsibility) {
    this.offices = offices;
    this.responsibility = responsibility;
  }

  /**
   * As {@link #resolve}, narrowed by responsibility: with {@code routing}, to the resources
   * responsible for that citizen, refused where this office is not responsible; without, refused
   * where an exclusive office needs it from a citizen booking online.
   */
  Step<ResolvedRequest> resolveRouted(
      OfficeId officeId,
      List<ServiceRequest> services,
      Channel channel,
      AppointmentMode mode,
      Actor actor,
      Optional<RoutingInputs> routing) {
    Step<ResolvedRequest> step = resolve(officeId, services, channel, mode, actor);
    if (step instanceof Step.Stop<ResolvedRequest>) {
      return step;
    }
    ResolvedRequest resolved = step.value();
    if (responsibility.isEmpty()) {
      if (routing.isPresent()) {
        return Step.stop(
            RefusalReason.NOT_COVERED,
            "this installation has no responsibility rules; book without routing inputs");
      }
      return step;
    }
    ResponsibilityService rules = responsibility.get();
    if (routing.isEmpty()) {
      if (!(actor instanceof Actor.Staff) && rules.requiresRouting(officeId, channel)) {
        return Step.stop(
            RefusalReason.ROUTING_REQUIRED,
            "this office serves only the citizens it is responsible for: give your address and"
                + " surname");
      }
      return step;
    }
    ImmutableSet<ServiceId> serviceIds = resolved.request().serviceIds();
    Optional<ServiceId> service =
        serviceIds.size() == 1 ? Optional.of(serviceIds.iterator().next()) : Optional.empty();
    ResolveResponsibility.ResponsibilityResult result =
        rules.resolve(
            routing.get(),
            service,
            office -> offices.get(office).map(compiled -> compiled.finder().schedule()));
    if (result instanceof Refused refused) {
      return new Step.Stop<>(refused);
    }
    Routing routed = ((ResolveResponsibility.Found) result).routing();
    if (!routed.office().equals(officeId)) {
      return Step.stop(
          RefusalReason.NOT_RESPONSIBLE,
          "office " + routed.office() + " is responsible for you, not " + officeId);
    }
    if (routed.responsible().isEmpty()) {
      return step;
    }
    ImmutableSet<ResourceId> serving =
        ResponsibilityService.servingResources(
            routed.responsible().get(),
            resolved.finder().schedule().resources().stream()
                .map(ScheduledResource::resource)
                .toList());
    return Step.go(resolved.servedOnlyBy(serving));
  }

  /** The office, its schedule and the checked request, or why the request cannot be served. */
  Step<ResolvedRequest> resolve(
      OfficeId officeId,
      List<ServiceRequest> services,
      Channel channel,
      AppointmentMode mode,
      Actor actor) {
    Optional<Refused> wrongChannel = BookingChecks.checkChannel(channel, actor);
    if (wrongChannel.isPresent()) {
      return new Step.Stop<>(wrongChannel.get());
    }
    Optional<CompiledOffices.CompiledOffice> found = offices.get(officeId);
    if (found.isEmpty()) {
      return Step.stop(RefusalReason.NOT_FOUND, "unknown office " + officeId);
    }
    CompiledOffices.CompiledOffice compiled = found.get();
    Office office = compiled.office();
    if (services.isEmpty()) {
      return Step.stop(RefusalReason.INVALID_REQUEST, "name at least one service");
    }
    List<RequestedService> requested = new ArrayList<>();
    for (ServiceRequest wanted : merged(services)) {
      Service service = compiled.services().get(wanted.service());
      if (service == null) {
        return Step.stop(RefusalReason.INVALID_REQUEST, "unknown service " + wanted.service());
      }
      if (wanted.persons() < 1 || wanted.persons() > service.maxPersons()) {
        return Step.stop(
            RefusalReason.INVALID_REQUEST,
            OutsideText.inRefusal(service)
                + " takes 1 to "
                + service.maxPersons()
                + " persons, not "
                + wanted.persons());
      }
      if (!service.allows(channel)) {
        return Step.stop(
            RefusalReason.INVALID_REQUEST,
            OutsideText.inRefusal(service) + " cannot be booked via " + channel);
      }
      Optional<Refused> wrongMode = checkMode(service, mode, office.id());
      if (wrongMode.isPresent()) {
        return new Step.Stop<>(wrongMode.get());
      }
      requested.add(RequestedService.of(service, wanted.persons()));
    }
    if (AppointmentRequest.totalDuration(office, requested, mode)
            .compareTo(AppointmentRequest.MAXIMUM_DURATION)
        > 0) {
      return Step.stop(
          RefusalReason.INVALID_REQUEST, "these services together take longer than a day");
    }
    AccessPolicies policies = compiled.policies();
    AccessPolicy policy =
        policies.forServices(requested.stream().map(wanted -> wanted.service().id()).toList());
    ImmutableList<ResourceId> resources =
        compiled.finder().schedule().resources().stream()
            .map(scheduled -> scheduled.resource().id())
            .collect(ImmutableList.toImmutableList());
    return Step.go(
        new ResolvedRequest(
            office,
            compiled.finder(),
            AppointmentRequest.of(office, channel, mode, requested),
            policies,
            policy,
            resources,
            Optional.empty()));
  }

  /**
   * Refuses a mode the service is not served in, or not at this office, because only others'
   * resources serve it.
   */
  private static Optional<Refused> checkMode(
      Service service, AppointmentMode mode, OfficeId office) {
    if (!service.allows(mode)) {
      return Optional.of(
          new Refused(
              RefusalReason.MODE_NOT_OFFERED,
              OutsideText.inRefusal(service)
                  + " is not offered "
                  + describe(mode)
                  + "; it is offered "
                  + service.modes().keySet().stream()
                      .map(OfficeRequests::describe)
                      .collect(Collectors.joining(", "))));
    }
    ModeOptions options = service.options(mode);
    if (!options.resources().isEmpty() && !options.resources().containsKey(office)) {
      return Optional.of(
          new Refused(
              RefusalReason.MODE_NOT_OFFERED,
              OutsideText.inRefusal(service)
                  + " is not offered "
                  + describe(mode)
                  + " at office "
                  + office));
    }
    return Optional.empty();
  }

  private static String describe(AppointmentMode mode) {
    return switch (mode) {
      case IN_PERSON -> "in person (IN_PERSON)";
      case PHONE -> "by phone (PHONE)";
      case VIDEO -> "by video (VIDEO)";
    };
  }

  /** The same service named twice counts its persons together. */
  static List<ServiceRequest> merged(List<ServiceRequest> services) {
    return services.stream()
        .collect(
            Collectors.groupingBy(
                ServiceRequest::service,
                LinkedHashMap::new,
                Collectors.summingInt(ServiceRequest::persons)))
        .entrySet()
        .stream()
        .map(entry -> new ServiceRequest(entry.getKey(), entry.getValue()))
        .toList();
  }
}
