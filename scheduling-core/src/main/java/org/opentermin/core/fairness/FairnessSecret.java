package org.opentermin.core.fairness;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * An office's random 128-bit secret, from which every "random" decision of a fairness rule is
 * derived as a keyed hash, so that all app instances agree and no client can predict it. It is
 * created with the office and never shown: {@link #toString()} hides it. Immutable and thread-safe.
 *
 * <p>Inputs are hashed unambiguously: the purpose and each part as its string form in UTF-8, each
 * preceded by its length, so that {@code ("ab", "c")} and {@code ("a", "bc")} differ.
 */
public record FairnessSecret(long high, long low) {

  private static final double UNIT_SCALE = 0x1.0p-53;

  public static FairnessSecret of(UUID uuid) {
    checkNotNull(uuid, "uuid");
    return new FairnessSecret(uuid.getMostSignificantBits(), uuid.getLeastSignificantBits());
  }

  public UUID toUuid() {
    return new UUID(high, low);
  }

  /**
   * A uniform 64-bit keyed hash (SipHash-2-4) of {@code purpose} and {@code parts}, each part taken
   * by its string form. Fast enough to call per grid cell.
   */
  public long hash(String purpose, Object... parts) {
    checkNotNull(purpose, "purpose");
    checkNotNull(parts, "parts");
    Hasher hasher = Hashing.sipHash24(high, low).newHasher();
    putLengthPrefixed(hasher, purpose);
    hasher.putInt(parts.length);
    for (Object part : parts) {
      checkNotNull(part, "parts must not contain null");
      if (part instanceof Long || part instanceof Integer) {
        putLengthPrefixedDecimal(hasher, ((Number) part).longValue());
      } else {
        putLengthPrefixed(hasher, String.valueOf(part));
      }
    }
    return hasher.hash().asLong();
  }

  /** A uniform number in {@code [0, 1)} from {@link #hash(String, Object...)}. */
  public double unit(String purpose, Object... parts) {
    // The top 53 bits fill a double's mantissa exactly, so 1.0 can never come out.
    return (hash(purpose, parts) >>> 11) * UNIT_SCALE;
  }

  /**
   * The lower-case hex HMAC-SHA-256 of {@code purpose} and {@code value}, keyed with the secret's
   * 16 bytes (big-endian, high first): what is stored instead of an identity, and lottery seeds.
   */
  public String keyedDigest(String purpose, String value) {
    checkNotNull(purpose, "purpose");
    checkNotNull(value, "value");
    byte[] key = ByteBuffer.allocate(16).putLong(high).putLong(low).array();
    Hasher hasher = Hashing.hmacSha256(key).newHasher();
    putLengthPrefixed(hasher, purpose);
    putLengthPrefixed(hasher, value);
    return hasher.hash().toString();
  }

  /**
   * The same bytes as {@code putLengthPrefixed(hasher, String.valueOf(number))}, without making the
   * string: release waves hash every grid cell's start, so this runs thousands of times per
   * availability query.
   */
  private static void putLengthPrefixedDecimal(Hasher hasher, long number) {
    if (number == Long.MIN_VALUE) {
      putLengthPrefixed(hasher, Long.toString(number));
      return;
    }
    byte[] digits = new byte[20];
    int position = digits.length;
    long rest = Math.abs(number);
    do {
      digits[--position] = (byte) ('0' + rest % 10);
      rest /= 10;
    } while (rest != 0);
    if (number < 0) {
      digits[--position] = '-';
    }
    hasher.putInt(digits.length - position).putBytes(digits, position, digits.length - position);
  }

  private static void putLengthPrefixed(Hasher hasher, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    hasher.putInt(bytes.length).putBytes(bytes);
  }

  @Override
  public String toString() {
    return "FairnessSecret[hidden]";
  }
}
