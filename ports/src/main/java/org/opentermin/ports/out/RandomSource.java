package org.opentermin.ports.out;

import java.security.SecureRandom;
import java.util.Random;
import java.util.UUID;

/**
 * Randomness for ids, references and secrets. Production uses {@link #secure()}; tests pass a
 * seeded source so that runs repeat. Implementations are thread-safe.
 */
public interface RandomSource {

  void nextBytes(byte[] bytes);

  /** A uniform number in {@code [0, bound)}. */
  int nextInt(int bound);

  /** A random (version 4) UUID. */
  default UUID nextUuid() {
    byte[] bytes = new byte[16];
    nextBytes(bytes);
    bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40);
    bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80);
    long most = 0;
    long least = 0;
    for (int i = 0; i < 8; i++) {
      most = (most << 8) | (bytes[i] & 0xff);
      least = (least << 8) | (bytes[i + 8] & 0xff);
    }
    return new UUID(most, least);
  }

  /** Cryptographically strong randomness from the operating system. */
  static RandomSource secure() {
    return of(new SecureRandom());
  }

  /** Repeatable randomness for tests; never for secrets in production. */
  static RandomSource seeded(long seed) {
    return of(new Random(seed));
  }

  /** Both {@link Random} and {@link SecureRandom} are safe to share between threads. */
  private static RandomSource of(Random random) {
    return new RandomSource() {
      @Override
      public void nextBytes(byte[] bytes) {
        random.nextBytes(bytes);
      }

      @Override
      public int nextInt(int bound) {
        return random.nextInt(bound);
      }
    };
  }
}
