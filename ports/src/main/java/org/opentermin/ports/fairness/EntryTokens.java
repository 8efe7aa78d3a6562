package org.opentermin.ports.fairness;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.opentermin.ports.out.RandomSource;

/**
 * Tokens of waiting-list and lottery entries: 256 random bits, stored only as the SHA-256 of their
 * text and compared in constant time. Exactly the scheme of booking manage tokens (ADR 003), so
 * that a won lottery entry's token manages its booking (the booking is confirmed with the entry
 * token's hash).
 */
final class EntryTokens {

  private static final int TOKEN_BYTES = 32;
  private static final Base64.Encoder TOKEN_TEXT = Base64.getUrlEncoder().withoutPadding();

  private EntryTokens() {}

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
