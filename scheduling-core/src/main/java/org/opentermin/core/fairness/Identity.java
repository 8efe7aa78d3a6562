package org.opentermin.core.fairness;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.base.CharMatcher;
import com.google.common.collect.ImmutableSet;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.opentermin.core.booking.Citizen;

/**
 * A citizen's normalised email address or phone number, so that spellings of one mailbox or line
 * count as one for the {@link IdentityLimit} and the lottery. Only its keyed digest ({@link
 * #key(FairnessSecret)}) is stored. {@link #toString()} hides the value, so that it cannot leak
 * into logs. Immutable.
 */
public record Identity(Kind kind, String normalised) {

  /** What an identity is made of. */
  public enum Kind {
    EMAIL,
    PHONE
  }

  private static final CharMatcher WHITESPACE = CharMatcher.whitespace();
  private static final CharMatcher PHONE_SEPARATORS = CharMatcher.anyOf(" -./()").or(WHITESPACE);
  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");
  private static final ImmutableSet<String> GMAIL_DOMAINS =
      ImmutableSet.of("gmail.com", "googlemail.com");

  public Identity {
    checkNotNull(kind, "kind");
    checkNotNull(normalised, "normalised");
    checkArgument(
        !normalised.isEmpty() && WHITESPACE.matchesNoneOf(normalised),
        "a normalised identity is not empty and has no whitespace");
  }

  /**
   * The identity of an email address: lower-cased, a {@code +tag} removed from the local part for
   * every provider (many deliver it to the same mailbox), and for gmail.com and googlemail.com also
   * the dots removed and the domain made gmail.com, as Gmail ignores them. Surrounding whitespace
   * is ignored. Empty when it is not an address: not exactly one {@code @}, an empty part, or
   * whitespace inside.
   */
  public static Optional<Identity> email(String address) {
    if (address == null) {
      return Optional.empty();
    }
    String text = WHITESPACE.trimFrom(address).toLowerCase(Locale.ROOT);
    int at = text.indexOf('@');
    if (at <= 0
        || at != text.lastIndexOf('@')
        || at == text.length() - 1
        || WHITESPACE.matchesAnyOf(text)) {
      return Optional.empty();
    }
    String local = text.substring(0, at);
    String domain = text.substring(at + 1);
    int tag = local.indexOf('+');
    if (tag >= 0) {
      local = local.substring(0, tag);
    }
    if (GMAIL_DOMAINS.contains(domain)) {
      local = local.replace(".", "");
      domain = "gmail.com";
    }
    if (local.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Identity(Kind.EMAIL, local + "@" + domain));
  }

  /**
   * The identity of a phone number in E.164: spaces, dashes, dots, slashes and parentheses removed;
   * a {@code 00} prefix becomes {@code +}; a single leading {@code 0} means Germany ({@code +49});
   * the German trunk zero written after the country code ({@code +49 (0)30 ...}) is dropped, as no
   * German number starts with it. Empty unless it then is {@code +}, a digit from 1 to 9 and 7 to
   * 14 more digits.
   */
  public static Optional<Identity> phone(String number) {
    if (number == null) {
      return Optional.empty();
    }
    String digits = PHONE_SEPARATORS.removeFrom(number);
    if (digits.startsWith("00")) {
      digits = "+" + digits.substring(2);
    } else if (digits.startsWith("0")) {
      digits = "+49" + digits.substring(1);
    }
    if (digits.startsWith("+490")) {
      digits = "+49" + digits.substring(4);
    }
    if (!E164.matcher(digits).matches()) {
      return Optional.empty();
    }
    return Optional.of(new Identity(Kind.PHONE, digits));
  }

  /** Every identity of {@code citizen}: email and phone, each when given and valid. */
  public static ImmutableSet<Identity> of(Citizen citizen) {
    checkNotNull(citizen, "citizen");
    ImmutableSet.Builder<Identity> identities = ImmutableSet.builder();
    citizen.email().flatMap(Identity::email).ifPresent(identities::add);
    citizen.phone().flatMap(Identity::phone).ifPresent(identities::add);
    return identities.build();
  }

  /** The keyed digest stored instead of the value. */
  public String key(FairnessSecret secret) {
    checkNotNull(secret, "secret");
    return secret.keyedDigest("identity", kind + ":" + normalised);
  }

  @Override
  public String toString() {
    return "Identity[" + kind + ", value hidden]";
  }
}
