package org.opentermin.ports.challenge;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.opentermin.core.fairness.ProofOfWork;
import org.opentermin.ports.out.Challenge;
import org.opentermin.ports.out.RandomSource;
import org.opentermin.ports.out.SpentChallenges;

/**
 * {@link Challenge} as a {@link ProofOfWork}: the client finds a solution whose SHA-256 hash of
 * {@code challenge + ":" + solution} starts with the ticket's number of zero bits.
 *
 * <p>Challenges are stateless and signed, so that any app instance that shares the secret checks
 * what another issued, and nothing is stored until one is answered. The text is {@code
 * base64url(payload) + "." + base64url(HMAC-SHA-256(secret, first part))}, without padding; the
 * payload holds a version byte, the issue and expiry instants in epoch seconds (8 bytes each), the
 * difficulty (1 byte) and a random 128-bit id. A solved challenge is spent under that id in {@link
 * SpentChallenges}, which decides across instances that it passes once. Thread-safe.
 */
public final class ProofOfWorkChallenge implements Challenge {

  /** What {@link Ticket#algorithm()} names, for clients: hashcash over SHA-256 as above. */
  public static final String ALGORITHM = "hashcash-sha256";

  /** Long enough to solve on a slow phone, short enough that few ids must be remembered. */
  public static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);

  /** The HMAC key must be as strong as its output. */
  public static final int MINIMUM_SECRET_BYTES = 32;

  private static final Duration MAXIMUM_LIFETIME = Duration.ofDays(1);
  private static final byte VERSION = 1;
  private static final int ID_BYTES = 16;
  private static final int PAYLOAD_BYTES = 1 + Long.BYTES + Long.BYTES + 1 + ID_BYTES;
  private static final String HMAC = "HmacSHA256";
  private static final Base64.Encoder TEXT = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder BYTES = Base64.getUrlDecoder();

  /** Far longer than any genuine challenge (90 characters); longer ones are not even hashed. */
  private static final int MAXIMUM_CHALLENGE_LENGTH = 256;

  private final SecretKeySpec key;
  private final RandomSource random;
  private final Duration lifetime;
  private final SpentChallenges spent;

  /**
   * @param secret at least {@value #MINIMUM_SECRET_BYTES} random bytes, the same in every app
   *     instance; copied
   * @param lifetime how long a challenge may be answered, whole seconds from one second to a day
   */
  public ProofOfWorkChallenge(
      byte[] secret, RandomSource random, Duration lifetime, SpentChallenges spent) {
    checkNotNull(secret, "secret");
    checkArgument(
        secret.length >= MINIMUM_SECRET_BYTES,
        "the secret needs at least %s bytes",
        MINIMUM_SECRET_BYTES);
    checkNotNull(lifetime, "lifetime");
    checkArgument(
        lifetime.getNano() == 0
            && lifetime.getSeconds() >= 1
            && lifetime.compareTo(MAXIMUM_LIFETIME) <= 0,
        "lifetime must be whole seconds from 1 second to %s, not %s",
        MAXIMUM_LIFETIME,
        lifetime);
    this.key = new SecretKeySpec(secret.clone(), HMAC);
    this.random = checkNotNull(random, "random");
    this.lifetime = lifetime;
    this.spent = checkNotNull(spent, "spent");
  }

  /**
   * Challenges with the default lifetime and a secret drawn from {@code random}: only this instance
   * can verify them, so every instance needs its clients to come back to it, or its own spent ids.
   */
  public static ProofOfWorkChallenge withRandomSecret(RandomSource random, SpentChallenges spent) {
    checkNotNull(random, "random");
    byte[] secret = new byte[MINIMUM_SECRET_BYTES];
    random.nextBytes(secret);
    return new ProofOfWorkChallenge(secret, random, DEFAULT_LIFETIME, spent);
  }

  /** With the {@linkplain #DEFAULT_LIFETIME default lifetime}. */
  public ProofOfWorkChallenge(byte[] secret, RandomSource random, SpentChallenges spent) {
    this(secret, random, DEFAULT_LIFETIME, spent);
  }

  /**
   * @throws IllegalArgumentException if the difficulty is outside 0 to {@value
   *     ProofOfWork#MAXIMUM_DIFFICULTY_BITS} bits
   */
  @Override
  public Ticket issue(int difficultyBits, Instant now) {
    checkDifficulty(difficultyBits);
    checkNotNull(now, "now");
    // Whole seconds, so that the ticket states exactly the expiry that verify will apply.
    Instant issuedAt = now.truncatedTo(ChronoUnit.SECONDS);
    Instant expiresAt = issuedAt.plus(lifetime);
    byte[] id = new byte[ID_BYTES];
    random.nextBytes(id);
    byte[] payload =
        ByteBuffer.allocate(PAYLOAD_BYTES)
            .put(VERSION)
            .putLong(issuedAt.getEpochSecond())
            .putLong(expiresAt.getEpochSecond())
            .put((byte) difficultyBits)
            .put(id)
            .array();
    String signed = TEXT.encodeToString(payload);
    return new Ticket(signed + "." + signature(signed), ALGORITHM, difficultyBits, expiresAt);
  }

  /**
   * Checks, in this order, the signature, the expiry, the stated difficulty against {@code
   * minimumDifficultyBits}, the work, and only then spends the challenge, so that a wrong or late
   * answer does not use it up.
   *
   * @throws IllegalArgumentException if the minimum difficulty is outside 0 to {@value
   *     ProofOfWork#MAXIMUM_DIFFICULTY_BITS} bits: that is configuration, not client input
   */
  @Override
  public Verdict verify(String challenge, String solution, int minimumDifficultyBits, Instant now) {
    checkDifficulty(minimumDifficultyBits);
    checkNotNull(now, "now");
    if (challenge == null || solution == null || challenge.length() > MAXIMUM_CHALLENGE_LENGTH) {
      return Verdict.FAILED;
    }
    int dot = challenge.indexOf('.');
    if (dot < 0) {
      return Verdict.FAILED;
    }
    String signed = challenge.substring(0, dot);
    // Comparing the texts rather than decoded bytes also refuses other spellings of a signature.
    byte[] expected = signature(signed).getBytes(StandardCharsets.US_ASCII);
    byte[] presented = challenge.substring(dot + 1).getBytes(StandardCharsets.UTF_8);
    if (!MessageDigest.isEqual(expected, presented)) {
      return Verdict.FAILED;
    }
    // Signed by us, so it decodes.
    ByteBuffer payload = ByteBuffer.wrap(BYTES.decode(signed));
    if (payload.remaining() != PAYLOAD_BYTES || payload.get() != VERSION) {
      return Verdict.FAILED;
    }
    payload.getLong(); // issued at: for people reading challenges; only the expiry counts
    Instant expiresAt = Instant.ofEpochSecond(payload.getLong());
    int difficultyBits = payload.get();
    byte[] id = new byte[ID_BYTES];
    payload.get(id);
    if (!now.isBefore(expiresAt)) {
      return Verdict.EXPIRED;
    }
    if (difficultyBits < minimumDifficultyBits
        || difficultyBits > ProofOfWork.MAXIMUM_DIFFICULTY_BITS) {
      return Verdict.FAILED;
    }
    if (!ProofOfWork.solves(challenge, solution, difficultyBits)) {
      return Verdict.FAILED;
    }
    return spent.spend(TEXT.encodeToString(id), expiresAt, now)
        ? Verdict.PASSED
        : Verdict.ALREADY_USED;
  }

  private String signature(String signed) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(key);
      return TEXT.encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException impossible) {
      throw new IllegalStateException("every Java runtime has HMAC-SHA-256", impossible);
    }
  }

  private static void checkDifficulty(int difficultyBits) {
    checkArgument(
        difficultyBits >= 0 && difficultyBits <= ProofOfWork.MAXIMUM_DIFFICULTY_BITS,
        "difficulty must be 0 to %s bits, not %s",
        ProofOfWork.MAXIMUM_DIFFICULTY_BITS,
        difficultyBits);
  }
}
