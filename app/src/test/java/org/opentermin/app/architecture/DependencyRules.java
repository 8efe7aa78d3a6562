package org.opentermin.app.architecture;

import static com.google.common.base.Preconditions.checkNotNull;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.google.common.collect.ImmutableList;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;

/**
 * The dependency rules of the hexagon for the modules under one base package: the HTTP adapter
 * drives the application through {@code ports.in} only, the JDBC adapter implements {@code
 * ports.out} only, use-case ports speak in their own types, and services never reach for the
 * in-memory adapters. The base package is a parameter so that a test can run the same rules against
 * fixture classes that break them. Each rule takes the dependencies it still tolerates, each with
 * the reason, so that a known exception is written down instead of hidden.
 */
final class DependencyRules {

  /**
   * A tolerated dependency: from classes whose name starts with {@code origin} to the top-level
   * class {@code target}.
   */
  record Tolerated(String origin, String target, String why) {
    Tolerated {
      checkNotNull(origin, "origin");
      checkNotNull(target, "target");
      checkNotNull(why, "why");
    }

    boolean covers(Dependency dependency) {
      return topLevel(dependency.getOriginClass()).getName().startsWith(origin)
          && topLevel(dependency.getTargetClass()).getName().equals(target);
    }
  }

  private final String base;

  DependencyRules(String base) {
    this.base = checkNotNull(base, "base");
  }

  /**
   * The HTTP adapter depends on {@code ports.in} and the core, never on a service, an out-port or
   * an in-memory adapter.
   */
  ArchRule httpUsesOnlyInPorts(List<Tolerated> tolerated) {
    return noDependencies(
        "the HTTP adapter uses no ports package but ports.in",
        resideInAPackage(base + ".http.."),
        resideInAPackage(base + ".ports..").and(not(resideInAPackage(base + ".ports.in.."))),
        tolerated);
  }

  /**
   * The JDBC adapter implements {@code ports.out}; it needs no use case, service or in-memory
   * adapter.
   */
  ArchRule jdbcUsesOnlyOutPorts(List<Tolerated> tolerated) {
    return noDependencies(
        "the JDBC adapter uses no ports package but ports.out",
        resideInAPackage(base + ".jdbc.."),
        resideInAPackage(base + ".ports..").and(not(resideInAPackage(base + ".ports.out.."))),
        tolerated);
  }

  /** Use-case ports speak in their own records and the core's types, never in an out-port's. */
  ArchRule inPortsDoNotUseOutPorts(List<Tolerated> tolerated) {
    return noDependencies(
        "ports.in does not depend on ports.out",
        resideInAPackage(base + ".ports.in.."),
        resideInAPackage(base + ".ports.out.."),
        tolerated);
  }

  /**
   * Services take their out-ports from whoever wires them; the in-memory adapters are for tests and
   * demos.
   */
  ArchRule servicesUseNoInMemoryAdapters(List<Tolerated> tolerated) {
    return noDependencies(
        "services do not depend on ports.memory",
        resideInAPackage(base + ".ports..").and(not(resideInAPackage(base + ".ports.memory.."))),
        resideInAPackage(base + ".ports.memory.."),
        tolerated);
  }

  private static ArchRule noDependencies(
      String description,
      DescribedPredicate<JavaClass> origins,
      DescribedPredicate<JavaClass> targets,
      List<Tolerated> tolerated) {
    ImmutableList<Tolerated> exceptions = ImmutableList.copyOf(tolerated);
    ArchCondition<JavaClass> condition =
        new ArchCondition<>("not depend on classes that " + targets.getDescription()) {
          @Override
          public void check(JavaClass origin, ConditionEvents events) {
            for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
              if (targets.test(dependency.getTargetClass())
                  && exceptions.stream().noneMatch(exception -> exception.covers(dependency))) {
                events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
              }
            }
          }
        };
    return classes().that(origins).should(condition).as(description).allowEmptyShould(true);
  }

  private static JavaClass topLevel(JavaClass javaClass) {
    JavaClass current = javaClass;
    while (current.getEnclosingClass().isPresent()) {
      current = current.getEnclosingClass().get();
    }
    return current;
  }
}
