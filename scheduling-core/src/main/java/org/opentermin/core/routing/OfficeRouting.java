package org.opentermin.core.routing;

import static com.google.common.base.Preconditions.checkNotNull;

/**
 * How one office takes part in responsibility routing: which name prefixes it ignores when filing
 * surnames, and whether it is exclusive, serving online only the citizens it is responsible for.
 * Immutable.
 *
 * @param exclusive citizens booking online must give their routing inputs, and those must lead to
 *     this office; staff book for anyone
 */
public record OfficeRouting(NamePrefixes namePrefixes, boolean exclusive) {

  /**
   * An office that keeps name prefixes and serves everyone: what every office is until configured.
   */
  public static final OfficeRouting OPEN = new OfficeRouting(NamePrefixes.KEEP, false);

  public OfficeRouting {
    checkNotNull(namePrefixes, "namePrefixes");
  }
}
