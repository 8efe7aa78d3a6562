package org.opentermin.benchmarks;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.opentermin.core.fairness.AccessPolicy;

/**
 * Measured fairness (docs/FAIRNESS.md): who ends up with an office's appointments when citizens
 * compete with bot operators, first come first served against the recommended preset. The model
 * drives the real booking use cases over the in-memory adapters on a simulated clock and is
 * deterministic by seed: the same arguments print the same lines.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar
 * org.opentermin.benchmarks.FairnessSimulation [key=value ...]}; keys and defaults in {@link
 * FairnessSettings#DEFAULTS}, plus {@code
 * scenarios=fcfs,recommended,recommended-distinct-identities}. The last line reads {@code fairness:
 * bot-share=<percent> citizen-share=<percent>} for the recommended preset.
 */
public final class FairnessSimulation {

  private FairnessSimulation() {}

  public static void main(String[] args) {
    Map<String, String> given = new LinkedHashMap<>();
    for (String arg : args) {
      int equals = arg.indexOf('=');
      checkArgument(equals > 0, "arguments are key=value, not %s", arg);
      given.put(arg.substring(0, equals), arg.substring(equals + 1));
    }
    List<FairnessScenario> scenarios = new ArrayList<>();
    for (String label :
        given
            .getOrDefault("scenarios", "fcfs,recommended,recommended-distinct-identities")
            .split(",")) {
      scenarios.add(FairnessScenario.byLabel(label.trim()));
    }
    given.remove("scenarios");
    FairnessSettings settings = FairnessSettings.parse(given);
    long began = System.nanoTime();
    report(settings, scenarios).forEach(System.out::println);
    System.err.printf(Locale.ROOT, "(%.1f s)%n", (System.nanoTime() - began) / 1e9);
  }

  /** The printed report: settings, one table row per scenario, and the summary line last. */
  static ImmutableList<String> report(FairnessSettings settings, List<FairnessScenario> scenarios) {
    return format(settings, run(settings, scenarios));
  }

  /** Runs each scenario on its own office. */
  static ImmutableList<FairnessResult> run(
      FairnessSettings settings, List<FairnessScenario> scenarios) {
    return scenarios.stream()
        .map(scenario -> new FairnessRun(settings, scenario).run())
        .collect(ImmutableList.toImmutableList());
  }

  /** The report of results already run. */
  static ImmutableList<String> format(FairnessSettings settings, List<FairnessResult> results) {
    ImmutableList.Builder<String> lines = ImmutableList.builder();
    int slots = results.isEmpty() ? 0 : results.get(0).slots();
    lines.add(
        String.format(
            Locale.ROOT,
            "fairness simulation: seed=%d, %d slots in 14 days, %d citizens, %d bot operators x %d"
                + " identities (%s)",
            settings.seed(),
            slots,
            settings.citizens(),
            settings.bots(),
            settings.identities(),
            settings.mailboxes() + " mailboxes each unless distinct"));
    lines.add(
        "| scenario | rules active | bot share | citizen share | unused | citizens served | median"
            + " wait (days) | citizen cancellations |");
    lines.add("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (FairnessResult result : results) {
      lines.add(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %s | %d | %s (%d) | %.1f | %d |",
              result.scenario().label(),
              rulesActive(result.scenario().policy()),
              FairnessResult.percent(result.botShare()),
              FairnessResult.percent(result.citizenShare()),
              result.unused(),
              FairnessResult.percent(
                  (double) result.citizensServed() / Math.max(1, result.citizens())),
              result.citizensServed(),
              result.medianWaitDays(),
              result.citizenCancellations()));
    }
    Optional<FairnessResult> recommended =
        results.stream()
            .filter(result -> result.scenario() == FairnessScenario.RECOMMENDED)
            .findFirst();
    recommended.ifPresent(
        result ->
            lines.add(
                "fairness: bot-share="
                    + FairnessResult.percent(result.botShare())
                    + " citizen-share="
                    + FairnessResult.percent(result.citizenShare())));
    return lines.build();
  }

  /** The rules of the policy that take effect in the simulation. */
  static String rulesActive(AccessPolicy policy) {
    if (policy.isNone()) {
      return "none";
    }
    List<String> rules = new ArrayList<>();
    policy.release().ifPresent(rule -> rules.add("release waves"));
    policy.contingents().ifPresent(rule -> rules.add("contingents"));
    policy.quarantine().ifPresent(rule -> rules.add("quarantine"));
    policy.identityLimit().ifPresent(rule -> rules.add("identity limit"));
    policy.holdLimit().ifPresent(rule -> rules.add("hold limit"));
    policy.challenge().ifPresent(rule -> rules.add("challenge"));
    policy.fairAssignment().ifPresent(rule -> rules.add("fair assignment"));
    policy.lottery().ifPresent(rule -> rules.add("lottery"));
    policy.waitingList().ifPresent(rule -> rules.add("waiting list"));
    policy.rescheduleLimit().ifPresent(rule -> rules.add("reschedule limit (unused)"));
    return String.join(", ", rules);
  }
}
