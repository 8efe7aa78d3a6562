package org.opentermin.core.routing;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Optional;
import org.opentermin.core.catalog.OfficeId;

/**
 * Addresses an office is responsible for: every address of a postal code, of one street in it, or
 * of a range of house numbers on that street. Immutable.
 *
 * @param label names the rule in problems and explanations, such as "line 12" of an import
 * @param houseNumbers only together with a street
 */
public record AddressRule(
    String label,
    PostalCode postalCode,
    Optional<StreetName> street,
    Optional<HouseNumberRange> houseNumbers,
    OfficeId office) {

  /** How narrowly a rule names addresses; where several rules match, the most specific wins. */
  public enum Specificity {
    POSTAL_CODE,
    STREET,
    HOUSE_NUMBERS
  }

  public AddressRule {
    checkNotNull(label, "label");
    checkArgument(!label.isBlank(), "an address rule needs a label");
    checkNotNull(postalCode, "postalCode");
    checkNotNull(street, "street");
    checkNotNull(houseNumbers, "houseNumbers");
    checkNotNull(office, "office");
    checkArgument(
        street.isPresent() || houseNumbers.isEmpty(),
        "address rule '%s' names house numbers %s without a street",
        label,
        houseNumbers);
  }

  /** Every address with {@code postalCode}. */
  public static AddressRule of(String label, String postalCode, OfficeId office) {
    return new AddressRule(
        label, PostalCode.of(postalCode), Optional.empty(), Optional.empty(), office);
  }

  /** Every address on {@code street} in {@code postalCode}. */
  public static AddressRule of(String label, String postalCode, String street, OfficeId office) {
    return new AddressRule(
        label,
        PostalCode.of(postalCode),
        Optional.of(StreetName.of(street)),
        Optional.empty(),
        office);
  }

  /** The house numbers {@code from} to {@code to} on one side or both of {@code street}. */
  public static AddressRule of(
      String label,
      String postalCode,
      String street,
      int from,
      int to,
      Parity parity,
      OfficeId office) {
    return new AddressRule(
        label,
        PostalCode.of(postalCode),
        Optional.of(StreetName.of(street)),
        Optional.of(new HouseNumberRange(from, to, parity)),
        office);
  }

  public Specificity specificity() {
    if (houseNumbers.isPresent()) {
      return Specificity.HOUSE_NUMBERS;
    }
    return street.isPresent() ? Specificity.STREET : Specificity.POSTAL_CODE;
  }

  /**
   * Whether the rule covers {@code address}. A rule with a street needs the address's street, and
   * one with house numbers its house number: a citizen who gave less is not guessed into it.
   */
  public boolean matches(Address address) {
    checkNotNull(address, "address");
    if (!postalCode.equals(address.postalCode())) {
      return false;
    }
    if (street.isPresent() && !street.equals(address.street())) {
      return false;
    }
    return houseNumbers.isEmpty()
        || address.houseNumber().map(houseNumbers.get()::contains).orElse(false);
  }

  /** Whether both rules are equally specific and some address matches both. */
  public boolean overlaps(AddressRule other) {
    checkNotNull(other, "other");
    return specificity() == other.specificity()
        && postalCode.equals(other.postalCode)
        && street.equals(other.street)
        && (houseNumbers.isEmpty() || houseNumbers.get().overlaps(other.houseNumbers.get()));
  }

  /** The addresses the rule names, for messages: "80331 hauptstrasse 1–99 odd". */
  public String addresses() {
    return postalCode
        + street.map(name -> " " + name).orElse("")
        + houseNumbers.map(range -> " " + range).orElse("");
  }
}
