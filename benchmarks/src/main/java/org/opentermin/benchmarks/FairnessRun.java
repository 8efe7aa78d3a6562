package org.opentermin.benchmarks;

import static com.google.common.base.Preconditions.checkState;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import org.opentermin.core.access.AccessGrant;
import org.opentermin.core.access.AccessRole;
import org.opentermin.core.availability.Slot;
import org.opentermin.core.booking.Actor;
import org.opentermin.core.booking.Appointment;
import org.opentermin.core.booking.AppointmentId;
import org.opentermin.core.booking.Booking;
import org.opentermin.core.booking.BookingReference;
import org.opentermin.core.booking.Citizen;
import org.opentermin.core.booking.Hold;
import org.opentermin.core.booking.RefusalReason;
import org.opentermin.core.calendar.HolidayRegion;
import org.opentermin.core.catalog.BookingHorizon;
import org.opentermin.core.catalog.Channel;
import org.opentermin.core.catalog.Office;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.catalog.Resource;
import org.opentermin.core.catalog.ResourceId;
import org.opentermin.core.catalog.ResourceKind;
import org.opentermin.core.catalog.Service;
import org.opentermin.core.catalog.ServiceId;
import org.opentermin.core.fairness.AccessPolicies;
import org.opentermin.core.fairness.LotteryPolicy;
import org.opentermin.core.fairness.ReleasePolicy;
import org.opentermin.core.fairness.WaitingListEntryId;
import org.opentermin.core.time.DateRange;
import org.opentermin.core.worktime.WeeklyRule;
import org.opentermin.core.worktime.WorkingTime;
import org.opentermin.ports.booking.BookingServices;
import org.opentermin.ports.booking.ExpiredHoldCleanup;
import org.opentermin.ports.catalog.CatalogService;
import org.opentermin.ports.challenge.ProofOfWorkChallenge;
import org.opentermin.ports.fairness.LostEntryHandOff;
import org.opentermin.ports.fairness.LotteryDraws;
import org.opentermin.ports.fairness.LotteryService;
import org.opentermin.ports.fairness.WaitingListOffers;
import org.opentermin.ports.fairness.WaitingListService;
import org.opentermin.ports.in.AvailabilityResult;
import org.opentermin.ports.in.BookingAccess;
import org.opentermin.ports.in.BookingResult;
import org.opentermin.ports.in.ChangeResult;
import org.opentermin.ports.in.ConfirmBooking;
import org.opentermin.ports.in.EnterLottery;
import org.opentermin.ports.in.FindAvailability;
import org.opentermin.ports.in.FirstSlotResult;
import org.opentermin.ports.in.GetChallenge;
import org.opentermin.ports.in.HoldResult;
import org.opentermin.ports.in.HoldSlot;
import org.opentermin.ports.in.JoinWaitingList;
import org.opentermin.ports.in.Refused;
import org.opentermin.ports.in.ServiceRequest;
import org.opentermin.ports.in.ViewDay;
import org.opentermin.ports.memory.InMemoryBookingStore;
import org.opentermin.ports.memory.InMemoryCatalogStore;
import org.opentermin.ports.memory.InMemoryHoldRates;
import org.opentermin.ports.memory.InMemoryLotteryStore;
import org.opentermin.ports.memory.InMemoryWaitingListStore;
import org.opentermin.ports.out.Notifier;
import org.opentermin.ports.out.RandomSource;

/**
 * One run of the fairness model (docs/FAIRNESS.md): one office under one access policy, citizens
 * and bot operators acting on a simulated clock through the real booking use cases over the
 * in-memory adapters. Everything random comes from the seed, and events at the same instant run in
 * the order they were scheduled, so a run repeats exactly. Not thread-safe; run once.
 */
final class FairnessRun {

  static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

  /** The first of the 14 simulated days, a Monday without holidays nearby or a DST change. */
  static final LocalDate FIRST_DAY = LocalDate.of(2027, 3, 1);

  static final int DAYS = 14;
  static final int SLOTS_PER_CASEWORKER_AND_DAY = 12;

  /**
   * Early enough for the lottery entries (48 h) before the first wave (14 days ahead, 08:00 + up to
   * 2 h).
   */
  static final int LEAD_DAYS = 17;

  private static final OfficeId OFFICE = OfficeId.of("simulated-office");
  private static final Service SERVICE =
      Service.of(
          ServiceId.of("consultation"),
          "Consultation",
          Duration.ofMinutes(30),
          1,
          EnumSet.of(Channel.ONLINE, Channel.PHONE, Channel.COUNTER),
          false);
  private static final ImmutableList<ServiceRequest> WANTED =
      ImmutableList.of(new ServiceRequest(SERVICE.id(), 1));
  private static final LocalTime LOOKS_FROM = LocalTime.of(7, 0);
  private static final LocalTime LOOKS_UNTIL = LocalTime.of(22, 0);

  private final FairnessSettings settings;
  private final FairnessScenario scenario;

  /** Citizens' looks and cancellations. */
  private final Random random;

  private final SimulatedClock clock;
  private final InMemoryCatalogStore catalogStore;
  private final InMemoryBookingStore bookingStore;
  private final CatalogService catalog;
  private final BookingServices service;
  private final ExpiredHoldCleanup cleanup;
  private final LotteryService lottery;
  private final LotteryDraws draws;
  private final WaitingListService waitingList;
  private final WaitingListOffers offers;

  /**
   * When the first wave of each of the 14 days opens, in day order; empty without release waves.
   */
  private final Map<LocalDate, Instant> firstOpenings = new java.util.TreeMap<>();

  /** The lottery draws of the 14 days, when the policy has a lottery. */
  private final List<DrawTime> drawTimes = new ArrayList<>();

  /**
   * Set by every event that may let the waiting-list job do something (capacity may open, a new
   * entry, a confirmed offer); the job's minute runs in between would do nothing and are skipped.
   */
  private boolean waitingListJobDue = true;

  private final AccessPolicies policies;
  private final Instant end;
  private final LocalDate lastDay;

  private final PriorityQueue<Event> queue = new PriorityQueue<>();
  private long sequence;
  private final Set<Instant> scheduledPolls = new HashSet<>();

  /**
   * Set when a citizen's look found nothing free; cleared by every event that may open capacity.
   * While it is set no capacity can have opened, so a look would find nothing again and is skipped:
   * the same outcome without the call.
   */
  private boolean nothingFree;

  private final List<SimCitizen> citizens = new ArrayList<>();
  private final List<Operator> operators = new ArrayList<>();

  /** Live bookings made in the run, by whom. */
  private final Map<AppointmentId, Person> owners = new HashMap<>();

  private final Map<String, Person> byEmail = new HashMap<>();
  private int citizenCancellations;

  FairnessRun(FairnessSettings settings, FairnessScenario scenario) {
    this.settings = settings;
    this.scenario = scenario;
    this.random = new Random(settings.seed() * 31 + scenario.ordinal());
    Instant start = FIRST_DAY.minusDays(LEAD_DAYS).atStartOfDay(ZONE).toInstant();
    this.lastDay = lastWorkingDay();
    this.end = lastDay.plusDays(1).atStartOfDay(ZONE).toInstant();
    this.clock = new SimulatedClock(start);
    this.catalogStore = new InMemoryCatalogStore(RandomSource.seeded(settings.seed()));
    this.bookingStore = new InMemoryBookingStore();
    this.catalog = new CatalogService(catalogStore, bookingStore.auditLog(), clock);
    this.service =
        BookingServices.builder(
                catalogStore,
                bookingStore,
                bookingStore.auditLog(),
                clock,
                RandomSource.seeded(settings.seed() + 1),
                new TimedChallenge(ProofOfWorkChallenge.DEFAULT_LIFETIME),
                new InMemoryHoldRates())
            .build();
    this.cleanup = new ExpiredHoldCleanup(catalogStore, bookingStore, clock);
    Notifier notifier = this::notified;
    InMemoryLotteryStore lotteryStore = new InMemoryLotteryStore();
    InMemoryWaitingListStore waitingStore = new InMemoryWaitingListStore(bookingStore);
    this.lottery =
        new LotteryService(
            catalogStore, lotteryStore, clock, RandomSource.seeded(settings.seed() + 2));
    this.waitingList =
        new WaitingListService(
            catalogStore,
            waitingStore,
            bookingStore.auditLog(),
            clock,
            RandomSource.seeded(settings.seed() + 3));
    LostEntryHandOff losers = this::lostLottery;
    this.draws =
        new LotteryDraws(catalogStore, lotteryStore, service.system(), notifier, losers, clock);
    this.offers =
        new WaitingListOffers(
            catalogStore, service.system(), bookingStore, waitingStore, notifier, clock);
    setUpOffice();
    this.policies = catalog.accessPolicies(OFFICE).orElseThrow();
  }

  /** A lottery draw: the day, the wave, and when the wave opens (and is drawn). */
  private record DrawTime(LocalDate day, int wave, Instant opensAt, Instant entriesOpenAt) {
    boolean takesEntriesAt(Instant now) {
      return !now.isBefore(entriesOpenAt) && now.isBefore(opensAt);
    }
  }

  /**
   * The office: {@code caseworkers} people, Mon-Fri 08:00-14:00 in the 14 days only, 30-minute
   * slots, horizon 14 days.
   */
  private void setUpOffice() {
    Office office =
        new Office(
            OFFICE,
            "Simulated office",
            ZONE,
            HolidayRegion.munich(),
            30,
            BookingHorizon.of(Duration.ZERO, DAYS),
            Duration.ofMinutes(10));
    check(catalog.createOffice(office, Actor.SYSTEM));
    check(catalog.createService(SERVICE));
    WorkingTime weekdays =
        WorkingTime.builder()
            .rule(
                WeeklyRule.weekly(
                        EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), "08:00", "14:00")
                    .validDuring(new DateRange(FIRST_DAY, FIRST_DAY.plusDays(DAYS))))
            .build();
    for (int i = 0; i < settings.caseworkers(); i++) {
      ResourceId id = ResourceId.of("caseworker-" + i);
      check(
          catalog.createResource(
              Resource.of(
                  id, OFFICE, "Caseworker " + i, ResourceKind.CASEWORKER, List.of(SERVICE.id())),
              Actor.SYSTEM));
      check(catalog.replaceWorkingTime(OFFICE, id, weekdays, Actor.SYSTEM));
    }
    check(
        catalog.setAccessPolicy(
            OFFICE, Optional.empty(), Optional.of(scenario.policy()), Actor.SYSTEM));
  }

  private static void check(Optional<Refused> refused) {
    refused.ifPresent(
        reason -> {
          throw new IllegalStateException("setting up the office failed: " + reason);
        });
  }

  private static LocalDate lastWorkingDay() {
    LocalDate day = FIRST_DAY.plusDays(DAYS - 1);
    while (day.getDayOfWeek().getValue() > DayOfWeek.FRIDAY.getValue()) {
      day = day.minusDays(1);
    }
    return day;
  }

  /** The number of slots in the 14 days. */
  int totalSlots() {
    int workingDays = 0;
    for (LocalDate day = FIRST_DAY; day.isBefore(FIRST_DAY.plusDays(DAYS)); day = day.plusDays(1)) {
      if (day.getDayOfWeek().getValue() <= DayOfWeek.FRIDAY.getValue()) {
        workingDays++;
      }
    }
    return workingDays * settings.caseworkers() * SLOTS_PER_CASEWORKER_AND_DAY;
  }

  FairnessResult run() {
    createPeople();
    Instant start = clock.instant();
    LocalDate today = LocalDate.ofInstant(start, ZONE);
    for (LocalDate day = today; day.isBefore(lastDay.plusDays(1)); day = day.plusDays(1)) {
      LocalDate date = day;
      at(day.atStartOfDay(ZONE).toInstant(), () -> scheduleLooks(date));
    }
    // Hour boundaries open capacity: the horizon moves at midnight, and contingent blocks (an hour
    // each, 08:00-14:00) open to online whole hours (the preset: 48) before they start. The recheck
    // is a safety net on top.
    for (LocalDate day = today; !day.isAfter(lastDay); day = day.plusDays(1)) {
      capacityMayOpen(day.atStartOfDay(ZONE).toInstant());
      at(nextPoll(day.atStartOfDay(ZONE).toInstant()), this::botsRegister);
      for (int hour = 8; hour < 14; hour++) {
        capacityMayOpen(ZonedDateTime.of(day, LocalTime.of(hour, 0), ZONE).toInstant());
      }
    }
    for (Instant t = start; t.isBefore(end); t = t.plus(settings.recheck())) {
      capacityMayOpen(t);
    }
    for (Instant t = start; t.isBefore(end); t = t.plus(Duration.ofMinutes(1))) {
      at(t, this::runJobs);
    }
    scheduleReleases();
    while (!queue.isEmpty()) {
      Event next = queue.poll();
      if (!next.at().isBefore(end)) {
        break;
      }
      clock.moveTo(next.at());
      next.action().run();
    }
    clock.moveTo(end);
    return result();
  }

  /**
   * Every wave opening is an event that opens capacity (the bots' polls would see it at the next
   * tick); with a lottery, the wave is drawn at its opening and opens to everyone a grace later.
   */
  private void scheduleReleases() {
    Optional<ReleasePolicy> release = policies.office().release();
    if (release.isEmpty()) {
      return;
    }
    Optional<LotteryPolicy> lotteryPolicy = policies.office().lottery();
    for (LocalDate day = FIRST_DAY; !day.isAfter(lastDay); day = day.plusDays(1)) {
      for (int wave = 0; wave < release.get().waves().size(); wave++) {
        Instant opens = release.get().waveOpensAt(policies.secret(), OFFICE, ZONE, day, wave);
        firstOpenings.merge(day, opens, (a, b) -> a.isBefore(b) ? a : b);
        capacityMayOpen(opens);
        if (lotteryPolicy.isPresent()) {
          drawTimes.add(new DrawTime(day, wave, opens, lotteryPolicy.get().entriesOpenAt(opens)));
          at(nextPoll(lotteryPolicy.get().entriesOpenAt(opens)), this::botsRegister);
          capacityMayOpen(LotteryPolicy.firstComeFirstServedAt(opens));
        }
      }
    }
  }

  /**
   * The app's jobs, every simulated minute: expired-hold clean-up, lottery draws, waiting-list
   * offers (skipped while nothing happened that could give it work, see {@link
   * #waitingListJobDue}).
   */
  private void runJobs() {
    cleanup.run();
    if (!drawTimes.isEmpty()) {
      draws.run();
    }
    if (policies.office().waitingList().isPresent()
        && (waitingListJobDue || settings.jobsEveryMinute())) {
      waitingListJobDue = false;
      offers.run();
    }
  }

  private void createPeople() {
    for (int i = 0; i < settings.citizens(); i++) {
      String first = FIRST_NAMES.get(i % FIRST_NAMES.size());
      String last = LAST_NAMES.get((i / FIRST_NAMES.size()) % LAST_NAMES.size());
      String email = (first + "." + last + i + "@example.org").toLowerCase(java.util.Locale.ROOT);
      SimCitizen citizen =
          new SimCitizen(
              new Citizen(first + " " + last, Optional.of(email), Optional.empty()),
              new Client("citizen-" + i, settings.citizenHashRate()));
      citizens.add(citizen);
      byEmail.put(email, citizen);
    }
    for (int o = 0; o < settings.bots(); o++) {
      Operator operator = new Operator();
      for (int i = 0; i < settings.identities(); i++) {
        String email =
            scenario.distinctIdentities()
                ? "bot" + o + "x" + i + "@gmail.com"
                : aliasOf(mailbox(o, i % settings.mailboxes()), i / settings.mailboxes());
        BotIdentity identity =
            new BotIdentity(
                new Citizen("Bot " + o + "-" + i, Optional.of(email), Optional.empty()),
                new Client("bot-" + o + "-" + i, settings.botHashRate()));
        operator.identities.add(identity);
        byEmail.put(email, identity);
      }
      operators.add(operator);
    }
  }

  private static String mailbox(int operator, int mailbox) {
    return "resale" + operator + "mail" + mailbox;
  }

  /**
   * The {@code n}-th alias of a Gmail mailbox: dots between letters and a +tag, as cheap bots make
   * them.
   */
  private static String aliasOf(String mailbox, int n) {
    StringBuilder local = new StringBuilder();
    for (int i = 0; i < mailbox.length(); i++) {
      local.append(mailbox.charAt(i));
      if (i < mailbox.length() - 1 && ((n >> (i % 8)) & 1) == 1) {
        local.append('.');
      }
    }
    return local + "+" + n + "@gmail.com";
  }

  // ---------------------------------------------------------------- the event loop

  private record Event(Instant at, long sequence, Runnable action) implements Comparable<Event> {
    @Override
    public int compareTo(Event other) {
      int byTime = at.compareTo(other.at);
      return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
    }
  }

  private void at(Instant instant, Runnable action) {
    queue.add(new Event(instant, sequence++, action));
  }

  private Instant now() {
    return clock.instant();
  }

  /**
   * Something may open capacity at {@code instant}: a release, an hour boundary (contingent blocks
   * open to online whole hours ahead; the horizon moves at midnight), a hold's expiry, a
   * cancellation or the end of its quarantine. Citizens look again for real from then on, and the
   * bots, which poll every 2 seconds, see it at their first poll at or after it.
   */
  private void capacityMayOpen(Instant instant) {
    at(
        instant,
        () -> {
          nothingFree = false;
          waitingListJobDue = true;
          schedulePoll(nextPoll(now()));
        });
  }

  private void schedulePoll(Instant poll) {
    if (scheduledPolls.add(poll)) {
      at(
          poll,
          () -> {
            scheduledPolls.remove(poll);
            botsPoll();
          });
    }
  }

  /** The bots' first 2-second poll at or after {@code instant}. */
  private static Instant nextPoll(Instant instant) {
    long second = instant.getEpochSecond() + (instant.getNano() > 0 ? 1 : 0);
    return Instant.ofEpochSecond(second + Math.floorMod(second, 2L));
  }

  // ---------------------------------------------------------------- clients and challenges

  /**
   * A connection that places holds: its key for the hold limit and its hash rate for challenges.
   */
  private static final class Client {
    final String key;
    final double hashRate;
    Instant busyUntil = Instant.MIN;

    Client(String key, double hashRate) {
      this.key = key;
      this.hashRate = hashRate;
    }
  }

  /**
   * Asks for a challenge; if one is needed, the client works on it (after the work it already has
   * queued) and acts when done, else it acts now.
   */
  private void afterChallenge(Client client, Consumer<Optional<HoldSlot.ChallengeAnswer>> act) {
    GetChallenge.ChallengeResult challenge = service.challenge(OFFICE);
    if (challenge instanceof GetChallenge.Required required) {
      Instant begin = client.busyUntil.isAfter(now()) ? client.busyUntil : now();
      Instant done =
          begin.plus(TimedChallenge.workTime(required.ticket().difficultyBits(), client.hashRate));
      client.busyUntil = done;
      HoldSlot.ChallengeAnswer answer =
          new HoldSlot.ChallengeAnswer(
              required.ticket().challenge(), TimedChallenge.answer(client.hashRate));
      at(done, () -> act.accept(Optional.of(answer)));
    } else if (challenge instanceof GetChallenge.NotRequired) {
      act.accept(Optional.empty());
    } else {
      throw new IllegalStateException("no challenge for the office: " + challenge);
    }
  }

  private HoldResult hold(Client client, Instant start, Optional<HoldSlot.ChallengeAnswer> answer) {
    return service.hold(
        new HoldSlot.Command(
            OFFICE,
            WANTED,
            start,
            Channel.ONLINE,
            Actor.CITIZEN,
            Optional.empty(),
            false,
            Optional.of(client.key),
            answer));
  }

  /** A hold that will not be confirmed frees its time at its expiry. */
  private void abandoned(Hold hold) {
    capacityMayOpen(hold.expiresAt());
  }

  // ---------------------------------------------------------------- citizens

  /**
   * What citizens and bot identities share: who they are, their client, their lottery and
   * waiting-list entries.
   */
  private abstract static class Person {
    final Citizen person;
    final Client client;
    final Set<DrawTime> entered = new HashSet<>();
    final Map<String, String> lotteryTokens = new HashMap<>();
    WaitingListEntryId waitingEntry;
    String waitingToken;

    Person(Citizen person, Client client) {
      this.person = person;
      this.client = client;
    }
  }

  private static final class SimCitizen extends Person {
    Instant firstLook;
    Instant bookedAt;
    BookingReference reference;
    String manageToken;
    AppointmentId booking;
    boolean cancelled;

    SimCitizen(Citizen person, Client client) {
      super(person, client);
    }

    boolean wantsSlot() {
      return bookedAt == null && !cancelled;
    }
  }

  /** Each citizen still looking looks 1-3 times on {@code date}, at uniform moments 07:00-22:00. */
  private void scheduleLooks(LocalDate date) {
    Instant from = ZonedDateTime.of(date, LOOKS_FROM, ZONE).toInstant();
    long window =
        Duration.between(from, ZonedDateTime.of(date, LOOKS_UNTIL, ZONE).toInstant()).toMillis();
    for (SimCitizen citizen : citizens) {
      if (!citizen.wantsSlot()) {
        continue;
      }
      int looks = 1 + random.nextInt(3);
      for (int i = 0; i < looks; i++) {
        at(from.plusMillis((long) (random.nextDouble() * window)), () -> look(citizen));
      }
    }
  }

  private void look(SimCitizen citizen) {
    if (!citizen.wantsSlot() || citizen.client.busyUntil.isAfter(now())) {
      return;
    }
    if (citizen.firstLook == null) {
      citizen.firstLook = now();
    }
    enterOpenDraws(citizen);
    takeOffer(citizen);
    if (!citizen.wantsSlot()) {
      return;
    }
    joinWaitingList(citizen);
    tryToBook(citizen, 3);
  }

  // ---------------------------------------------------------------- lottery and waiting list

  /**
   * Enters every draw that takes entries now and that the person has not entered, asking for the
   * waiting list if lost.
   */
  private void enterOpenDraws(Person person) {
    for (DrawTime draw : drawTimes) {
      if (draw.takesEntriesAt(now()) && person.entered.add(draw)) {
        EnterLottery.EntryResult entry =
            lottery.enter(
                new EnterLottery.Command(OFFICE, WANTED, draw.day(), person.person, true));
        if (entry instanceof EnterLottery.Entered entered) {
          person.lotteryTokens.put(entered.entryId(), entered.entryToken());
        }
      }
    }
  }

  /**
   * Joins the waiting list for the rest of the 14 days, once the whole of it is bookable, unless
   * the person has an open entry (a lost lottery puts them on it for that day).
   */
  private void joinWaitingList(Person person) {
    if (policies.office().waitingList().isEmpty() || hasOpenEntry(person)) {
      return;
    }
    LocalDate today = LocalDate.ofInstant(now(), ZONE);
    if (today.plusDays(DAYS).isBefore(lastDay) || today.isAfter(lastDay)) {
      return;
    }
    LocalDate from = today.isBefore(FIRST_DAY) ? FIRST_DAY : today;
    registered(
        person,
        waitingList.register(
            new JoinWaitingList.Registration(
                OFFICE, WANTED, new DateRange(from, lastDay.plusDays(1)), person.person)));
  }

  private boolean hasOpenEntry(Person person) {
    return person.waitingEntry != null
        && waitingList
            .find(person.waitingEntry, person.waitingToken)
            .filter(view -> view.status().isOpen())
            .isPresent();
  }

  private void registered(Person person, JoinWaitingList.JoinResult result) {
    if (result instanceof JoinWaitingList.Joined joined) {
      person.waitingEntry = joined.entry();
      person.waitingToken = joined.entryToken();
      waitingListJobDue = true;
    }
  }

  /**
   * The app's hand-over of lost lottery entries to the waiting list, for the day they asked for.
   */
  private void lostLottery(LostEntryHandOff.Loser loser) {
    Person person = byEmail.get(loser.citizen().email().orElseThrow());
    if (hasOpenEntry(person)) {
      return;
    }
    ImmutableList<ServiceRequest> services =
        loser.services().stream()
            .map(service -> new ServiceRequest(service.service(), service.persons()))
            .collect(ImmutableList.toImmutableList());
    registered(
        person,
        waitingList.register(
            new JoinWaitingList.Registration(
                loser.office(), services, DateRange.ofDay(loser.day()), loser.citizen())));
  }

  /**
   * Confirms the offer on the person's waiting-list entry, if there is one and it is still open.
   */
  private void takeOffer(Person person) {
    if (person.waitingEntry == null) {
      return;
    }
    Optional<JoinWaitingList.EntryView> view =
        waitingList.find(person.waitingEntry, person.waitingToken);
    if (view.isEmpty()
        || view.get().status() != JoinWaitingList.Status.OFFERED
        || view.get().offer().isEmpty()) {
      return;
    }
    JoinWaitingList.Offer offer = view.get().offer().get();
    if (!now().isBefore(offer.deadline()) || !now().isBefore(offer.start())) {
      // An offer whose appointment has begun is no use; the service would still confirm it.
      return;
    }
    BookingResult booking =
        service.confirm(
            new ConfirmBooking.Command(
                offer.hold(), person.person, Actor.CITIZEN, Optional.empty()));
    if (booking instanceof BookingResult.Confirmed confirmed) {
      waitingListJobDue = true;
      booked(person, confirmed.booking(), confirmed.manageToken());
    }
  }

  /** What the office's notifications tell the simulated people. */
  private void notified(Notifier.Notification notification) {
    Person person = byEmail.get(notification.recipient().email().orElseThrow());
    switch (notification.kind()) {
      case LOTTERY_WON -> {
        String token = person.lotteryTokens.get(notification.entryId());
        EnterLottery.EntryStatus status = lottery.find(notification.entryId(), token).orElseThrow();
        BookingReference reference = ((EnterLottery.Won) status).reference();
        Booking booking = service.find(reference, BookingAccess.byToken(token)).orElseThrow();
        booked(person, booking, token);
      }
      case WAITING_LIST_OFFER -> {
        // Unanswered, the offer's hold lapses at its deadline and the capacity moves on; a bot
        // whose entry lapsed joins again at its next poll.
        notification
            .deadline()
            .ifPresent(
                deadline -> {
                  capacityMayOpen(deadline);
                  if (person instanceof BotIdentity) {
                    at(nextPoll(deadline.plusNanos(1)), this::botsRegister);
                  }
                });
        if (person instanceof BotIdentity bot) {
          // Bots read their mail at their next poll, 2 s on, and take the offer.
          at(nextPoll(now().plusNanos(1)), () -> takeOffer(bot));
        }
      }
      default -> {}
    }
  }

  private void booked(Person person, Booking booking, String manageToken) {
    if (person instanceof SimCitizen citizen && citizen.bookedAt != null) {
      // A lottery entry of a citizen who booked and cancelled meanwhile won: they no longer need
      // it.
      cancelAtOnce(booking, manageToken);
      return;
    }
    owners.put(booking.id(), person);
    if (person instanceof SimCitizen citizen) {
      citizenBooked(citizen, booking, manageToken);
    }
  }

  private void cancelAtOnce(Booking booking, String manageToken) {
    ChangeResult result =
        service.cancel(booking.reference(), BookingAccess.byToken(manageToken), "no longer needed");
    if (!(result instanceof ChangeResult.Changed)) {
      throw new IllegalStateException(
          "a citizen could not cancel a booking they do not need: " + result);
    }
    citizenCancellations++;
    freedByCancellation(booking.id());
  }

  /**
   * Takes the first free slot: hold (after a challenge if asked) and confirm; retries if it is gone
   * meanwhile.
   */
  private void tryToBook(SimCitizen citizen, int attempts) {
    if (nothingFree) {
      return;
    }
    FirstSlotResult first = service.firstFreeSlot(OFFICE, WANTED, Channel.ONLINE);
    if (!(first instanceof FirstSlotResult.Found found)) {
      nothingFree = first instanceof FirstSlotResult.NoneFree;
      return;
    }
    Instant start = found.slot().start();
    afterChallenge(
        citizen.client,
        answer -> {
          HoldResult hold = hold(citizen.client, start, answer);
          if (hold instanceof HoldResult.Held held) {
            BookingResult booking =
                service.confirm(
                    new ConfirmBooking.Command(
                        held.hold().id(), citizen.person, Actor.CITIZEN, Optional.empty()));
            if (!(booking instanceof BookingResult.Confirmed confirmed)) {
              throw new IllegalStateException(
                  "a citizen's own hold could not be confirmed: " + booking);
            }
            booked(citizen, confirmed.booking(), confirmed.manageToken());
          } else if (attempts > 1) {
            tryToBook(citizen, attempts - 1);
          }
        });
  }

  private void citizenBooked(SimCitizen citizen, Booking booking, String manageToken) {
    checkState(citizen.bookedAt == null, "a citizen booked twice");
    citizen.bookedAt = now();
    citizen.reference = booking.reference();
    citizen.manageToken = manageToken;
    citizen.booking = booking.id();
    if (random.nextDouble() < settings.cancelProbability() && now().isBefore(booking.start())) {
      long millis = Duration.between(now(), booking.start()).toMillis();
      at(now().plusMillis((long) (random.nextDouble() * millis)), () -> cancel(citizen));
    }
  }

  private void cancel(SimCitizen citizen) {
    ChangeResult result =
        service.cancel(
            citizen.reference, BookingAccess.byToken(citizen.manageToken), "plans changed");
    if (!(result instanceof ChangeResult.Changed)) {
      throw new IllegalStateException("a citizen could not cancel before the start: " + result);
    }
    citizen.cancelled = true;
    citizenCancellations++;
    owners.remove(citizen.booking);
    freedByCancellation(citizen.booking);
  }

  /**
   * A cancellation frees the time now for staff and the waiting list, and for everyone after its
   * quarantine.
   */
  private void freedByCancellation(AppointmentId booking) {
    Instant cancelledAt = now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    capacityMayOpen(cancelledAt);
    policies
        .office()
        .quarantine()
        .ifPresent(
            quarantine ->
                capacityMayOpen(quarantine.reopensAt(policies.secret(), booking, cancelledAt)));
  }

  // ---------------------------------------------------------------- bots

  /** A bot operator: its identities and which one claims next. */
  private static final class Operator {
    final List<BotIdentity> identities = new ArrayList<>();
    int next;
  }

  /**
   * One identity of an operator with its own client; refused once the office says it has booked
   * enough.
   */
  private static final class BotIdentity extends Person {
    boolean refused;

    BotIdentity(Citizen person, Client client) {
      super(person, client);
    }
  }

  /**
   * The bots' paperwork at the first poll after it became possible: they enter every draw that
   * opened for entries and join the waiting list with every identity. Scheduled at fixed moments
   * (entry windows opening, midnights, offers lapsing), not at every poll, so that extra polls that
   * find nothing change nothing.
   */
  private void botsRegister() {
    for (Operator operator : operators) {
      for (BotIdentity identity : operator.identities) {
        enterOpenDraws(identity);
        joinWaitingList(identity);
      }
    }
  }

  /**
   * All operators poll, in a random order (who is first at a poll is network luck). Once one finds
   * nothing free, the others, polling at the same instant, would find nothing either: availability
   * does not depend on the client. They are skipped.
   */
  private void botsPoll() {
    List<Operator> order = new ArrayList<>(operators);
    // Drawn from the seed and the instant alone, so that extra polls that find nothing change
    // nothing.
    Collections.shuffle(order, new Random(settings.seed() * 1_000_003L + now().getEpochSecond()));
    for (Operator operator : order) {
      if (!poll(operator)) {
        return;
      }
    }
  }

  /**
   * One poll: every free slot of the 14 days, each claimed by the operator's next usable identity.
   * False when the operator found nothing free.
   */
  private boolean poll(Operator operator) {
    List<BotIdentity> usable =
        operator.identities.stream().filter(identity -> !identity.refused).toList();
    if (usable.isEmpty()) {
      return true;
    }
    LocalDate today = LocalDate.ofInstant(now(), ZONE);
    LocalDate lastOpen = lastDayReleased();
    if (today.isAfter(lastOpen)) {
      return false;
    }
    AvailabilityResult free =
        service.findSlots(
            new FindAvailability.Query(
                OFFICE, WANTED, Channel.ONLINE, new DateRange(today, lastOpen.plusDays(1))));
    if (!(free instanceof AvailabilityResult.Found found)) {
      throw new IllegalStateException("availability refused: " + free);
    }
    for (Slot slot : found.availability().slots()) {
      for (int seat = 0; seat < slot.capacity(); seat++) {
        BotIdentity identity = usable.get(operator.next++ % usable.size());
        afterChallenge(identity.client, answer -> botClaims(identity, slot.start(), answer));
      }
    }
    return !found.availability().slots().isEmpty();
  }

  /**
   * The last day whose first release wave has opened: the published schedule tells the bots that
   * later days have nothing online yet, so they leave them out of their query (which saves the
   * simulation the cost of the closed capacity of those days, not the bots anything).
   */
  private LocalDate lastDayReleased() {
    if (firstOpenings.isEmpty()) {
      return lastDay;
    }
    LocalDate last = FIRST_DAY.minusDays(1);
    for (Map.Entry<LocalDate, Instant> day : firstOpenings.entrySet()) {
      if (!now().isBefore(day.getValue())) {
        last = day.getKey();
      }
    }
    return last;
  }

  private void botClaims(
      BotIdentity identity, Instant start, Optional<HoldSlot.ChallengeAnswer> answer) {
    if (identity.refused) {
      // Another alias of the operator claims it at the next poll.
      pollAgain();
      return;
    }
    HoldResult hold = hold(identity.client, start, answer);
    if (hold instanceof HoldResult.Held held) {
      BookingResult booking =
          service.confirm(
              new ConfirmBooking.Command(
                  held.hold().id(), identity.person, Actor.CITIZEN, Optional.empty()));
      if (booking instanceof BookingResult.Confirmed confirmed) {
        booked(identity, confirmed.booking(), confirmed.manageToken());
      } else {
        // The identity limit: this mailbox has its booking. The operator drops the alias.
        identity.refused = true;
        abandoned(held.hold());
        pollAgain();
      }
    } else if (hold instanceof Refused refused && refused.reason() != RefusalReason.UNAVAILABLE) {
      // Not taken by someone else (e.g. the difficulty rose while the client worked): still free.
      pollAgain();
    }
  }

  /** A bot left a slot free that it could still claim: the bots' next poll, 2 s on, sees it. */
  private void pollAgain() {
    schedulePoll(nextPoll(now().plusNanos(1)));
  }

  // ---------------------------------------------------------------- results

  private FairnessResult result() {
    int bot = 0;
    int citizen = 0;
    for (LocalDate day = FIRST_DAY; !day.isAfter(lastDay); day = day.plusDays(1)) {
      for (Appointment booking :
          ((ViewDay.Day)
                  service.bookingsOn(
                      OFFICE,
                      day,
                      new AccessGrant("fairness-run", AccessRole.ADMIN, ImmutableSet.of())))
              .bookings()) {
        if (booking.status() != org.opentermin.core.booking.AppointmentStatus.CONFIRMED) {
          continue;
        }
        Person owner = owners.get(booking.id());
        checkState(owner != null, "a booking nobody in the run made: %s", booking.id());
        if (owner instanceof BotIdentity) {
          bot++;
        } else {
          citizen++;
        }
      }
    }
    checkState(
        bot + citizen == owners.size(), "the office's day views disagree with the run's bookings");
    List<Double> waits = new ArrayList<>();
    int served = 0;
    for (SimCitizen person : citizens) {
      if (person.bookedAt != null && !person.cancelled) {
        served++;
        waits.add(Duration.between(person.firstLook, person.bookedAt).toSeconds() / 86_400.0);
      }
    }
    Collections.sort(waits);
    double median =
        waits.isEmpty()
            ? Double.NaN
            : waits.size() % 2 == 1
                ? waits.get(waits.size() / 2)
                : (waits.get(waits.size() / 2 - 1) + waits.get(waits.size() / 2)) / 2;
    return new FairnessResult(
        scenario,
        totalSlots(),
        bot,
        citizen,
        settings.citizens(),
        served,
        median,
        citizenCancellations);
  }

  private static final ImmutableList<String> FIRST_NAMES =
      ImmutableList.of(
          "Anna",
          "Ben",
          "Clara",
          "Deniz",
          "Elif",
          "Felix",
          "Greta",
          "Hakan",
          "Ines",
          "Jonas",
          "Katarina",
          "Lukas",
          "Mira",
          "Nils",
          "Olga",
          "Paul",
          "Rosa",
          "Sami",
          "Tanja",
          "Yusuf");
  private static final ImmutableList<String> LAST_NAMES =
      ImmutableList.of(
          "Bauer",
          "Celik",
          "Fischer",
          "Hoffmann",
          "Kaya",
          "Klein",
          "Meyer",
          "Nowak",
          "Schmidt",
          "Wagner");
}
