package org.opentermin.ports.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opentermin.ports.contract.ContractFixtures.BASIC_INCOME;
import static org.opentermin.ports.contract.ContractFixtures.BEN;
import static org.opentermin.ports.contract.ContractFixtures.MONDAY_DATE;
import static org.opentermin.ports.contract.ContractFixtures.NOW;
import static org.opentermin.ports.contract.ContractFixtures.OFFICE;
import static org.opentermin.ports.contract.ContractFixtures.OTHER_OFFICE;
import static org.opentermin.ports.contract.ContractFixtures.at;
import static org.opentermin.ports.contract.ContractFixtures.caseworker;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentermin.core.availability.Slot;
import org.opentermin.core.booking.Actor;
import org.opentermin.core.booking.RefusalReason;
import org.opentermin.core.catalog.Channel;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.catalog.TeamId;
import org.opentermin.core.routing.Address;
import org.opentermin.core.routing.AddressRule;
import org.opentermin.core.routing.NamePrefixes;
import org.opentermin.core.routing.OfficeRouting;
import org.opentermin.core.routing.Responsible;
import org.opentermin.core.routing.RoutingInputs;
import org.opentermin.core.routing.TeamRule;
import org.opentermin.core.time.DateRange;
import org.opentermin.ports.challenge.ProofOfWorkChallenge;
import org.opentermin.ports.contract.ContractFixtures;
import org.opentermin.ports.contract.MutableClock;
import org.opentermin.ports.in.AvailabilityResult;
import org.opentermin.ports.in.ConfigureResponsibility;
import org.opentermin.ports.in.FindAvailability;
import org.opentermin.ports.in.FirstSlotResult;
import org.opentermin.ports.in.HoldResult;
import org.opentermin.ports.in.HoldSlot;
import org.opentermin.ports.in.Refused;
import org.opentermin.ports.in.ServiceRequest;
import org.opentermin.ports.memory.InMemoryBookingStore;
import org.opentermin.ports.memory.InMemoryCatalogStore;
import org.opentermin.ports.memory.InMemoryHoldRates;
import org.opentermin.ports.memory.InMemoryRoutingStore;
import org.opentermin.ports.memory.InMemorySpentChallenges;
import org.opentermin.ports.out.RandomSource;
import org.opentermin.ports.routing.ResponsibilityService;

/**
 * Availability and holds with a citizen's routing inputs, in a small city: 80331 belongs to the
 * northern office, which files surnames A–K with team A (Anna) and L–Z with team B (Ben), so Müller
 * files with Ben; 81667 belongs to the southern office.
 */
class RoutedBookingTest {

  private static final Actor ADMIN = Actor.staff("admin-1");
  private static final Address NORTH = Address.of("80331", "Hauptstraße", "12");
  private static final Address SOUTH = Address.of("81667", "Rosenheimer Straße", "5");

  private static final ImmutableList<ServiceRequest> ONE_BASIC_INCOME =
      ImmutableList.of(new ServiceRequest(BASIC_INCOME.id(), 1));
  private static final Instant NINE = at(MONDAY_DATE, 9, 0);
  private static final RoutingInputs MUELLER_NORTH = RoutingInputs.of(NORTH, "Müller");

  private final MutableClock clock = new MutableClock(NOW);
  private ResponsibilityService responsibility;
  private BookingServices bookings;

  @BeforeEach
  void setUp() {
    InMemoryCatalogStore catalog = new InMemoryCatalogStore();
    InMemoryBookingStore store = new InMemoryBookingStore();
    responsibility =
        new ResponsibilityService(
            catalog, new InMemoryRoutingStore(catalog), store.auditLog(), clock);
    ContractFixtures.fill(catalog);
    catalog.saveResource(caseworker(BEN, OFFICE).inTeam(TeamId.of("team-b")));
    assertThat(
            responsibility.replaceAddressRules(
                List.of(
                    AddressRule.of("line 2", "80331", OFFICE),
                    AddressRule.of("line 3", "81667", OTHER_OFFICE)),
                ADMIN))
        .isInstanceOf(ConfigureResponsibility.Imported.class);
    assertThat(
            responsibility.replaceTeamRules(
                OFFICE,
                List.of(
                    TeamRule.of("line 2", OFFICE, "A–K", Responsible.team(TeamId.of("team-a"))),
                    TeamRule.of("line 3", OFFICE, "L–Z", Responsible.team(TeamId.of("team-b")))),
                ADMIN))
        .isInstanceOf(ConfigureResponsibility.Imported.class);
    RandomSource random = RandomSource.seeded(42);
    bookings =
        BookingServices.builder(
                catalog,
                store,
                store.auditLog(),
                clock,
                random,
                ProofOfWorkChallenge.withRandomSecret(random, new InMemorySpentChallenges()),
                new InMemoryHoldRates())
            .responsibility(responsibility)
            .build();
  }

  private AvailabilityResult availability(OfficeId office, Optional<RoutingInputs> routing) {
    return bookings.findSlots(
        new FindAvailability.Query(
                office, ONE_BASIC_INCOME, Channel.ONLINE, DateRange.ofDay(MONDAY_DATE))
            .withRouting(routing));
  }

  private ImmutableList<Slot> slots(OfficeId office, Optional<RoutingInputs> routing) {
    AvailabilityResult result = availability(office, routing);
    assertThat(result).isInstanceOf(AvailabilityResult.Found.class);
    return ((AvailabilityResult.Found) result).availability().slots();
  }

  private HoldResult hold(
      OfficeId office, Channel channel, Actor actor, Optional<RoutingInputs> routing) {
    return bookings.hold(
        new HoldSlot.Command(
                office,
                ONE_BASIC_INCOME,
                NINE,
                channel,
                actor,
                Optional.empty(),
                false,
                Optional.empty(),
                Optional.empty())
            .withRouting(routing));
  }

  private static RefusalReason refusalOf(Object result) {
    assertThat(result).isInstanceOf(Refused.class);
    return ((Refused) result).reason();
  }

  @Test
  void withRoutingOnlyTheResponsibleTeamsTimeIsOffered() {
    assertThat(slots(OFFICE, Optional.empty())).isNotEmpty().allMatch(slot -> slot.capacity() == 2);
    assertThat(slots(OFFICE, Optional.of(MUELLER_NORTH)))
        .isNotEmpty()
        .allMatch(slot -> slot.capacity() == 1);
  }

  @Test
  void aRoutedHoldTakesTheResponsibleCaseworker() {
    for (int attempt = 0; attempt < 5; attempt++) {
      HoldResult result =
          bookings.hold(
              new HoldSlot.Command(
                      OFFICE,
                      ONE_BASIC_INCOME,
                      NINE.plus(Duration.ofMinutes(30L * attempt)),
                      Channel.ONLINE,
                      Actor.CITIZEN,
                      Optional.empty(),
                      false,
                      Optional.empty(),
                      Optional.empty())
                  .withRouting(Optional.of(MUELLER_NORTH)));

      assertThat(((HoldResult.Held) result).hold().resource()).isEqualTo(BEN);
    }
  }

  @Test
  void whenTheResponsibleCaseworkerIsTaken_theOtherTeamIsNotOffered() {
    assertThat(hold(OFFICE, Channel.ONLINE, Actor.CITIZEN, Optional.of(MUELLER_NORTH)))
        .isInstanceOf(HoldResult.Held.class);

    assertThat(refusalOf(hold(OFFICE, Channel.ONLINE, Actor.CITIZEN, Optional.of(MUELLER_NORTH))))
        .isEqualTo(RefusalReason.UNAVAILABLE);
    assertThat(slots(OFFICE, Optional.of(MUELLER_NORTH)))
        .noneMatch(slot -> slot.start().equals(NINE));
    assertThat(slots(OFFICE, Optional.empty()))
        .anyMatch(slot -> slot.start().equals(NINE) && slot.capacity() == 1);
  }

  @Test
  void theFirstFreeSlotFollowsTheRouting() {
    assertThat(hold(OFFICE, Channel.ONLINE, Actor.CITIZEN, Optional.of(MUELLER_NORTH)))
        .isInstanceOf(HoldResult.Held.class);
    Instant eight = at(MONDAY_DATE, 8, 0);
    for (int minutes = 0; minutes < 60; minutes += 30) {
      bookings.hold(
          new HoldSlot.Command(
                  OFFICE,
                  ONE_BASIC_INCOME,
                  eight.plus(Duration.ofMinutes(minutes)),
                  Channel.ONLINE,
                  Actor.CITIZEN,
                  Optional.empty(),
                  false,
                  Optional.empty(),
                  Optional.empty())
              .withRouting(Optional.of(MUELLER_NORTH)));
    }

    FirstSlotResult routed =
        bookings.firstFreeSlot(
            OFFICE, ONE_BASIC_INCOME, Channel.ONLINE, Optional.of(MUELLER_NORTH));
    FirstSlotResult anyone = bookings.firstFreeSlot(OFFICE, ONE_BASIC_INCOME, Channel.ONLINE);

    assertThat(((FirstSlotResult.Found) anyone).slot().start()).isEqualTo(eight);
    assertThat(((FirstSlotResult.Found) routed).slot().start()).isEqualTo(at(MONDAY_DATE, 9, 30));
  }

  @Test
  void anOfficeThatIsNotResponsibleRefuses_andNamesTheOneThatIs() {
    AvailabilityResult result = availability(OTHER_OFFICE, Optional.of(MUELLER_NORTH));

    assertThat(refusalOf(result)).isEqualTo(RefusalReason.NOT_RESPONSIBLE);
    assertThat(((Refused) result).detail()).contains(OFFICE.value());
    assertThat(
            refusalOf(
                hold(OTHER_OFFICE, Channel.ONLINE, Actor.CITIZEN, Optional.of(MUELLER_NORTH))))
        .isEqualTo(RefusalReason.NOT_RESPONSIBLE);
    assertThat(slots(OTHER_OFFICE, Optional.of(RoutingInputs.of(SOUTH, "Müller")))).isNotEmpty();
  }

  @Test
  void anAddressNoRuleCoversIsRefused() {
    assertThat(
            refusalOf(
                availability(OFFICE, Optional.of(RoutingInputs.of(Address.of("99999"), "Müller")))))
        .isEqualTo(RefusalReason.NOT_COVERED);
  }

  @Test
  void anExclusiveOfficeNeedsRoutingOnline_butStaffBookForAnyone() {
    responsibility.saveOfficeRouting(OFFICE, new OfficeRouting(NamePrefixes.KEEP, true), ADMIN);

    assertThat(refusalOf(availability(OFFICE, Optional.empty())))
        .isEqualTo(RefusalReason.ROUTING_REQUIRED);
    assertThat(refusalOf(hold(OFFICE, Channel.ONLINE, Actor.CITIZEN, Optional.empty())))
        .isEqualTo(RefusalReason.ROUTING_REQUIRED);
    assertThat(slots(OFFICE, Optional.of(MUELLER_NORTH))).isNotEmpty();
    assertThat(hold(OFFICE, Channel.PHONE, Actor.staff("s-1"), Optional.empty()))
        .isInstanceOf(HoldResult.Held.class);
    assertThat(slots(OTHER_OFFICE, Optional.empty())).as("other offices stay open").isNotEmpty();
  }

  @Test
  void withoutRulesRoutingInputsAreRefused() {
    InMemoryCatalogStore catalog = new InMemoryCatalogStore();
    ContractFixtures.fill(catalog);
    InMemoryBookingStore store = new InMemoryBookingStore();
    BookingServices plain =
        BookingServices.of(
            catalog,
            store,
            store.auditLog(),
            clock,
            RandomSource.seeded(1),
            new InMemorySpentChallenges(),
            new InMemoryHoldRates());

    AvailabilityResult result =
        plain.findSlots(
            new FindAvailability.Query(
                    OFFICE, ONE_BASIC_INCOME, Channel.ONLINE, DateRange.ofDay(MONDAY_DATE))
                .withRouting(Optional.of(MUELLER_NORTH)));

    assertThat(refusalOf(result)).isEqualTo(RefusalReason.NOT_COVERED);
  }
}
