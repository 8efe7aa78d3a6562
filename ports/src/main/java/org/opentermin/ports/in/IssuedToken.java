package org.opentermin.ports.in;

import static com.google.common.base.Preconditions.checkNotNull;

import org.opentermin.core.access.AccessGrant;

/** A newly issued token, the only time it exists in clear text, with what it allows. Immutable. */
public record IssuedToken(String token, AccessGrant grant) {

  public IssuedToken {
    checkNotNull(token, "token");
    checkNotNull(grant, "grant");
  }

  @Override
  public String toString() {
    return "IssuedToken[" + grant + ", token hidden]";
  }
}
