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
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.opentermin.core.booking.Citizen;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.catalog.ServiceId;
import org.opentermin.http.common.CommonRequests;
import org.opentermin.http.common.CommonRequests.CitizenData;
import org.opentermin.http.common.CommonRequests.RequestedService;
import org.opentermin.http.common.CommonViews;
import org.opentermin.http.common.DateBounds;
import org.opentermin.http.common.DomainInput;
import org.opentermin.http.common.JsonBodies;
import org.opentermin.http.common.OfficeCache;
import org.opentermin.http.common.Parameters;
import org.opentermin.http.problem.ApiProblem;
import org.opentermin.http.problem.ErrorMapping;
import org.opentermin.ports.in.EnterLottery;
import org.opentermin.ports.in.Refused;
import org.opentermin.ports.in.ServiceRequest;

/**
 * The lottery for citizens (ADR 005): entering the draw of a release wave, looking at one's entry
 * with its token, and the public audit of a day's draws.
 */
public final class LotteryRoutes {

  static final String ENTRY_TOKEN_HEADER = "X-Entry-Token";

  private final EnterLottery lottery;
  private final OfficeCache offices;

  public LotteryRoutes(EnterLottery lottery, OfficeCache offices) {
    this.lottery = checkNotNull(lottery, "lottery");
    this.offices = checkNotNull(offices, "offices");
  }

  public void register(RoutesConfig routes) {
    routes.post("/api/v1/lottery/entries", this::enter);
    routes.get("/api/v1/lottery/entries/{entryId}", this::entry);
    routes.get("/api/v1/offices/{officeId}/lottery/draws/{date}", this::draws);
  }

  /** A lottery entry as the client sends it. */
  record NewEntry(
      @NotNull @Pattern(regexp = CommonRequests.ID, message = CommonRequests.ID_MESSAGE)
          String officeId,
      @NotEmpty @Size(max = 10) List<@NotNull @Valid RequestedService> services,
      @NotNull LocalDate date,
      @NotNull @Valid CitizenData citizen,
      Boolean waitingListIfLost) {}

  record EntryView(
      String entryId,
      String entryToken,
      String officeId,
      LocalDate date,
      int wave,
      String drawAt,
      String commitment) {}

  record EntryStatusView(
      String entryId,
      String officeId,
      LocalDate date,
      int wave,
      String status,
      String drawAt,
      String commitment,
      String reference,
      String start) {}

  record DrawView(
      int wave,
      String status,
      String entriesOpenAt,
      String drawAt,
      int entries,
      String commitment,
      String seed,
      List<String> order,
      List<String> winners) {}

  record DrawsView(String officeId, LocalDate date, List<DrawView> draws) {}

  private void enter(Context ctx) {
    NewEntry body = JsonBodies.read(ctx, NewEntry.class);
    OfficeId office = OfficeId.of(body.officeId());
    offices.office(office);
    ImmutableList<ServiceRequest> services =
        body.services().stream()
            .map(item -> new ServiceRequest(ServiceId.of(item.serviceId()), item.persons()))
            .collect(ImmutableList.toImmutableList());
    CitizenData data = body.citizen();
    Citizen citizen =
        DomainInput.build(
            "citizen",
            () ->
                new Citizen(
                    data.name().strip(),
                    Optional.ofNullable(data.email()),
                    Optional.ofNullable(data.phone())));
    EnterLottery.EntryResult result =
        lottery.enter(
            new EnterLottery.Command(
                office,
                services,
                body.date(),
                citizen,
                Boolean.TRUE.equals(body.waitingListIfLost())));
    if (result instanceof Refused refused) {
      throw ErrorMapping.problem(refused);
    }
    EnterLottery.Entered entered = (EnterLottery.Entered) result;
    ctx.status(201)
        .json(
            new EntryView(
                entered.entryId(),
                entered.entryToken(),
                office.value(),
                entered.day(),
                entered.wave(),
                CommonViews.utc(entered.drawAt()),
                entered.commitment()));
  }

  private void entry(Context ctx) {
    String token = ctx.header(ENTRY_TOKEN_HEADER);
    EnterLottery.EntryStatus status =
        lottery
            .find(ctx.pathParam("entryId"), token == null ? "" : token)
            .orElseThrow(() -> ApiProblem.notFound("unknown lottery entry"));
    String office = status.office().value();
    EntryStatusView view;
    if (status instanceof EnterLottery.Pending pending) {
      view =
          new EntryStatusView(
              pending.entryId(),
              office,
              pending.day(),
              pending.wave(),
              "PENDING",
              CommonViews.utc(pending.drawAt()),
              pending.commitment(),
              null,
              null);
    } else if (status instanceof EnterLottery.Won won) {
      ZoneId zone = offices.zone(won.office());
      view =
          new EntryStatusView(
              won.entryId(),
              office,
              won.day(),
              won.wave(),
              "WON",
              null,
              null,
              won.reference().value(),
              CommonViews.local(won.start(), zone));
    } else {
      view =
          new EntryStatusView(
              status.entryId(),
              office,
              status.day(),
              status.wave(),
              "LOST",
              null,
              null,
              null,
              null);
    }
    ctx.json(view);
  }

  private void draws(Context ctx) {
    OfficeId office = Parameters.officeId(ctx);
    offices.office(office);
    LocalDate date =
        DateBounds.date(ctx.pathParam("date"))
            .orElseThrow(
                () ->
                    ApiProblem.notFound(
                        "no draws on "
                            + ctx.pathParam("date")
                            + ": not a date YYYY-MM-DD from "
                            + DateBounds.FIRST
                            + " to "
                            + DateBounds.LAST));
    EnterLottery.DrawsResult result = lottery.draws(office, date);
    if (result instanceof Refused refused) {
      throw ErrorMapping.problem(refused);
    }
    List<DrawView> draws =
        ((EnterLottery.Draws) result)
            .draws().stream()
                .map(
                    draw ->
                        new DrawView(
                            draw.wave(),
                            draw.status().name(),
                            CommonViews.utc(draw.entriesOpenAt()),
                            CommonViews.utc(draw.drawAt()),
                            draw.entries(),
                            draw.commitment().orElse(null),
                            draw.seed().orElse(null),
                            draw.order(),
                            draw.winners()))
                .toList();
    ctx.json(new DrawsView(office.value(), date, draws));
  }
}
