package org.opentermin.benchmarks;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fairness simulation's parameters, each settable as {@code key=value} on the command line.
 *
 * @param mailboxes how many real mailboxes each operator's identities are aliases of (ignored by
 *     the distinct-identities scenario)
 * @param citizenHashRate SHA-256 hashes per second of a citizen's phone browser
 * @param botHashRate hashes per second of a bot client (a GPU)
 * @param recheck a safety net: the interval at which bots poll and citizens' looks call the service
 *     even if no known event opened capacity (hour boundaries always count as such events); a
 *     shorter one must not change the results
 * @param jobsEveryMinute run the waiting-list job every simulated minute even when no event since
 *     its last run could give it work; must not change the results either
 */
record FairnessSettings(
    long seed,
    int citizens,
    int bots,
    int identities,
    int mailboxes,
    int caseworkers,
    double cancelProbability,
    double citizenHashRate,
    double botHashRate,
    Duration recheck,
    boolean jobsEveryMinute) {

  FairnessSettings {
    checkArgument(citizens >= 0 && bots >= 0, "citizens and bots must not be negative");
    checkArgument(
        identities >= 1 && mailboxes >= 1 && mailboxes <= identities,
        "1 <= mailboxes <= identities");
    checkArgument(caseworkers >= 1, "at least one caseworker");
    checkArgument(cancelProbability >= 0 && cancelProbability <= 1, "a probability is 0 to 1");
    checkArgument(citizenHashRate > 0 && botHashRate > 0, "hash rates must be positive");
    checkArgument(recheck.compareTo(Duration.ofSeconds(2)) >= 0, "recheck at most every 2 s");
  }

  static final Map<String, String> DEFAULTS = defaults();

  private static Map<String, String> defaults() {
    Map<String, String> defaults = new LinkedHashMap<>();
    defaults.put("seed", "1");
    defaults.put("citizens", "2000");
    defaults.put("bots", "10");
    defaults.put("identities", "20");
    defaults.put("mailboxes", "2");
    defaults.put("caseworkers", "5");
    defaults.put("cancel", "0.05");
    defaults.put("citizenHashRate", "1e6");
    defaults.put("botHashRate", "1e9");
    defaults.put("recheckMinutes", "60");
    defaults.put("jobsEveryMinute", "false");
    return defaults;
  }

  /** The settings from {@code key=value} arguments over the defaults; unknown keys are an error. */
  static FairnessSettings parse(Map<String, String> given) {
    Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
    for (Map.Entry<String, String> entry : given.entrySet()) {
      checkArgument(
          values.containsKey(entry.getKey()),
          "unknown setting %s; known: %s",
          entry.getKey(),
          DEFAULTS.keySet());
      values.put(entry.getKey(), entry.getValue());
    }
    return new FairnessSettings(
        Long.parseLong(values.get("seed")),
        Integer.parseInt(values.get("citizens")),
        Integer.parseInt(values.get("bots")),
        Integer.parseInt(values.get("identities")),
        Integer.parseInt(values.get("mailboxes")),
        Integer.parseInt(values.get("caseworkers")),
        Double.parseDouble(values.get("cancel")),
        Double.parseDouble(values.get("citizenHashRate")),
        Double.parseDouble(values.get("botHashRate")),
        Duration.ofMinutes(Long.parseLong(values.get("recheckMinutes"))),
        Boolean.parseBoolean(values.get("jobsEveryMinute")));
  }

  FairnessSettings withSeed(long newSeed) {
    return new FairnessSettings(
        newSeed,
        citizens,
        bots,
        identities,
        mailboxes,
        caseworkers,
        cancelProbability,
        citizenHashRate,
        botHashRate,
        recheck,
        jobsEveryMinute);
  }
}
