package org.opentermin.core.routing;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Optional;

/**
 * Where a citizen lives, as far as they told: a postal code, perhaps a street, perhaps a house
 * number on it. Used for the routing decision only. Immutable.
 */
public record Address(
    PostalCode postalCode, Optional<StreetName> street, Optional<HouseNumber> houseNumber) {

  public Address {
    checkNotNull(postalCode, "postalCode");
    checkNotNull(street, "street");
    checkNotNull(houseNumber, "houseNumber");
    checkArgument(
        street.isPresent() || houseNumber.isEmpty(),
        "a house number needs a street: %s",
        houseNumber);
  }

  /** An address with only a postal code. */
  public static Address of(String postalCode) {
    return new Address(PostalCode.of(postalCode), Optional.empty(), Optional.empty());
  }

  /** An address with a street but no house number. */
  public static Address of(String postalCode, String street) {
    return new Address(
        PostalCode.of(postalCode), Optional.of(StreetName.of(street)), Optional.empty());
  }

  /** A full address, such as {@code of("80331", "Hauptstr.", "12a")}. */
  public static Address of(String postalCode, String street, String houseNumber) {
    return new Address(
        PostalCode.of(postalCode),
        Optional.of(StreetName.of(street)),
        Optional.of(HouseNumber.parse(houseNumber)));
  }

  /** Never the address: a citizen's home address is personal data and routing may be logged. */
  @Override
  public String toString() {
    return "Address[hidden]";
  }
}
