package org.opentermin.ports.access;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableSet;
import com.google.common.io.BaseEncoding;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import org.opentermin.core.access.AccessGrant;
import org.opentermin.core.access.AccessRole;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.ports.in.Authenticate;
import org.opentermin.ports.in.IssueAccessToken;
import org.opentermin.ports.in.IssuedToken;
import org.opentermin.ports.out.AccessTokenStore;
import org.opentermin.ports.out.AccessTokenStore.StoredAccessToken;
import org.opentermin.ports.out.RandomSource;

/**
 * Issues and checks access tokens. A token is 256 random bits in URL-safe Base64 with the prefix
 * {@value #PREFIX}; only its SHA-256 hash is stored (a slow hash adds nothing for secrets of that
 * strength), and looking it up by hash is a comparison of hashes, so no timing reveals the token.
 * Thread-safe.
 */
public final class AccessTokens implements Authenticate, IssueAccessToken {

  /** Marks OpenTermin tokens, so that secret scanners and people recognise them. */
  public static final String PREFIX = "ot_";

  /** Tokens configured by operators must be at least this long to be worth anything. */
  public static final int MINIMUM_CONFIGURED_LENGTH = 24;

  private static final int TOKEN_BYTES = 32;
  private static final int MAXIMUM_TOKEN_LENGTH = 512;

  private final AccessTokenStore store;
  private final Clock clock;
  private final RandomSource random;

  public AccessTokens(AccessTokenStore store, Clock clock, RandomSource random) {
    this.store = checkNotNull(store, "store");
    this.clock = checkNotNull(clock, "clock");
    this.random = checkNotNull(random, "random");
  }

  /** Issues a new token; office roles need at least one office, admins reach all of them. */
  @Override
  public IssuedToken issue(AccessRole role, Iterable<OfficeId> offices) {
    checkNotNull(role, "role");
    ImmutableSet<OfficeId> reached =
        role == AccessRole.ADMIN ? ImmutableSet.of() : ImmutableSet.copyOf(offices);
    checkArgument(
        role == AccessRole.ADMIN || !reached.isEmpty(),
        "a %s token needs at least one office",
        role);
    byte[] bytes = new byte[TOKEN_BYTES];
    random.nextBytes(bytes);
    String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    return new IssuedToken(token, register(token, role, reached));
  }

  /**
   * Makes sure an admin can log in. A configured token is registered (again) as an admin token and
   * nothing is returned; without one, a token is generated only if no admin token exists yet, and
   * returned so that it can be shown once.
   */
  public Optional<IssuedToken> bootstrapAdmin(Optional<String> configuredToken) {
    checkNotNull(configuredToken, "configuredToken");
    if (configuredToken.isPresent()) {
      String token = configuredToken.get();
      checkArgument(
          token.length() >= MINIMUM_CONFIGURED_LENGTH && token.length() <= MAXIMUM_TOKEN_LENGTH,
          "the configured admin token must have %s to %s characters",
          MINIMUM_CONFIGURED_LENGTH,
          MAXIMUM_TOKEN_LENGTH);
      if (authenticate(token).filter(AccessGrant::isAdmin).isEmpty()) {
        register(token, AccessRole.ADMIN, ImmutableSet.of());
      }
      return Optional.empty();
    }
    if (store.hasAdmin()) {
      return Optional.empty();
    }
    return Optional.of(issue(AccessRole.ADMIN, ImmutableSet.of()));
  }

  /** What the presented token allows, or empty if it is unknown. */
  @Override
  public Optional<AccessGrant> authenticate(String presentedToken) {
    checkNotNull(presentedToken, "presentedToken");
    if (presentedToken.isEmpty() || presentedToken.length() > MAXIMUM_TOKEN_LENGTH) {
      return Optional.empty();
    }
    return store.find(hash(presentedToken)).map(StoredAccessToken::grant);
  }

  private AccessGrant register(String token, AccessRole role, ImmutableSet<OfficeId> offices) {
    byte[] hash = hash(token);
    // A random id names the token in histories; one derived from the token would let anyone who
    // reads a history test guesses of a weak operator-chosen token offline.
    byte[] idBytes = new byte[8];
    random.nextBytes(idBytes);
    String tokenId = "tok-" + BaseEncoding.base16().lowerCase().encode(idBytes);
    AccessGrant grant = new AccessGrant(tokenId, role, offices);
    store.save(new StoredAccessToken(hash, grant, clock.instant()));
    return grant;
  }

  private static byte[] hash(String token) {
    try {
      return MessageDigest.getInstance("SHA-256")
          .digest(("access-token:" + token).getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException missing) {
      throw new IllegalStateException("every Java runtime has SHA-256", missing);
    }
  }
}
