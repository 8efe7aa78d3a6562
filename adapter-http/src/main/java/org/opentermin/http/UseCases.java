package org.opentermin.http;

import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import java.time.Clock;
import java.util.function.BooleanSupplier;
import org.opentermin.ports.in.Authenticate;
import org.opentermin.ports.in.BrowseCatalog;
import org.opentermin.ports.in.ConfigureCatalog;
import org.opentermin.ports.in.ConfigureResponsibility;
import org.opentermin.ports.in.ConfigureRetention;
import org.opentermin.ports.in.ConfirmBooking;
import org.opentermin.ports.in.EnterLottery;
import org.opentermin.ports.in.FindAvailability;
import org.opentermin.ports.in.GetChallenge;
import org.opentermin.ports.in.HoldSlot;
import org.opentermin.ports.in.IssueAccessToken;
import org.opentermin.ports.in.JoinWaitingList;
import org.opentermin.ports.in.ManageBooking;
import org.opentermin.ports.in.ManagePersonalData;
import org.opentermin.ports.in.ReadAuditLog;
import org.opentermin.ports.in.ResolveResponsibility;
import org.opentermin.ports.in.ViewDay;

/**
 * Everything the HTTP API calls: the use cases, whether the instance is ready (e.g. its database
 * reachable), and the clock for defaults such as "today". Built with {@link #builder()}, one named
 * setter per use case, so that nothing depends on the order of arguments; {@link Builder#build()}
 * names any that is missing. Immutable.
 */
public final class UseCases {

  final BrowseCatalog catalog;
  final ConfigureCatalog configureCatalog;
  final FindAvailability availability;
  final HoldSlot hold;
  final ConfirmBooking confirm;
  final ManageBooking manage;
  final ViewDay day;
  final GetChallenge challenge;
  final JoinWaitingList waitingList;
  final Authenticate authenticate;
  final IssueAccessToken issueAccessToken;
  final BooleanSupplier readiness;
  final Clock clock;
  final EnterLottery lottery;
  final ResolveResponsibility resolveResponsibility;
  final ConfigureResponsibility configureResponsibility;
  final ReadAuditLog audit;
  final ManagePersonalData personalData;
  final ConfigureRetention retention;

  private UseCases(Builder builder) {
    this.catalog = required(builder.catalog, "catalog");
    this.configureCatalog = required(builder.configureCatalog, "configureCatalog");
    this.availability = required(builder.availability, "availability");
    this.hold = required(builder.hold, "hold");
    this.confirm = required(builder.confirm, "confirm");
    this.manage = required(builder.manage, "manage");
    this.day = required(builder.day, "day");
    this.challenge = required(builder.challenge, "challenge");
    this.waitingList = required(builder.waitingList, "waitingList");
    this.authenticate = required(builder.authenticate, "authenticate");
    this.issueAccessToken = required(builder.issueAccessToken, "issueAccessToken");
    this.readiness = required(builder.readiness, "readiness");
    this.clock = required(builder.clock, "clock");
    this.lottery = required(builder.lottery, "lottery");
    this.resolveResponsibility = required(builder.resolveResponsibility, "resolveResponsibility");
    this.configureResponsibility =
        required(builder.configureResponsibility, "configureResponsibility");
    this.audit = required(builder.audit, "audit");
    this.personalData = required(builder.personalData, "personalData");
    this.retention = required(builder.retention, "retention");
  }

  /** A builder with nothing set yet. */
  public static Builder builder() {
    return new Builder();
  }

  private static <T> T required(T value, String name) {
    checkState(value != null, "set %s before building the use cases", name);
    return value;
  }

  /** Collects the use cases by name; every one of them must be set. Not thread-safe. */
  public static final class Builder {

    private BrowseCatalog catalog;
    private ConfigureCatalog configureCatalog;
    private FindAvailability availability;
    private HoldSlot hold;
    private ConfirmBooking confirm;
    private ManageBooking manage;
    private ViewDay day;
    private GetChallenge challenge;
    private JoinWaitingList waitingList;
    private Authenticate authenticate;
    private IssueAccessToken issueAccessToken;
    private BooleanSupplier readiness;
    private Clock clock;
    private EnterLottery lottery;
    private ResolveResponsibility resolveResponsibility;
    private ConfigureResponsibility configureResponsibility;
    private ReadAuditLog audit;
    private ManagePersonalData personalData;
    private ConfigureRetention retention;

    private Builder() {}

    public Builder catalog(BrowseCatalog catalog) {
      this.catalog = checkNotNull(catalog, "catalog");
      return this;
    }

    public Builder configureCatalog(ConfigureCatalog configureCatalog) {
      this.configureCatalog = checkNotNull(configureCatalog, "configureCatalog");
      return this;
    }

    public Builder availability(FindAvailability availability) {
      this.availability = checkNotNull(availability, "availability");
      return this;
    }

    public Builder hold(HoldSlot hold) {
      this.hold = checkNotNull(hold, "hold");
      return this;
    }

    public Builder confirm(ConfirmBooking confirm) {
      this.confirm = checkNotNull(confirm, "confirm");
      return this;
    }

    public Builder manage(ManageBooking manage) {
      this.manage = checkNotNull(manage, "manage");
      return this;
    }

    public Builder day(ViewDay day) {
      this.day = checkNotNull(day, "day");
      return this;
    }

    public Builder challenge(GetChallenge challenge) {
      this.challenge = checkNotNull(challenge, "challenge");
      return this;
    }

    public Builder waitingList(JoinWaitingList waitingList) {
      this.waitingList = checkNotNull(waitingList, "waitingList");
      return this;
    }

    public Builder authenticate(Authenticate authenticate) {
      this.authenticate = checkNotNull(authenticate, "authenticate");
      return this;
    }

    public Builder issueAccessToken(IssueAccessToken issueAccessToken) {
      this.issueAccessToken = checkNotNull(issueAccessToken, "issueAccessToken");
      return this;
    }

    /** Whether the instance can serve requests; a failure counts as not ready. */
    public Builder readiness(BooleanSupplier readiness) {
      this.readiness = checkNotNull(readiness, "readiness");
      return this;
    }

    /** The clock for defaults such as "today" and for the time of downloads. */
    public Builder clock(Clock clock) {
      this.clock = checkNotNull(clock, "clock");
      return this;
    }

    public Builder lottery(EnterLottery lottery) {
      this.lottery = checkNotNull(lottery, "lottery");
      return this;
    }

    public Builder resolveResponsibility(ResolveResponsibility resolveResponsibility) {
      this.resolveResponsibility = checkNotNull(resolveResponsibility, "resolveResponsibility");
      return this;
    }

    public Builder configureResponsibility(ConfigureResponsibility configureResponsibility) {
      this.configureResponsibility =
          checkNotNull(configureResponsibility, "configureResponsibility");
      return this;
    }

    public Builder audit(ReadAuditLog audit) {
      this.audit = checkNotNull(audit, "audit");
      return this;
    }

    public Builder personalData(ManagePersonalData personalData) {
      this.personalData = checkNotNull(personalData, "personalData");
      return this;
    }

    public Builder retention(ConfigureRetention retention) {
      this.retention = checkNotNull(retention, "retention");
      return this;
    }

    /** The use cases; an {@link IllegalStateException} names the first one not set. */
    public UseCases build() {
      return new UseCases(this);
    }
  }
}
