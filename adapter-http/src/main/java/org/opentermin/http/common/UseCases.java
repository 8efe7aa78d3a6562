package org.opentermin.http.common;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Clock;
import java.util.function.BooleanSupplier;
import org.opentermin.ports.access.AccessTokens;
import org.opentermin.ports.in.BrowseCatalog;
import org.opentermin.ports.in.ConfigureCatalog;
import org.opentermin.ports.in.ConfigureResponsibility;
import org.opentermin.ports.in.ConfigureRetention;
import org.opentermin.ports.in.ConfirmBooking;
import org.opentermin.ports.in.EnterLottery;
import org.opentermin.ports.in.FindAvailability;
import org.opentermin.ports.in.GetChallenge;
import org.opentermin.ports.in.HoldSlot;
import org.opentermin.ports.in.JoinWaitingList;
import org.opentermin.ports.in.ManageBooking;
import org.opentermin.ports.in.ManagePersonalData;
import org.opentermin.ports.in.ReadAuditLog;
import org.opentermin.ports.in.ResolveResponsibility;
import org.opentermin.ports.in.ViewDay;

/**
 * Everything the HTTP API calls: the use cases, the access tokens, whether the instance is ready
 * (e.g. its database reachable), and the clock for defaults such as "today". Immutable.
 */
public record UseCases(
    BrowseCatalog catalog,
    ConfigureCatalog configure,
    FindAvailability availability,
    HoldSlot hold,
    ConfirmBooking confirm,
    ManageBooking manage,
    ViewDay day,
    GetChallenge challenge,
    JoinWaitingList waitingList,
    AccessTokens accessTokens,
    BooleanSupplier readiness,
    Clock clock,
    EnterLottery lottery,
    ResolveResponsibility resolveResponsibility,
    ConfigureResponsibility configureResponsibility,
    ReadAuditLog audit,
    ManagePersonalData personalData,
    ConfigureRetention retention) {

  public UseCases {
    checkNotNull(catalog, "catalog");
    checkNotNull(configure, "configure");
    checkNotNull(availability, "availability");
    checkNotNull(hold, "hold");
    checkNotNull(confirm, "confirm");
    checkNotNull(manage, "manage");
    checkNotNull(day, "day");
    checkNotNull(challenge, "challenge");
    checkNotNull(waitingList, "waitingList");
    checkNotNull(accessTokens, "accessTokens");
    checkNotNull(readiness, "readiness");
    checkNotNull(clock, "clock");
    checkNotNull(lottery, "lottery");
    checkNotNull(resolveResponsibility, "resolveResponsibility");
    checkNotNull(configureResponsibility, "configureResponsibility");
    checkNotNull(audit, "audit");
    checkNotNull(personalData, "personalData");
    checkNotNull(retention, "retention");
  }
}
