package org.opentermin.core.worktime;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.Arrays;

/**
 * When one resource works: weekly rules, minus weekly breaks, plus one-off extra times, minus
 * absences. On public holidays the weekly rules do not apply (extra times do); on office closures
 * nothing applies. Immutable; build it with {@link #builder()}.
 */
public record WorkingTime(
    ImmutableList<WeeklyRule> rules,
    ImmutableList<WeeklyRule> breaks,
    ImmutableList<ExtraTime> extraTimes,
    ImmutableList<Absence> absences) {

  public WorkingTime {
    rules = ImmutableList.copyOf(checkNotNull(rules, "rules"));
    breaks = ImmutableList.copyOf(checkNotNull(breaks, "breaks"));
    extraTimes = ImmutableList.copyOf(checkNotNull(extraTimes, "extraTimes"));
    absences = ImmutableList.copyOf(checkNotNull(absences, "absences"));
  }

  /** A resource that never works. */
  public static WorkingTime none() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Collects the parts of a working time; not thread-safe. */
  public static final class Builder {
    private final ImmutableList.Builder<WeeklyRule> rules = ImmutableList.builder();
    private final ImmutableList.Builder<WeeklyRule> breaks = ImmutableList.builder();
    private final ImmutableList.Builder<ExtraTime> extraTimes = ImmutableList.builder();
    private final ImmutableList.Builder<Absence> absences = ImmutableList.builder();

    private Builder() {}

    public Builder rule(WeeklyRule... rule) {
      rules.addAll(Arrays.asList(rule));
      return this;
    }

    public Builder rules(Iterable<WeeklyRule> rule) {
      rules.addAll(rule);
      return this;
    }

    public Builder breakRule(WeeklyRule... rule) {
      breaks.addAll(Arrays.asList(rule));
      return this;
    }

    public Builder breakRules(Iterable<WeeklyRule> rule) {
      breaks.addAll(rule);
      return this;
    }

    public Builder extraTime(ExtraTime... extra) {
      extraTimes.addAll(Arrays.asList(extra));
      return this;
    }

    public Builder extraTimes(Iterable<ExtraTime> extra) {
      extraTimes.addAll(extra);
      return this;
    }

    public Builder absence(Absence... absence) {
      absences.addAll(Arrays.asList(absence));
      return this;
    }

    public Builder absences(Iterable<Absence> absence) {
      absences.addAll(absence);
      return this;
    }

    public WorkingTime build() {
      return new WorkingTime(rules.build(), breaks.build(), extraTimes.build(), absences.build());
    }
  }
}
