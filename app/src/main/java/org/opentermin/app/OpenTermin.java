package org.opentermin.app;

import java.io.PrintStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.opentermin.app.demo.DemoData;
import org.opentermin.app.demo.DemoOverview;
import org.opentermin.http.HttpApi;
import org.opentermin.http.UseCases;
import org.opentermin.jdbc.JdbcAdapter;
import org.opentermin.ports.access.AccessTokens;
import org.opentermin.ports.audit.AuditService;
import org.opentermin.ports.booking.BookingServices;
import org.opentermin.ports.booking.ExpiredHoldCleanup;
import org.opentermin.ports.catalog.CatalogService;
import org.opentermin.ports.challenge.ProofOfWorkChallenge;
import org.opentermin.ports.fairness.LotteryDraws;
import org.opentermin.ports.fairness.LotteryService;
import org.opentermin.ports.fairness.WaitingListHandOff;
import org.opentermin.ports.fairness.WaitingListOffers;
import org.opentermin.ports.fairness.WaitingListService;
import org.opentermin.ports.in.IssuedToken;
import org.opentermin.ports.memory.InMemoryHoldRates;
import org.opentermin.ports.out.RandomSource;
import org.opentermin.ports.privacy.PersonalDataRetention;
import org.opentermin.ports.privacy.PrivacyService;
import org.opentermin.ports.routing.ResponsibilityService;
import org.opentermin.ports.video.GeneratedVideoRooms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running OpenTermin instance, wired by hand: database, use cases, HTTP API, the hold clean-up,
 * the waiting-list offers, the lottery draws and the retention job. {@link #close()} shuts down in
 * order: stop accepting requests and finish those in flight, stop the job, close the pool, stop an
 * embedded PostgreSQL.
 */
public final class OpenTermin implements AutoCloseable {

  /** How often expired holds are deleted; they stop counting at expiry anyway. */
  static final long CLEANUP_PERIOD_SECONDS = 60;

  /**
   * How often waiting lists are served: freed capacity waits at most this long for its offer.
   * Several instances may run the job at once; the stores' conditional changes keep it correct.
   */
  static final long WAITING_LIST_PERIOD_SECONDS = 60;

  /** How often due lottery draws are drawn: well within the draw grace before everyone may book. */
  static final long LOTTERY_PERIOD_SECONDS = 60;

  /**
   * How often personal data past its office's retention period is erased: within minutes of being
   * due, which is nothing against a period of days. Several instances may run it at once.
   */
  static final long RETENTION_PERIOD_SECONDS = 300;

  /** Under this name the instances on one database share the key that signs their challenges. */
  static final String CHALLENGE_KEY = "proof-of-work";

  private static final Logger LOG = LoggerFactory.getLogger(OpenTermin.class);

  private final Database database;
  private final HttpApi api;
  private final ScheduledExecutorService jobs;
  private final WaitingListOffers waitingListOffers;
  private final LotteryDraws lotteryDraws;
  private final PersonalDataRetention retention;
  private final ExpiredHoldCleanup cleanup;
  private final InstanceMetrics metrics;

  private OpenTermin(
      Database database,
      HttpApi api,
      ScheduledExecutorService jobs,
      WaitingListOffers waitingListOffers,
      LotteryDraws lotteryDraws,
      PersonalDataRetention retention,
      ExpiredHoldCleanup cleanup,
      InstanceMetrics metrics) {
    this.database = database;
    this.api = api;
    this.jobs = jobs;
    this.waitingListOffers = waitingListOffers;
    this.lotteryDraws = lotteryDraws;
    this.retention = retention;
    this.cleanup = cleanup;
    this.metrics = metrics;
  }

  /**
   * Starts an instance; messages for the operator (such as a new admin token) go to {@code
   * console}.
   */
  public static OpenTermin start(AppConfig config, Clock clock, PrintStream console) {
    InstanceMetrics metrics = new InstanceMetrics(clock);
    Database database;
    try {
      database = Database.open(config);
    } catch (RuntimeException failure) {
      metrics.close();
      throw failure;
    }
    try {
      JdbcAdapter adapter = database.adapter();
      adapter.recordPoolMetrics(metrics.registry());
      metrics.databaseHealth(database::isReady);
      metrics.embeddedDatabaseRestarts(database::restarts);
      CatalogService catalog = new CatalogService(adapter.catalog(), adapter.auditLog(), clock);
      if (config.demo() && catalog.offices().isEmpty()) {
        DemoData demo = DemoData.around(LocalDate.now(clock.withZone(ZoneId.of("Europe/Berlin"))));
        demo.saveTo(adapter.catalog());
        demo.saveRoutingTo(adapter.routing());
        LOG.info("Loaded the demo offices into the empty database");
      }
      RandomSource random = RandomSource.secure();
      AccessTokens accessTokens = new AccessTokens(adapter.accessTokens(), clock, random);
      accessTokens
          .bootstrapAdmin(config.adminToken())
          .map(IssuedToken::token)
          .ifPresent(
              token -> {
                console.println(
                    "A new admin token was generated. It is shown only this once and stored only as"
                        + " a hash:");
                console.println("  " + token);
                console.println("Set OPENTERMIN_ADMIN_TOKEN to use a token of your own instead.");
              });
      if (config.usesDefaultVideoService()) {
        LOG.info(
            "Video appointments get rooms on {}; set OPENTERMIN_VIDEO_BASE_URL to the video service"
                + " you run or have contracted",
            config.videoBaseUrl());
      }
      ResponsibilityService responsibility =
          new ResponsibilityService(
              adapter.catalog(),
              adapter.routing(),
              adapter.auditLog(),
              clock,
              BookingServices.RECOMMENDED_SCHEDULE_RECHECK);
      // Challenges and hold rates are shared through the database, so that any instance verifies
      // what another issued and every instance sees an office's whole load.
      BookingServices bookings =
          BookingServices.builder(
                  adapter.catalog(),
                  adapter.bookings(),
                  adapter.auditLog(),
                  clock,
                  random,
                  new ProofOfWorkChallenge(
                      adapter.sharedSecret(CHALLENGE_KEY, random),
                      random,
                      adapter.spentChallenges()),
                  adapter.holdRates(new InMemoryHoldRates()))
              .scheduleRecheck(BookingServices.RECOMMENDED_SCHEDULE_RECHECK)
              .responsibility(responsibility)
              .videoRoom(new GeneratedVideoRooms(config.videoBaseUrl(), random))
              .build();
      WaitingListService waitingList =
          new WaitingListService(
              adapter.catalog(), adapter.waitingList(), adapter.auditLog(), clock, random);
      LotteryService lottery =
          new LotteryService(adapter.catalog(), adapter.lottery(), clock, random);
      PrivacyService privacy =
          new PrivacyService(adapter.catalog(), adapter.bookings(), adapter.auditLog(), clock);
      UseCases useCases =
          UseCases.builder()
              .catalog(catalog)
              .configureCatalog(catalog)
              .availability(bookings.availability())
              .hold(bookings.holding())
              .confirm(bookings.confirming())
              .manage(bookings.managing())
              .day(bookings.dayView())
              .challenge(bookings.challenges())
              .waitingList(waitingList)
              .authenticate(accessTokens)
              .issueAccessToken(accessTokens)
              .readiness(database::isReady)
              .clock(clock)
              .lottery(lottery)
              .resolveResponsibility(responsibility)
              .configureResponsibility(responsibility)
              .audit(new AuditService(adapter.catalog(), adapter.auditLog()))
              .personalData(privacy)
              .retention(privacy)
              .build();
      HttpApi api = HttpApi.create(useCases, config.httpSettings(), metrics.registry());
      ScheduledExecutorService jobs =
          Executors.newSingleThreadScheduledExecutor(
              runnable -> {
                Thread thread = new Thread(runnable, "opentermin-jobs");
                thread.setDaemon(true);
                return thread;
              });
      ExpiredHoldCleanup cleanup =
          new ExpiredHoldCleanup(adapter.catalog(), adapter.bookings(), clock);
      jobs.scheduleWithFixedDelay(
          metrics.job("expired-holds", () -> runCleanup(cleanup)),
          CLEANUP_PERIOD_SECONDS,
          CLEANUP_PERIOD_SECONDS,
          TimeUnit.SECONDS);
      WaitingListOffers offers =
          new WaitingListOffers(
              adapter.catalog(),
              bookings.system(),
              adapter.bookings(),
              adapter.waitingList(),
              new LoggingNotifier(),
              clock);
      jobs.scheduleWithFixedDelay(
          metrics.job("waiting-lists", () -> runWaitingListOffers(offers)),
          WAITING_LIST_PERIOD_SECONDS,
          WAITING_LIST_PERIOD_SECONDS,
          TimeUnit.SECONDS);
      LotteryDraws draws =
          new LotteryDraws(
              adapter.catalog(),
              adapter.lottery(),
              bookings.system(),
              new LoggingNotifier(),
              new WaitingListHandOff(waitingList),
              clock);
      jobs.scheduleWithFixedDelay(
          metrics.job("lottery-draws", () -> runDraws(draws)),
          LOTTERY_PERIOD_SECONDS,
          LOTTERY_PERIOD_SECONDS,
          TimeUnit.SECONDS);
      PersonalDataRetention retention =
          new PersonalDataRetention(
              adapter.catalog(),
              adapter.bookings(),
              adapter.waitingList(),
              adapter.lottery(),
              clock);
      jobs.scheduleWithFixedDelay(
          metrics.job("retention", () -> runRetention(retention)),
          RETENTION_PERIOD_SECONDS,
          RETENTION_PERIOD_SECONDS,
          TimeUnit.SECONDS);
      if (config.demo()) {
        DemoOverview.print(
            catalog.offices(), catalog.services(), LocalDate.now(clock), bookings, console);
      }
      // Listening comes last, so that /ready answers only once startup is complete.
      api.start(config.port());
      console.println(
          "OpenTermin is listening on http://localhost:" + api.port() + "/ (API docs: /docs)");
      return new OpenTermin(database, api, jobs, offers, draws, retention, cleanup, metrics);
    } catch (RuntimeException failure) {
      database.close();
      metrics.close();
      throw failure;
    }
  }

  /** The port the API listens on. */
  public int port() {
    return api.port();
  }

  /**
   * Serves the waiting lists now, as the schedule does every minute (for tests, and for operators
   * who do not want to wait); returns how many offers were made.
   */
  public int serveWaitingListsNow() {
    return waitingListOffers.run();
  }

  /**
   * Runs the lottery job now, as the schedule does every minute; returns how many draws this
   * instance drew. For tests and operators who cannot wait for the next run.
   */
  public int runLotteryDraws() {
    return lotteryDraws.run();
  }

  /**
   * Runs the retention job now, as the schedule does every few minutes; returns what it erased. For
   * tests and operators who cannot wait for the next run.
   */
  public PersonalDataRetention.Erased eraseExpiredPersonalData() {
    return retention.run();
  }

  /**
   * Deletes expired holds now, as the schedule does every minute; returns how many this instance
   * deleted. For tests and operators who cannot wait for the next run.
   */
  public int deleteExpiredHoldsNow() {
    return cleanup.run();
  }

  @Override
  public void close() {
    api.stop();
    jobs.shutdownNow();
    database.close();
    metrics.close();
  }

  /**
   * Like the clean-up: a failed run is logged by type only (messages may quote data) and retried.
   */
  private static boolean runWaitingListOffers(WaitingListOffers offers) {
    try {
      int made = offers.run();
      if (made > 0) {
        LOG.debug("Made {} waiting-list offers", made);
      }
      return true;
    } catch (RuntimeException failure) {
      LOG.warn(
          "Serving the waiting lists failed ({}); trying again in {} s",
          failure.getClass().getSimpleName(),
          WAITING_LIST_PERIOD_SECONDS);
      return false;
    }
  }

  /** A failed run must not end the schedule; the next run claims abandoned draws again. */
  private static boolean runDraws(LotteryDraws draws) {
    try {
      int drawn = draws.run();
      if (drawn > 0) {
        LOG.info("Drew {} lottery draws", drawn);
      }
      return true;
    } catch (RuntimeException failure) {
      LOG.warn(
          "Drawing lotteries failed ({}); trying again in {} s",
          failure.getClass().getSimpleName(),
          LOTTERY_PERIOD_SECONDS);
      return false;
    }
  }

  /** Counts only: what was erased is nobody's business in a log. A failed run is retried. */
  private static boolean runRetention(PersonalDataRetention retention) {
    try {
      PersonalDataRetention.Erased erased = retention.run();
      if (erased.total() > 0) {
        LOG.info(
            "Erased the personal data of {} bookings, {} waiting-list and {} lottery entries past"
                + " their retention period",
            erased.bookings(),
            erased.waitingListEntries(),
            erased.lotteryEntries());
      }
      return true;
    } catch (RuntimeException failure) {
      LOG.warn(
          "Erasing personal data past its retention period failed ({}); trying again in {} s",
          failure.getClass().getSimpleName(),
          RETENTION_PERIOD_SECONDS);
      return false;
    }
  }

  /** A failed run must not end the schedule; the next run tries again. */
  private static boolean runCleanup(ExpiredHoldCleanup cleanup) {
    try {
      int deleted = cleanup.run();
      if (deleted > 0) {
        LOG.debug("Deleted {} expired holds", deleted);
      }
      return true;
    } catch (RuntimeException failure) {
      LOG.warn(
          "Deleting expired holds failed ({}); trying again in {} s",
          failure.getClass().getSimpleName(),
          CLEANUP_PERIOD_SECONDS);
      return false;
    }
  }
}
