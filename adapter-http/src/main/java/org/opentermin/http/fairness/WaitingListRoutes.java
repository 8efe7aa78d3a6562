package org.opentermin.http.fairness;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.opentermin.core.booking.Citizen;
import org.opentermin.core.catalog.Office;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.catalog.ServiceId;
import org.opentermin.core.fairness.WaitingListEntryId;
import org.opentermin.core.time.DateRange;
import org.opentermin.http.booking.CitizenRoutes;
import org.opentermin.http.common.Authentication;
import org.opentermin.http.common.CommonRequests;
import org.opentermin.http.common.CommonViews;
import org.opentermin.http.common.DomainInput;
import org.opentermin.http.common.JsonBodies;
import org.opentermin.http.common.OfficeCache;
import org.opentermin.http.problem.ApiProblem;
import org.opentermin.http.problem.ErrorMapping;
import org.opentermin.ports.in.JoinWaitingList;
import org.opentermin.ports.in.JoinWaitingList.EntryView;
import org.opentermin.ports.in.JoinWaitingList.Offer;
import org.opentermin.ports.in.ServiceRequest;

/**
 * The waiting list: citizens register, look at their entry (and the offer it got) with the entry
 * token, and withdraw; staff of the office see its open entries with their contacts. An offer is
 * taken by confirming its hold with {@code POST /api/v1/bookings}.
 */
public final class WaitingListRoutes {

  static final String ENTRY_TOKEN_HEADER = "X-Entry-Token";

  private final JoinWaitingList waitingList;
  private final Authentication authentication;
  private final OfficeCache offices;

  public WaitingListRoutes(
      JoinWaitingList waitingList, Authentication authentication, OfficeCache offices) {
    this.waitingList = checkNotNull(waitingList, "waitingList");
    this.authentication = checkNotNull(authentication, "authentication");
    this.offices = checkNotNull(offices, "offices");
  }

  public void register(RoutesConfig routes) {
    routes.post("/api/v1/waiting-list", this::join);
    routes.get("/api/v1/waiting-list/{entryId}", this::entry);
    routes.delete("/api/v1/waiting-list/{entryId}", this::withdraw);
    routes.get("/api/v1/staff/offices/{officeId}/waiting-list", this::staffList);
  }

  /** A registration as it arrives; {@code from} and {@code to} are both included. */
  record Registration(
      @NotNull @Pattern(regexp = CommonRequests.ID, message = CommonRequests.ID_MESSAGE)
          String officeId,
      @NotEmpty @Size(max = 10) List<CommonRequests.@NotNull @Valid RequestedService> services,
      @NotNull LocalDate from,
      @NotNull LocalDate to,
      @NotNull @Valid CommonRequests.CitizenData citizen) {}

  record JoinedView(String entryId, String entryToken, String status) {}

  record OfferView(String holdId, String start, String deadline) {

    static OfferView of(Offer offer, EntryView entry) {
      return new OfferView(
          offer.hold().toString(),
          CommonViews.local(offer.start(), entry.zone()),
          CommonViews.utc(offer.deadline()));
    }
  }

  /** An entry as its citizen sees it: nothing of anyone else, not even their own contact. */
  record EntryJson(
      String entryId,
      String officeId,
      String status,
      List<CommonViews.ServiceItemView> services,
      String from,
      String to,
      String registeredAt,
      OfferView offer) {

    static EntryJson of(EntryView entry) {
      return new EntryJson(
          entry.entry().toString(),
          entry.entry().office().value(),
          entry.status().name(),
          CommonViews.ServiceItemView.of(entry.services()),
          entry.dates().start().toString(),
          entry.dates().last().toString(),
          CommonViews.utc(entry.registeredAt()),
          entry.offer().map(offer -> OfferView.of(offer, entry)).orElse(null));
    }
  }

  /** An entry as staff of the office see it: with the citizen's name and contact. */
  record StaffEntryJson(
      String entryId,
      String status,
      List<CommonViews.ServiceItemView> services,
      String from,
      String to,
      String registeredAt,
      OfferView offer,
      CommonViews.CitizenView citizen) {

    static StaffEntryJson of(JoinWaitingList.StaffEntryView staff) {
      EntryJson entry = EntryJson.of(staff.entry());
      Citizen contact = staff.contact();
      return new StaffEntryJson(
          entry.entryId(),
          entry.status(),
          entry.services(),
          entry.from(),
          entry.to(),
          entry.registeredAt(),
          entry.offer(),
          new CommonViews.CitizenView(
              contact.name(), contact.email().orElse(null), contact.phone().orElse(null)));
    }
  }

  record StaffListJson(String officeId, List<StaffEntryJson> entries) {}

  private void join(Context ctx) {
    Registration body = JsonBodies.read(ctx, Registration.class);
    if (body.from().isAfter(body.to())) {
      throw ApiProblem.badRequest(
          "from lies after to", new ApiProblem.FieldError("to", "must not lie before from"));
    }
    DateRange dates = DateRange.closed(body.from(), body.to());
    if (dates.lengthInDays() > CitizenRoutes.MAXIMUM_RANGE_DAYS) {
      throw ApiProblem.badRequest(
          "the range is too long",
          new ApiProblem.FieldError(
              "to",
              "the range from..to spans at most " + CitizenRoutes.MAXIMUM_RANGE_DAYS + " days"));
    }
    Office office = offices.office(OfficeId.of(body.officeId()));
    ImmutableList<ServiceRequest> services =
        body.services().stream()
            .map(item -> new ServiceRequest(ServiceId.of(item.serviceId()), item.persons()))
            .collect(ImmutableList.toImmutableList());
    CommonRequests.CitizenData data = body.citizen();
    Citizen citizen =
        DomainInput.build(
            "citizen",
            () ->
                new Citizen(
                    data.name().strip(),
                    Optional.ofNullable(data.email()),
                    Optional.ofNullable(data.phone())));
    JoinWaitingList.JoinResult result =
        waitingList.register(
            new JoinWaitingList.Registration(office.id(), services, dates, citizen));
    if (result instanceof JoinWaitingList.NotJoined refused) {
      throw ErrorMapping.problem(refused.refused());
    }
    JoinWaitingList.Joined joined = (JoinWaitingList.Joined) result;
    ctx.status(201)
        .json(
            new JoinedView(joined.entry().toString(), joined.entryToken(), joined.status().name()));
  }

  private void entry(Context ctx) {
    EntryView entry =
        waitingList
            .find(entryId(ctx), entryToken(ctx))
            .orElseThrow(() -> ApiProblem.notFound("unknown waiting-list entry"));
    ctx.json(EntryJson.of(entry));
  }

  private void withdraw(Context ctx) {
    JoinWaitingList.WithdrawResult result = waitingList.withdraw(entryId(ctx), entryToken(ctx));
    if (result instanceof JoinWaitingList.NotWithdrawn refused) {
      throw ErrorMapping.problem(refused.refused());
    }
    ctx.status(204);
  }

  private void staffList(Context ctx) {
    Authentication.InOffice staff = authentication.staffOfOffice(ctx);
    OfficeId office = staff.office();
    offices.office(office);
    ctx.json(
        new StaffListJson(
            office.value(),
            waitingList.openEntries(office, staff.actor()).stream()
                .map(StaffEntryJson::of)
                .toList()));
  }

  /** The entry id in the path; a malformed one is answered like an unknown one. */
  private static WaitingListEntryId entryId(Context ctx) {
    return WaitingListEntryId.parse(ctx.pathParam("entryId"))
        .orElseThrow(() -> ApiProblem.notFound("unknown waiting-list entry"));
  }

  /** Without a token nothing is found, exactly as with a wrong one. */
  private static String entryToken(Context ctx) {
    String token = ctx.header(ENTRY_TOKEN_HEADER);
    return token == null ? "" : token;
  }
}
