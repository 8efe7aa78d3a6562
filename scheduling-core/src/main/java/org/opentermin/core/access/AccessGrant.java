package org.opentermin.core.access;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableSet;
import org.opentermin.core.catalog.OfficeId;

/**
 * What an access token allows: its role and, unless it is an admin token, the offices it reaches.
 * The token id names the holder in booking histories without revealing the token. Immutable.
 */
public record AccessGrant(String tokenId, AccessRole role, ImmutableSet<OfficeId> offices) {

  public AccessGrant {
    checkNotNull(tokenId, "tokenId");
    checkArgument(
        !tokenId.isBlank() && tokenId.length() <= 64, "token id must have 1 to 64 characters");
    checkNotNull(role, "role");
    offices = ImmutableSet.copyOf(checkNotNull(offices, "offices"));
  }

  public boolean isAdmin() {
    return role == AccessRole.ADMIN;
  }

  /** Whether the holder may work with the bookings of {@code office}. */
  public boolean reaches(OfficeId office) {
    return isAdmin() || offices.contains(office);
  }
}
