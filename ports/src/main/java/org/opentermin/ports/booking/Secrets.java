package org.opentermin.ports.booking;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.opentermin.ports.out.RandomSource;

/**
 * Manage tokens and idempotency keys. Tokens carry 256 random bits and are stored only as their
 * SHA-256 hash (a slow hash adds nothing for secrets of that strength) and compared in constant
 * time. For a retried confirmation the token is kept sealed with AES-GCM under a key derived from
 * the client's idempotency key, which itself is stored only as a hash: whoever reads the database
 * cannot unseal it. Waiting-list and lottery entry tokens are made and kept the same way, so that a
 * won entry's token manages its booking.
 */
public final class Secrets {

  /** Idempotency keys: 16 to 200 URL-safe characters, e.g. a UUID. */
  static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9_.:-]{16,200}");

  private static final int TOKEN_BYTES = 32;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final Base64.Encoder TOKEN_TEXT = Base64.getUrlEncoder().withoutPadding();

  private Secrets() {}

  /** A new token of 256 random bits, as URL-safe text. */
  public static String newManageToken(RandomSource random) {
    byte[] bytes = new byte[TOKEN_BYTES];
    random.nextBytes(bytes);
    return TOKEN_TEXT.encodeToString(bytes);
  }

  /** The SHA-256 of the text's UTF-8 bytes: how tokens are stored. */
  public static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException missing) {
      throw new IllegalStateException("every Java runtime has SHA-256", missing);
    }
  }

  /** Whether {@code presented} is the token whose hash is {@code storedHash}, in constant time. */
  public static boolean tokenMatches(String presented, byte[] storedHash) {
    return presented != null && MessageDigest.isEqual(sha256(presented), storedHash);
  }

  static byte[] keyHash(String idempotencyKey) {
    return sha256("idempotency-key:" + idempotencyKey);
  }

  /** {@code secret} encrypted and authenticated under a key derived from the idempotency key. */
  static byte[] seal(String secret, String idempotencyKey, RandomSource random) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.ENCRYPT_MODE, sealingKey(idempotencyKey), new GCMParameterSpec(TAG_BITS, nonce));
      byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
    } catch (GeneralSecurityException impossible) {
      throw new IllegalStateException("every Java runtime has AES-GCM", impossible);
    }
  }

  /**
   * The secret sealed with {@link #seal}, or empty if the key does not fit or it was tampered with.
   */
  static Optional<String> unseal(byte[] sealed, String idempotencyKey) {
    if (sealed.length < NONCE_BYTES + TAG_BITS / 8) {
      return Optional.empty();
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE,
          sealingKey(idempotencyKey),
          new GCMParameterSpec(TAG_BITS, Arrays.copyOfRange(sealed, 0, NONCE_BYTES)));
      byte[] plain = cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
      return Optional.of(new String(plain, StandardCharsets.UTF_8));
    } catch (GeneralSecurityException wrongKeyOrTampered) {
      return Optional.empty();
    }
  }

  private static SecretKeySpec sealingKey(String idempotencyKey) {
    return new SecretKeySpec(sha256("sealing-key:" + idempotencyKey), "AES");
  }
}
