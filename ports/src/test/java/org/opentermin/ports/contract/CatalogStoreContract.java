package org.opentermin.ports.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.opentermin.ports.contract.ContractFixtures.ANNA;
import static org.opentermin.ports.contract.ContractFixtures.BASIC_INCOME;
import static org.opentermin.ports.contract.ContractFixtures.HOUSING;
import static org.opentermin.ports.contract.ContractFixtures.HOUSING_IN_EVERY_MODE;
import static org.opentermin.ports.contract.ContractFixtures.MORNINGS;
import static org.opentermin.ports.contract.ContractFixtures.OFFICE;
import static org.opentermin.ports.contract.ContractFixtures.OTHER_OFFICE;
import static org.opentermin.ports.contract.ContractFixtures.caseworker;
import static org.opentermin.ports.contract.ContractFixtures.office;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentermin.core.availability.OfficeSchedule;
import org.opentermin.core.availability.ScheduledResource;
import org.opentermin.core.calendar.GermanHolidayCalendar;
import org.opentermin.core.calendar.GermanState;
import org.opentermin.core.calendar.HolidayRegion;
import org.opentermin.core.catalog.AppointmentMode;
import org.opentermin.core.catalog.BookingHorizon;
import org.opentermin.core.catalog.Channel;
import org.opentermin.core.catalog.ModeOptions;
import org.opentermin.core.catalog.Office;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.catalog.Resource;
import org.opentermin.core.catalog.ResourceId;
import org.opentermin.core.catalog.ResourceKind;
import org.opentermin.core.catalog.Service;
import org.opentermin.core.catalog.ServiceId;
import org.opentermin.core.fairness.AccessPolicies;
import org.opentermin.core.fairness.AccessPolicy;
import org.opentermin.core.fairness.HoldLimit;
import org.opentermin.core.worktime.OfficeClosure;
import org.opentermin.core.worktime.WorkingTime;
import org.opentermin.ports.out.CatalogStore;

/** Every {@link CatalogStore} MUST pass this. Subclasses supply an empty store per test. */
public abstract class CatalogStoreContract {

  private CatalogStore store;

  /** A new, empty store. */
  protected abstract CatalogStore newStore();

  @BeforeEach
  void createStore() {
    store = newStore();
  }

  @Test
  void officeIsReadBackAsSavedAndReplacedBySavingAgain() {
    Office nord = office(OFFICE, "Sozialbürgerhaus Nord");
    store.saveOffice(nord);
    Office renamed =
        new Office(
            OFFICE,
            "SBH Nord",
            ZoneId.of("Europe/Berlin"),
            HolidayRegion.of(GermanState.BERLIN),
            15,
            BookingHorizon.of(Duration.ofHours(2), 90),
            Duration.ofMinutes(15));

    assertThat(store.office(OFFICE)).contains(nord);
    store.saveOffice(renamed);
    assertThat(store.office(OFFICE)).contains(renamed);
    assertThat(store.office(OTHER_OFFICE)).isEmpty();
  }

  @Test
  void officeAddressIsReadBackAndAnOfficeWithoutOneReadsBackEmpty() {
    Office withAddress = office(OFFICE, "Nord").withAddress("Meindlstraße 20, 81373 München");
    store.saveOffice(withAddress);
    store.saveOffice(office(OTHER_OFFICE, "Süd"));

    assertThat(store.office(OFFICE)).contains(withAddress);
    assertThat(store.office(OTHER_OFFICE).orElseThrow().address()).isEmpty();
    assertThat(store.offices())
        .extracting(Office::address)
        .containsExactly(Optional.of("Meindlstraße 20, 81373 München"), Optional.empty());

    store.saveOffice(office(OFFICE, "Nord"));
    assertThat(store.office(OFFICE).orElseThrow().address())
        .as("address removed by saving without one")
        .isEmpty();
  }

  @Test
  void officeAddressOfTheLongestAllowedLengthIsKept() {
    Office longest = office(OFFICE, "Nord").withAddress("ß".repeat(Office.MAXIMUM_ADDRESS_LENGTH));

    store.saveOffice(longest);

    assertThat(store.office(OFFICE)).contains(longest);
  }

  @Test
  void serviceKeepsItsModesWithTheirDurationsAndResources() {
    store.saveOffice(office(OFFICE, "Nord"));
    store.saveOffice(office(OTHER_OFFICE, "Süd"));
    Service videoAtBothOffices =
        HOUSING_IN_EVERY_MODE.withModes(
            java.util.Map.of(
                AppointmentMode.VIDEO,
                ModeOptions.lasting(Duration.ofMinutes(25))
                    .servedAt(OFFICE, List.of(ResourceId.of("ben"), ResourceId.of("carla")))
                    .servedAt(OTHER_OFFICE, List.of(ANNA))));

    store.saveService(HOUSING_IN_EVERY_MODE);
    assertThat(store.service(HOUSING.id())).contains(HOUSING_IN_EVERY_MODE);
    assertThat(store.services()).containsExactly(HOUSING_IN_EVERY_MODE);

    store.saveService(videoAtBothOffices);
    assertThat(store.service(HOUSING.id())).contains(videoAtBothOffices);
    store.saveService(HOUSING);
    assertThat(store.service(HOUSING.id()).orElseThrow().modes()).isEqualTo(Service.IN_PERSON_ONLY);
  }

  @Test
  void serviceWhoseModeNamesResourcesOfAnUnknownOfficeIsRefused() {
    store.saveOffice(office(OFFICE, "Nord"));
    Service videoAtUnknownOffice =
        HOUSING.withModes(
            java.util.Map.of(
                AppointmentMode.VIDEO,
                ModeOptions.DEFAULT.servedAt(OfficeId.of("sbh-west"), List.of(ANNA))));

    assertThatIllegalArgumentException().isThrownBy(() -> store.saveService(videoAtUnknownOffice));
    assertThat(store.service(HOUSING.id())).isEmpty();
  }

  @Test
  void officesAndServicesAreListedById() {
    store.saveOffice(office(OTHER_OFFICE, "Süd"));
    store.saveOffice(office(OFFICE, "Nord"));
    store.saveService(
        Service.of(
            ServiceId.of("b"), "B", Duration.ofMinutes(5), 1, EnumSet.of(Channel.ONLINE), false));
    store.saveService(
        Service.of(
            ServiceId.of("a"), "A", Duration.ofMinutes(5), 1, EnumSet.of(Channel.ONLINE), false));

    assertThat(store.offices()).extracting(Office::id).containsExactly(OFFICE, OTHER_OFFICE);
    assertThat(store.services())
        .extracting(Service::id)
        .containsExactly(ServiceId.of("a"), ServiceId.of("b"));
  }

  @Test
  void serviceKeepsEverythingIncludingDurationsPerOffice() {
    store.saveOffice(office(OFFICE, "Nord"));
    store.saveOffice(office(OTHER_OFFICE, "Süd"));
    store.saveService(BASIC_INCOME);
    store.saveService(HOUSING);

    assertThat(store.service(HOUSING.id())).contains(HOUSING);
    assertThat(store.service(BASIC_INCOME.id())).contains(BASIC_INCOME);
    assertThat(store.service(ServiceId.of("unknown"))).isEmpty();

    Service changed =
        HOUSING.withDurationAtOffices(java.util.Map.of(OFFICE, Duration.ofMinutes(25)));
    store.saveService(changed);
    assertThat(store.service(HOUSING.id())).contains(changed);
  }

  @Test
  void serviceWithDurationForUnknownOfficeIsRejected() {
    assertThatIllegalArgumentException().isThrownBy(() -> store.saveService(HOUSING));
    assertThat(store.services()).isEmpty();
  }

  @Test
  void resourceKeepsSkillsTeamAndKindAndNeedsAKnownOfficeAndServices() {
    store.saveOffice(office(OFFICE, "Nord"));
    store.saveService(BASIC_INCOME);
    Resource room =
        Resource.of(
            ResourceId.of("room-1"),
            OFFICE,
            "Raum 1",
            ResourceKind.ROOM,
            List.of(BASIC_INCOME.id()));

    store.saveResource(room);

    assertThat(store.resources(OFFICE)).containsExactly(room);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> store.saveResource(caseworker(ANNA, OTHER_OFFICE)));
    assertThatIllegalArgumentException()
        .as("skill of an unknown service")
        .isThrownBy(() -> store.saveResource(caseworker(ANNA, OFFICE)));
    assertThat(store.resources(OFFICE)).containsExactly(room);
  }

  @Test
  void scheduleHoldsResourcesWithTheirWorkingTimeClosuresAndHolidays() {
    ContractFixtures.fill(store);
    store.saveWorkingTime(OFFICE, ANNA, ContractFixtures.everyFeature());
    OfficeClosure outing = new OfficeClosure(LocalDate.of(2026, 12, 23), "Betriebsausflug");
    store.saveClosure(OFFICE, outing);

    OfficeSchedule schedule = store.schedule(OFFICE).orElseThrow();

    assertThat(schedule.office()).isEqualTo(store.office(OFFICE).orElseThrow());
    assertThat(schedule.resources())
        .containsExactlyInAnyOrder(
            new ScheduledResource(caseworker(ANNA, OFFICE), ContractFixtures.everyFeature()),
            new ScheduledResource(caseworker(ContractFixtures.BEN, OFFICE), MORNINGS));
    assertThat(schedule.closures()).containsExactly(outing);
    assertThat(schedule.holidays()).isEqualTo(GermanHolidayCalendar.of(HolidayRegion.munich()));
    assertThat(store.schedule(OfficeId.of("unknown"))).isEmpty();
  }

  @Test
  void savingAResourceAgainKeepsItsWorkingTime() {
    ContractFixtures.fill(store);
    Resource renamed =
        Resource.of(ANNA, OFFICE, "Anna A.", ResourceKind.CASEWORKER, List.of(BASIC_INCOME.id()));

    store.saveResource(renamed);

    assertThat(store.schedule(OFFICE).orElseThrow().resources())
        .contains(new ScheduledResource(renamed, MORNINGS));
  }

  @Test
  void workingTimeCanBeEmptiedAndNeedsAKnownResource() {
    ContractFixtures.fill(store);

    store.saveWorkingTime(OFFICE, ANNA, WorkingTime.none());

    assertThat(store.schedule(OFFICE).orElseThrow().resources())
        .contains(new ScheduledResource(caseworker(ANNA, OFFICE), WorkingTime.none()));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> store.saveWorkingTime(OFFICE, ResourceId.of("nobody"), MORNINGS));
  }

  @Test
  void closureOnTheSameDayReplacesTheReason() {
    ContractFixtures.fill(store);
    LocalDate day = LocalDate.of(2026, 12, 23);

    store.saveClosure(OFFICE, new OfficeClosure(day, "first"));
    store.saveClosure(OFFICE, new OfficeClosure(day, "second"));

    assertThat(store.schedule(OFFICE).orElseThrow().closures())
        .containsExactly(new OfficeClosure(day, "second"));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> store.saveClosure(OfficeId.of("unknown"), new OfficeClosure(day, "x")));
  }

  @Test
  void scheduleVersionChangesWithEveryChangeThatAffectsTheSchedule() {
    assertThat(store.scheduleVersion(OFFICE)).isZero();
    store.saveOffice(office(OFFICE, "Nord"));
    long afterOffice = store.scheduleVersion(OFFICE);
    store.saveService(BASIC_INCOME);
    long afterService = store.scheduleVersion(OFFICE);
    store.saveResource(
        Resource.of(ANNA, OFFICE, "Anna", ResourceKind.CASEWORKER, List.of(BASIC_INCOME.id())));
    long afterResource = store.scheduleVersion(OFFICE);
    store.saveWorkingTime(OFFICE, ANNA, MORNINGS);
    long afterWorkingTime = store.scheduleVersion(OFFICE);
    store.saveClosure(OFFICE, new OfficeClosure(LocalDate.of(2026, 12, 23), "x"));
    long afterClosure = store.scheduleVersion(OFFICE);

    assertThat(List.of(afterOffice, afterService, afterResource, afterWorkingTime, afterClosure))
        .doesNotHaveDuplicates()
        .doesNotContain(0L);
    assertThat(store.scheduleVersion(OFFICE)).as("stable without changes").isEqualTo(afterClosure);
  }

  @Test
  void everyOfficeHasItsOwnSecretThatSavingAgainKeeps() {
    store.saveOffice(office(OFFICE, "Nord"));
    store.saveOffice(office(OTHER_OFFICE, "Süd"));
    AccessPolicies nord = store.accessPolicies(OFFICE).orElseThrow();

    assertThat(nord.office().isNone()).isTrue();
    assertThat(nord.services()).isEmpty();
    assertThat(nord.secret())
        .isNotEqualTo(store.accessPolicies(OTHER_OFFICE).orElseThrow().secret());
    store.saveOffice(office(OFFICE, "Nord, renamed"));
    assertThat(store.accessPolicies(OFFICE).orElseThrow().secret()).isEqualTo(nord.secret());
    assertThat(store.accessPolicies(OfficeId.of("unknown"))).isEmpty();
  }

  @Test
  void accessPoliciesAreReadBackAsSavedForTheOfficeAndEachService() {
    store.saveOffice(office(OFFICE, "Nord"));
    store.saveOffice(office(OTHER_OFFICE, "Süd"));
    store.saveService(BASIC_INCOME);
    store.saveService(HOUSING);
    AccessPolicy housingOnly = AccessPolicy.none().withHoldLimit(new HoldLimit(2));

    store.saveAccessPolicy(OFFICE, Optional.empty(), Optional.of(AccessPolicy.recommended()));
    store.saveAccessPolicy(OFFICE, Optional.of(HOUSING.id()), Optional.of(housingOnly));

    AccessPolicies saved = store.accessPolicies(OFFICE).orElseThrow();
    assertThat(saved.office()).isEqualTo(AccessPolicy.recommended());
    assertThat(saved.services()).containsExactly(java.util.Map.entry(HOUSING.id(), housingOnly));

    store.saveAccessPolicy(OFFICE, Optional.of(HOUSING.id()), Optional.empty());
    store.saveAccessPolicy(OFFICE, Optional.empty(), Optional.empty());
    AccessPolicies cleared = store.accessPolicies(OFFICE).orElseThrow();
    assertThat(cleared.office().isNone()).isTrue();
    assertThat(cleared.services()).isEmpty();
    assertThat(cleared.secret()).isEqualTo(saved.secret());
  }

  @Test
  void savingAnAccessPolicyChangesTheScheduleVersion() {
    store.saveOffice(office(OFFICE, "Nord"));
    long before = store.scheduleVersion(OFFICE);

    store.saveAccessPolicy(OFFICE, Optional.empty(), Optional.of(AccessPolicy.recommended()));

    assertThat(store.scheduleVersion(OFFICE)).isNotEqualTo(before);
  }

  @Test
  void accessPolicyNeedsAKnownOfficeAndService() {
    store.saveOffice(office(OFFICE, "Nord"));
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                store.saveAccessPolicy(
                    OTHER_OFFICE, Optional.empty(), Optional.of(AccessPolicy.recommended())));
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                store.saveAccessPolicy(
                    OFFICE, Optional.of(HOUSING.id()), Optional.of(AccessPolicy.recommended())));
  }
}
