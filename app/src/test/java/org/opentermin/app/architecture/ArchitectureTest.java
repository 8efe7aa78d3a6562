package org.opentermin.app.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaPackage;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module rules of DESIGN.md: dependencies point one way, the core stays framework-free. */
class ArchitectureTest {

  private static final String CORE = "org.opentermin.core..";
  private static final String PORTS = "org.opentermin.ports..";
  private static final String HTTP = "org.opentermin.http..";
  private static final String JDBC = "org.opentermin.jdbc..";
  private static final String APP = "org.opentermin.app..";
  private static final DependencyRules RULES = new DependencyRules("org.opentermin");

  private static final Pattern TEST_JAR = Pattern.compile(".*-tests\\.jar!/.*");

  private static JavaClasses productionClasses;

  @BeforeAll
  static void importClasses() {
    productionClasses =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // The ports' test jar (their contract tests) is on this module's class path; its
            // classes are tests too.
            .withImportOption(location -> !location.matches(TEST_JAR))
            .importPackages("org.opentermin");
  }

  @Test
  void importsTheClassesOfEveryModule() {
    Set<String> packages =
        Set.of(
            "org.opentermin.core",
            "org.opentermin.ports",
            "org.opentermin.http",
            "org.opentermin.jdbc",
            "org.opentermin.app");
    for (String name : packages) {
      assertThat(productionClasses.containPackage(name))
          .as("classes of %s imported", name)
          .isTrue();
    }
    assertThat(
            productionClasses.stream()
                .filter(javaClass -> javaClass.getPackageName().startsWith("org.opentermin.core")))
        .hasSizeGreaterThan(20);
  }

  @Test
  void coreDependsOnlyOnTheJdkAndGuava() {
    classes()
        .that()
        .resideInAPackage(CORE)
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("java..", "com.google.common..", CORE)
        .check(productionClasses);
  }

  @Test
  void coreAndPortsUseNoFrameworkOrJdbc() {
    noClasses()
        .that()
        .resideInAnyPackage(CORE, PORTS)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.javalin..",
            "org.jdbi..",
            "java.sql..",
            "javax.sql..",
            "jakarta..",
            "com.fasterxml.jackson..",
            "org.postgresql..",
            "org.flywaydb..",
            "com.zaxxer..")
        .check(productionClasses);
  }

  @Test
  void dependenciesPointFromAdaptersInwards() {
    noClasses()
        .that()
        .resideInAPackage(CORE)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(PORTS, HTTP, JDBC, APP)
        .check(productionClasses);
    noClasses()
        .that()
        .resideInAPackage(PORTS)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(HTTP, JDBC, APP)
        .check(productionClasses);
    noClasses()
        .that()
        .resideInAnyPackage(HTTP, JDBC)
        .should()
        .dependOnClassesThat()
        .resideInAPackage(APP)
        .check(productionClasses);
  }

  @Test
  void adaptersDoNotDependOnEachOther() {
    noClasses()
        .that()
        .resideInAPackage(HTTP)
        .should()
        .dependOnClassesThat()
        .resideInAPackage(JDBC)
        .check(productionClasses);
    noClasses()
        .that()
        .resideInAPackage(JDBC)
        .should()
        .dependOnClassesThat()
        .resideInAPackage(HTTP)
        .check(productionClasses);
  }

  @Test
  void httpAdapterDependsOnlyOnUseCasePortsAndTheCore() {
    RULES.httpUsesOnlyInPorts(List.of()).check(productionClasses);
  }

  @Test
  void jdbcAdapterDependsOnlyOnOutPortsAndTheCore() {
    RULES.jdbcUsesOnlyOutPorts(List.of()).check(productionClasses);
  }

  @Test
  void useCasePortsDoNotDependOnOutPorts() {
    RULES.inPortsDoNotUseOutPorts(List.of()).check(productionClasses);
  }

  @Test
  void servicesDoNotDependOnTheInMemoryAdapters() {
    RULES.servicesUseNoInMemoryAdapters(List.of()).check(productionClasses);
  }

  @Test
  void noPackageCycles() {
    slices().matching("org.opentermin.(**)").should().beFreeOfCycles().check(productionClasses);
  }

  @Test
  void coreAndPortsNeverReadTheSystemClock() {
    ArchRule rule =
        noClasses()
            .that()
            .resideInAnyPackage(CORE, PORTS)
            .should()
            .callMethodWhere(readsTheSystemClock())
            .because("the current instant is passed in or read from an injected Clock");
    rule.check(productionClasses);
  }

  @Test
  void coreAndPortsUseNoUnseededRandomness() {
    noClasses()
        .that()
        .resideInAnyPackage(CORE, PORTS)
        .should()
        .callConstructor(Random.class)
        .orShould()
        .callMethod(Math.class, "random")
        .because("randomness comes from an injected source that tests can seed")
        .check(productionClasses);
  }

  @Test
  void everyPackageSaysWhatLivesThere() {
    for (JavaPackage javaPackage :
        productionClasses.getPackage("org.opentermin").getSubpackagesInTree()) {
      if (!javaPackage.getClasses().isEmpty()) {
        assertThat(javaPackage.tryGetPackageInfo())
            .as("package-info of %s", javaPackage.getName())
            .isPresent();
      }
    }
  }

  private static DescribedPredicate<JavaMethodCall> readsTheSystemClock() {
    return describe(
        "reads the system clock",
        call -> {
          String owner = call.getTargetOwner().getName();
          String name = call.getName();
          boolean javaTimeNow = owner.startsWith("java.time.") && name.equals("now");
          boolean systemClock = owner.equals(Clock.class.getName()) && name.startsWith("system");
          boolean systemTime =
              owner.equals(System.class.getName())
                  && (name.equals("currentTimeMillis") || name.equals("nanoTime"));
          return javaTimeNow || systemClock || systemTime;
        });
  }
}
