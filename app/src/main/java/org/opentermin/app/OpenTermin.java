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
import org.opentermin.http.common.UseCases;
import org.opentermin.jdbc.JdbcAdapter;
import org.opentermin.ports.access.AccessTokens;
import org.opentermin.ports.access.IssuedToken;
import org.opentermin.ports.audit.AuditService;
import org.opentermin.ports.booking.BookingService;
import org.opentermin.ports.booking.ExpiredHoldCleanup;
import org.opentermin.ports.catalog.CatalogService;
import org.opentermin.ports.fairness.LotteryDraws;
import org.opentermin.ports.fairness.LotteryService;
import org.opentermin.ports.fairness.WaitingListForLosers;
import org.opentermin.ports.fairness.WaitingListOffers;
import org.opentermin.ports.fairness.WaitingListService;
import org.opentermin.ports.out.RandomSource;
import org.opentermin.ports.privacy.PersonalDataRetention;
import org.opentermin.ports.privacy.PrivacyService;
import org.opentermin.ports.routing.ResponsibilityService;
import org.opentermin.ports.video.GeneratedVideoRooms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running OpenTermin instance, wired by hand: database, use cases, HTTP API, the hold
 * clean-up, the waiting-list offers, the lottery draws and the retention job. {@link #close()}
 * shuts down in order: stop accepting requests and finish those in flight, stop the job, close the
 * pool, stop an embedded PostgreSQL.
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

  private static final Logger LOG = LoggerFactory.getLogger(OpenTermin.class);

  private final Database database;
  private final HttpApi api;
  private final ScheduledExecutorService jobs;
  private final WaitingListOffers waitingListOffers;
  private final LotteryDraws lotteryDraws;
  private final PersonalDataRetention retention;

  private OpenTermin(
      Database database,
      HttpApi api,
      ScheduledExecutorService jobs,
      WaitingListOffers waitingListOffers,
      LotteryDraws lotteryDraws,
      PersonalDataRetention retention) {
    this.database = database;
    this.api = api;
    this.jobs = jobs;
    this.waitingListOffers = waitingListOffers;
    this.lotteryDraws = lotteryDraws;
    this.retention = retention;
  }

  /** Starts an instance; messages for the operator (such as a new admin token) go to {@code console}. */
  public static OpenTermin start(AppConfig config, Clock clock, PrintStream console) {
    Database database = Database.open(config);
    try {
      JdbcAdapter adapter = database.adapter();
      CatalogService catalog = new CatalogService(adapter.catalog(), adapter.auditLog(), clock);
      if (config.demo() && catalog.offices().isEmpty()) {
        DemoData demo = DemoData.around(LocalDate.now(clock.withZone(ZoneId.of("Europe/Berlin"))));
        demo.saveTo(adapter.catalog());
        demo.saveRoutingTo(adapter.routing());
        LOG.info("Loaded the demo offices into the empty database");
      }
      RandomSource random = RandomSource.secure();
      AccessTokens accessTokens = new AccessTokens(adapter.accessTokens(), clock, random);
      accessTokens.bootstrapAdmin(config.adminToken()).map(IssuedToken::token).ifPresent(token -> {
        console.println("A new admin token was generated. It is shown only this once and stored only as a hash:");
        console.println("  " + token);
        console.println("Set OPENTERMIN_ADMIN_TOKEN to use a token of your own instead.");
      });
      if (config.usesDefaultVideoService()) {
        LOG.info("Video appointments get rooms on {}; set OPENTERMIN_VIDEO_BASE_URL to the video service you run or have contracted",
            config.videoBaseUrl());
      }
      ResponsibilityService responsibility =
          new ResponsibilityService(
              adapter.catalog(), adapter.routing(), adapter.auditLog(), clock, BookingService.RECOMMENDED_SCHEDULE_RECHECK);
      BookingService bookings = BookingService.builder(adapter.catalog(), adapter.bookings(), adapter.auditLog(), clock, random)
          .scheduleRecheck(BookingService.RECOMMENDED_SCHEDULE_RECHECK)
          .responsibility(responsibility)
          .videoRoom(new GeneratedVideoRooms(config.videoBaseUrl(), random))
          .build();
      WaitingListService waitingList = new WaitingListService(adapter.catalog(), adapter.waitingList(), adapter.auditLog(), clock, random);
      LotteryService lottery = new LotteryService(adapter.catalog(), adapter.lottery(), clock, random);
      PrivacyService privacy = new PrivacyService(adapter.catalog(), adapter.bookings(), adapter.auditLog(), clock);
      HttpApi api = HttpApi.create(new UseCases(
          catalog, catalog, bookings, bookings, bookings, bookings, bookings, bookings, waitingList, accessTokens,
          database::isReady, clock, lottery, responsibility, responsibility,
          new AuditService(adapter.catalog(), adapter.auditLog()), privacy, privacy),
          config.httpSettings());
      ScheduledExecutorService jobs = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "opentermin-jobs");
        thread.setDaemon(true);
        return thread;
      });
      ExpiredHoldCleanup cleanup = new ExpiredHoldCleanup(adapter.catalog(), adapter.bookings(), clock);
      jobs.scheduleWithFixedDelay(() -> runCleanup(cleanup), CLEANUP_PERIOD_SECONDS, CLEANUP_PERIOD_SECONDS, TimeUnit.SECONDS);
      WaitingListOffers offers = new WaitingListOffers(
          adapter.catalog(), bookings, adapter.bookings(), adapter.waitingList(), new LoggingNotifier(), clock);
      jobs.scheduleWithFixedDelay(
          () -> runWaitingListOffers(offers), WAITING_LIST_PERIOD_SECONDS, WAITING_LIST_PERIOD_SECONDS, TimeUnit.SECONDS);
      LotteryDraws draws = new LotteryDraws(
          adapter.catalog(), adapter.lottery(), bookings, new LoggingNotifier(), new WaitingListForLosers(waitingList), clock);
      jobs.scheduleWithFixedDelay(() -> runDraws(draws), LOTTERY_PERIOD_SECONDS, LOTTERY_PERIOD_SECONDS, TimeUnit.SECONDS);
      PersonalDataRetention retention =
          new PersonalDataRetention(adapter.catalog(), adapter.bookings(), adapter.waitingList(), adapter.lottery(), clock);
      jobs.scheduleWithFixedDelay(
          () -> runRetention(retention), RETENTION_PERIOD_SECONDS, RETENTION_PERIOD_SECONDS, TimeUnit.SECONDS);
      if (config.demo()) {
        DemoOverview.print(catalog.offices(), catalog.services(), LocalDate.now(clock), bookings, console);
      }
      // Listening comes last, so that /ready answers only once startup is complete.
      api.start(config.port());
      console.println("OpenTermin is listening on http://localhost:" + api.port() + "/ (API docs: /docs)");
      return new OpenTermin(database, api, jobs, offers, draws, retention);
    } catch (RuntimeException failure) {
      database.close();
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
   * Runs the retention job now, as the schedule does every few minutes; returns what it erased.
   * For tests and operators who cannot wait for the next run.
   */
  public PersonalDataRetention.Erased eraseExpiredPersonalData() {
    return retention.run();
  }

  @Override
  public void close() {
    api.stop();
    jobs.shutdownNow();
    database.close();
  }

  /** Like the clean-up: a failed run is logged by type only (messages may quote data) and retried. */
  private static void runWaitingListOffers(WaitingListOffers offers) {
    try {
      int made = offers.run();
      if (made > 0) {
        LOG.debug("Made {} waiting-list offers", made);
      }
    } catch (RuntimeException failure) {
      LOG.warn("Serving the waiting lists failed ({}); trying again in {} s",
          failure.getClass().getSimpleName(), WAITING_LIST_PERIOD_SECONDS);
    }
  }

  /** A failed run must not end the schedule; the next run claims abandoned draws again. */
  private static void runDraws(LotteryDraws draws) {
    try {
      int drawn = draws.run();
      if (drawn > 0) {
        LOG.info("Drew {} lottery draws", drawn);
      }
    } catch (RuntimeException failure) {
      LOG.warn("Drawing lotteries failed ({}); trying again in {} s", failure.getClass().getSimpleName(), LOTTERY_PERIOD_SECONDS);
    }
  }

  /** Counts only: what was erased is nobody's business in a log. A failed run is retried. */
  private static void runRetention(PersonalDataRetention retention) {
    try {
      PersonalDataRetention.Erased erased = retention.run();
      if (erased.total() > 0) {
        LOG.info("Erased the personal data of {} bookings, {} waiting-list and {} lottery entries past their retention period",
            erased.bookings(), erased.waitingListEntries(), erased.lotteryEntries());
      }
    } catch (RuntimeException failure) {
      LOG.warn("Erasing personal data past its retention period failed ({}); trying again in {} s",
          failure.getClass().getSimpleName(), RETENTION_PERIOD_SECONDS);
    }
  }

  /** A failed run must not end the schedule; the next run tries again. */
  private static void runCleanup(ExpiredHoldCleanup cleanup) {
    try {
      int deleted = cleanup.run();
      if (deleted > 0) {
        LOG.debug("Deleted {} expired holds", deleted);
      }
    } catch (RuntimeException failure) {
      LOG.warn("Deleting expired holds failed ({}); trying again in {} s", failure.getClass().getSimpleName(), CLEANUP_PERIOD_SECONDS);
    }
  }
}
