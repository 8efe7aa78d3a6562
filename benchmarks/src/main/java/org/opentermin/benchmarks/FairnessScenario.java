package org.opentermin.benchmarks;

import org.opentermin.core.fairness.AccessPolicy;

/** What the fairness simulation compares: the office's policy and how the bots make identities. */
enum FairnessScenario {
  /** First come, first served: no rule at all. */
  FCFS("fcfs", AccessPolicy.none(), false),
  /** The recommended preset; each operator's identities are aliases of two Gmail mailboxes. */
  RECOMMENDED("recommended", AccessPolicy.recommended(), false),
  /** The recommended preset against operators whose every identity is its own mailbox. */
  RECOMMENDED_DISTINCT_IDENTITIES(
      "recommended-distinct-identities", AccessPolicy.recommended(), true);

  private final String label;
  private final AccessPolicy policy;
  private final boolean distinctIdentities;

  FairnessScenario(String label, AccessPolicy policy, boolean distinctIdentities) {
    this.label = label;
    this.policy = policy;
    this.distinctIdentities = distinctIdentities;
  }

  String label() {
    return label;
  }

  AccessPolicy policy() {
    return policy;
  }

  boolean distinctIdentities() {
    return distinctIdentities;
  }

  static FairnessScenario byLabel(String label) {
    for (FairnessScenario scenario : values()) {
      if (scenario.label.equals(label)) {
        return scenario;
      }
    }
    throw new IllegalArgumentException(
        "unknown scenario " + label + "; use fcfs, recommended or recommended-distinct-identities");
  }
}
