package org.opentermin.app.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opentermin.app.architecture.DependencyRules.Tolerated;

/**
 * The dependency rules report what they should: each runs against the fixture hexagon, in which one
 * class breaks it, names that class and what it depends on, and is quiet once exactly that
 * dependency is tolerated.
 */
class DependencyRulesTest {

  private static final String FIXTURE = "org.opentermin.app.architecture.fixture";
  private static final DependencyRules RULES = new DependencyRules(FIXTURE);

  private static JavaClasses fixture;

  @BeforeAll
  static void importFixture() {
    fixture = new ClassFileImporter().importPackages(FIXTURE);
  }

  @Test
  void httpCallingAServiceClassAndTouchingAnOutPortTypeIsReported() {
    EvaluationResult result = RULES.httpUsesOnlyInPorts(List.of()).evaluate(fixture);

    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().getDetails())
        .anySatisfy(
            detail ->
                assertThat(detail)
                    .contains(FIXTURE + ".http.Routes")
                    .contains(FIXTURE + ".ports.service.LookupService"))
        .anySatisfy(
            detail ->
                assertThat(detail)
                    .contains(FIXTURE + ".http.Routes")
                    .contains(FIXTURE + ".ports.out.Store$Row"))
        .allSatisfy(detail -> assertThat(detail).contains(FIXTURE + ".http."));
  }

  @Test
  void jdbcCallingAUseCaseIsReported() {
    EvaluationResult result = RULES.jdbcUsesOnlyOutPorts(List.of()).evaluate(fixture);

    assertThat(result.getFailureReport().getDetails())
        .isNotEmpty()
        .allSatisfy(
            detail ->
                assertThat(detail)
                    .contains(FIXTURE + ".jdbc.JdbcStore")
                    .contains(FIXTURE + ".ports.in.Lookup"));
  }

  @Test
  void aUseCaseWithAnOutPortTypeInItsSignatureIsReported() {
    EvaluationResult result = RULES.inPortsDoNotUseOutPorts(List.of()).evaluate(fixture);

    assertThat(result.getFailureReport().getDetails())
        .isNotEmpty()
        .allSatisfy(
            detail ->
                assertThat(detail)
                    .contains(FIXTURE + ".ports.in.Lookup")
                    .contains(FIXTURE + ".ports.out.Store$Row"));
  }

  @Test
  void aServiceBuildingAnInMemoryAdapterIsReported() {
    EvaluationResult result = RULES.servicesUseNoInMemoryAdapters(List.of()).evaluate(fixture);

    assertThat(result.getFailureReport().getDetails())
        .isNotEmpty()
        .allSatisfy(
            detail ->
                assertThat(detail)
                    .contains(FIXTURE + ".ports.service.LookupService")
                    .contains(FIXTURE + ".ports.memory.InMemoryStore"));
  }

  @Test
  void aToleratedDependencyIsNotReportedButEveryOtherStillIs() {
    Tolerated lookupLeak =
        new Tolerated(FIXTURE + ".ports.in.Lookup", FIXTURE + ".ports.out.Store", "fixture");
    assertThat(RULES.inPortsDoNotUseOutPorts(List.of(lookupLeak)).evaluate(fixture).hasViolation())
        .isFalse();

    Tolerated serviceCall =
        new Tolerated(FIXTURE + ".http.", FIXTURE + ".ports.service.LookupService", "fixture");
    ArchRule http = RULES.httpUsesOnlyInPorts(List.of(serviceCall));
    assertThat(http.evaluate(fixture).getFailureReport().getDetails())
        .isNotEmpty()
        .noneSatisfy(detail -> assertThat(detail).contains("LookupService"));
  }
}
