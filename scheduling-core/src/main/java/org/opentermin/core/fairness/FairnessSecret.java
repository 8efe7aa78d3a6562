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
 * created with the office and never shown: {@link #toString()} hides it. Immutable and
 * thread-safe.
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
   * A uniform 64-bit keyed hash (SipHash-2-4) of {@code purpose} and {@code parts}, each part
   * taken by its string form. Fast enough to call per grid cell.
   */
  public long hash(String purpose, Object... parts) {
    checkNotNull(purpose, "purpose");
    checkNotNull(parts, "parts");
    Hasher hasher = Hashing.sipHash24(high, low).newHasher();
    putLengthPrefixed(hasher, purpose);
    hasher.putInt(parts.length);
    for (Object part : parts) {
      putLengthPrefixed(hasher, String.valueOf(checkNotNull(part, "parts must not contain null")));
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

  private static void putLengthPrefixed(Hasher hasher, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    hasher.putInt(bytes.length).putBytes(bytes);
  }

  @Override
  public String toString() {
    return "FairnessSecret[hidden]";
  }
}
