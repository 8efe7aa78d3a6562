package org.opentermin.core.routing;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Optional;

/**
 * What a citizen tells to find who is responsible for them: their address, their surname and, if
 * they have one, their case number. Used for the decision and never stored; {@link #toString()}
 * hides all of it. Immutable.
 */
public record RoutingInputs(Address address, String surname, Optional<CaseNumber> caseNumber) {

  /** The longest surname accepted, as for a citizen's name. */
  public static final int MAXIMUM_SURNAME_LENGTH = 200;

  public RoutingInputs {
    checkNotNull(address, "address");
    checkNotNull(surname, "surname");
    checkArgument(
        !surname.isBlank() && surname.length() <= MAXIMUM_SURNAME_LENGTH,
        "a surname has 1 to %s characters",
        MAXIMUM_SURNAME_LENGTH);
    checkArgument(
        surname.codePoints().anyMatch(Character::isLetter), "a surname needs at least one letter");
    checkNotNull(caseNumber, "caseNumber");
  }

  public static RoutingInputs of(Address address, String surname) {
    return new RoutingInputs(address, surname, Optional.empty());
  }

  /** These inputs with an existing case. */
  public RoutingInputs withCase(CaseNumber number) {
    return new RoutingInputs(address, surname, Optional.of(number));
  }

  @Override
  public String toString() {
    return "RoutingInputs[hidden]";
  }
}
