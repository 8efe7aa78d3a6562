package org.opentermin.core.routing;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;

/**
 * A flaw in a set of responsibility rules, found when the rules are loaded: what kind, which rules
 * (by label; for a gap, the rules that leave it) and a message an administrator can act on.
 * Immutable.
 */
public record RuleProblem(Kind kind, ImmutableList<String> labels, String message) {

  /** What is wrong. */
  public enum Kind {
    /** Two equally specific address rules match the same address. */
    OVERLAPPING_ADDRESS_RULES,
    /** Two team rules of an office and service share a surname. */
    OVERLAPPING_TEAM_RULES,
    /** Some surnames reach no team of an office for a service. */
    INITIALS_GAP
  }

  public RuleProblem {
    checkNotNull(kind, "kind");
    checkNotNull(labels, "labels");
    checkNotNull(message, "message");
    checkArgument(!message.isBlank(), "a rule problem needs a message");
  }

  @Override
  public String toString() {
    return message;
  }
}
