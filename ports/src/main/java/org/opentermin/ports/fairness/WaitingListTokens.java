package org.opentermin.ports.fairness;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.opentermin.ports.out.RandomSource;

/**
 * Entry tokens, made and kept like manage tokens (ADR 003): 256 random bits, stored only as their
 * SHA-256 hash, compared in constant time.
 */
final class WaitingListTokens {

  private static final int TOKEN_BYTES = 32;
  private static final Base64.Encoder TOKEN_TEXT = Base64.getUrlEncoder().withoutPadding();

  private WaitingListTokens() {}

  static String newToken(RandomSource random) {
    byte[] bytes = new byte[TOKEN_BYTES];
    random.nextBytes(bytes);
    return TOKEN_TEXT.encodeToString(bytes);
  }

  static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException missing) {
      throw new IllegalStateException("every Java runtime has SHA-256", missing);
    }
  }

  /** Whether {@code presented} is the token whose hash is {@code storedHash}, in constant time. */
  static boolean matches(String presented, byte[] storedHash) {
    return presented != null && MessageDigest.isEqual(sha256(presented), storedHash);
  }
}
