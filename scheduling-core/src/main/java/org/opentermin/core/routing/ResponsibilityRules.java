package org.opentermin.core.routing;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableListMultimap;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.Multimaps;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.catalog.ServiceId;

/**
 * A municipality's responsibility rules: address rules that pick the office, and per office team
 * rules that pick the team or caseworker by surname and service, with how each office handles name
 * prefixes (offices not named keep them). Among matching address rules the most specific wins
 * (house numbers over street over postal code); among equally specific ones, and among team rules,
 * the first given wins, and {@link #check()} reports such overlaps. Labels are unique among the
 * address rules and among each office's team rules. Immutable and thread-safe.
 */
public final class ResponsibilityRules {

  private final ImmutableList<AddressRule> addressRules;
  private final ImmutableList<TeamRule> teamRules;
  private final ImmutableMap<OfficeId, NamePrefixes> namePrefixes;
  private final ImmutableListMultimap<OfficeId, TeamRule> teamRulesByOffice;
  private final ImmutableListMultimap<PostalCode, AddressRule> addressRulesByPostalCode;

  public ResponsibilityRules(
      Iterable<AddressRule> addressRules,
      Iterable<TeamRule> teamRules,
      Map<OfficeId, NamePrefixes> namePrefixes) {
    this.addressRules = ImmutableList.copyOf(checkNotNull(addressRules, "addressRules"));
    this.teamRules = ImmutableList.copyOf(checkNotNull(teamRules, "teamRules"));
    this.namePrefixes = ImmutableMap.copyOf(checkNotNull(namePrefixes, "namePrefixes"));
    this.teamRulesByOffice = Multimaps.index(this.teamRules, TeamRule::office);
    // A city has thousands of street rules; a citizen's postal code narrows them to a few dozen.
    this.addressRulesByPostalCode = Multimaps.index(this.addressRules, AddressRule::postalCode);
    // Address rules come from one file, each office's team rules from another; labels name lines in
    // them.
    Set<String> labels = new HashSet<>();
    for (AddressRule rule : this.addressRules) {
      checkArgument(labels.add(rule.label()), "two address rules are labelled '%s'", rule.label());
    }
    for (OfficeId office : teamRulesByOffice.keySet()) {
      labels.clear();
      for (TeamRule rule : teamRulesByOffice.get(office)) {
        checkArgument(
            labels.add(rule.label()),
            "two team rules of office %s are labelled '%s'",
            office,
            rule.label());
      }
    }
  }

  /** Rules whose offices all keep name prefixes. */
  public ResponsibilityRules(Iterable<AddressRule> addressRules, Iterable<TeamRule> teamRules) {
    this(addressRules, teamRules, ImmutableMap.of());
  }

  public ImmutableList<AddressRule> addressRules() {
    return addressRules;
  }

  public ImmutableList<TeamRule> teamRules() {
    return teamRules;
  }

  /** How {@code office} handles name prefixes. */
  public NamePrefixes namePrefixes(OfficeId office) {
    return namePrefixes.getOrDefault(checkNotNull(office, "office"), NamePrefixes.KEEP);
  }

  /**
   * The office responsible for {@code address}, and inside it the team or caseworker for {@code
   * surname} and {@code service}; empty when no address rule matches.
   *
   * @throws IllegalArgumentException if the office splits by surname and {@code surname} has no
   *     letter
   */
  public Optional<Routing> route(Address address, String surname, Optional<ServiceId> service) {
    checkNotNull(address, "address");
    checkNotNull(surname, "surname");
    checkNotNull(service, "service");
    // The postal code's rules, in the order given: among equally specific ones the first wins.
    Optional<AddressRule> addressRule = Optional.empty();
    for (AddressRule rule : addressRulesByPostalCode.get(address.postalCode())) {
      if (rule.matches(address)
          && (addressRule.isEmpty()
              || rule.specificity().compareTo(addressRule.get().specificity()) > 0)) {
        addressRule = Optional.of(rule);
      }
    }
    return addressRule.map(
        rule -> new Routing(rule.office(), responsible(rule.office(), surname, service)));
  }

  private Optional<Responsible> responsible(
      OfficeId office, String surname, Optional<ServiceId> service) {
    List<TeamRule> rules = teamRulesByOffice.get(office);
    if (rules.isEmpty()) {
      return Optional.empty();
    }
    SurnameKey key = SurnameKey.of(surname, namePrefixes(office));
    Optional<TeamRule> forService =
        service.flatMap(
            wanted ->
                rules.stream()
                    .filter(rule -> rule.service().equals(service) && rule.initials().contains(key))
                    .findFirst());
    Optional<TeamRule> chosen =
        forService.or(
            () ->
                rules.stream()
                    .filter(rule -> rule.service().isEmpty() && rule.initials().contains(key))
                    .findFirst());
    return chosen.map(TeamRule::responsible);
  }

  /**
   * The rules' flaws: equally specific address rules that match a common address, team rules of an
   * office and service whose initial ranges share a surname, and surnames from A to Z that reach no
   * team of an office, for each service its rules name (rules for every service count there too)
   * and for every service when the office has rules for every service.
   */
  public ImmutableList<RuleProblem> check() {
    ImmutableList.Builder<RuleProblem> problems = ImmutableList.builder();
    checkAddressOverlaps(problems);
    for (OfficeId office : new TreeSet<>(teamRulesByOffice.keySet())) {
      checkTeams(office, teamRulesByOffice.get(office), problems);
    }
    return problems.build();
  }

  private void checkAddressOverlaps(ImmutableList.Builder<RuleProblem> problems) {
    // Only rules with the same postal code and street can overlap; grouping keeps large cities
    // fast.
    ImmutableListMultimap<List<Object>, AddressRule> groups =
        Multimaps.index(addressRules, rule -> List.of(rule.postalCode(), rule.street()));
    for (List<Object> group : groups.keySet()) {
      List<AddressRule> rules = groups.get(group);
      for (int i = 0; i < rules.size(); i++) {
        for (int j = i + 1; j < rules.size(); j++) {
          AddressRule first = rules.get(i);
          AddressRule second = rules.get(j);
          if (first.overlaps(second)) {
            problems.add(
                new RuleProblem(
                    RuleProblem.Kind.OVERLAPPING_ADDRESS_RULES,
                    ImmutableList.of(first.label(), second.label()),
                    String.format(
                        "Address rules '%s' (%s, office %s) and '%s' (%s, office %s) overlap: both"
                            + " match some address.",
                        first.label(),
                        first.addresses(),
                        first.office(),
                        second.label(),
                        second.addresses(),
                        second.office())));
          }
        }
      }
    }
  }

  private static void checkTeams(
      OfficeId office, List<TeamRule> rules, ImmutableList.Builder<RuleProblem> problems) {
    for (int i = 0; i < rules.size(); i++) {
      for (int j = i + 1; j < rules.size(); j++) {
        TeamRule first = rules.get(i);
        TeamRule second = rules.get(j);
        if (first.overlaps(second)) {
          problems.add(
              new RuleProblem(
                  RuleProblem.Kind.OVERLAPPING_TEAM_RULES,
                  ImmutableList.of(first.label(), second.label()),
                  String.format(
                      "Team rules '%s' (%s) and '%s' (%s) of office %s overlap for %s.",
                      first.label(),
                      first.initials(),
                      second.label(),
                      second.initials(),
                      office,
                      serviceText(first.service()))));
        }
      }
    }
    List<TeamRule> forEveryService =
        rules.stream().filter(rule -> rule.service().isEmpty()).toList();
    if (!forEveryService.isEmpty()) {
      reportGaps(office, Optional.empty(), forEveryService, problems);
    }
    Set<ServiceId> services = new TreeSet<>();
    rules.forEach(rule -> rule.service().ifPresent(services::add));
    for (ServiceId service : services) {
      List<TeamRule> applying = new ArrayList<>(forEveryService);
      rules.stream()
          .filter(rule -> rule.service().equals(Optional.of(service)))
          .forEach(applying::add);
      reportGaps(office, Optional.of(service), applying, problems);
    }
  }

  private static void reportGaps(
      OfficeId office,
      Optional<ServiceId> service,
      List<TeamRule> rules,
      ImmutableList.Builder<RuleProblem> problems) {
    ImmutableList<String> labels =
        rules.stream().map(TeamRule::label).collect(ImmutableList.toImmutableList());
    for (InitialRange.Gap gap :
        InitialRange.gaps(rules.stream().map(TeamRule::initials).toList())) {
      problems.add(
          new RuleProblem(
              RuleProblem.Kind.INITIALS_GAP,
              labels,
              String.format(
                  "Team rules %s of office %s leave a gap for %s: no team serves %s.",
                  labels.stream().map(label -> "'" + label + "'").toList(),
                  office,
                  serviceText(service),
                  gap)));
    }
  }

  private static String serviceText(Optional<ServiceId> service) {
    return service.map(id -> "service " + id).orElse("every service");
  }
}
