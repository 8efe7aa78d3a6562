package org.opentermin.ports.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opentermin.ports.contract.ContractFixtures.NOW;
import static org.opentermin.ports.contract.ContractFixtures.OFFICE;
import static org.opentermin.ports.contract.ContractFixtures.OTHER_OFFICE;

import com.google.common.collect.ImmutableSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentermin.core.access.AccessGrant;
import org.opentermin.core.access.AccessRole;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.ports.out.AccessTokenStore;
import org.opentermin.ports.out.AccessTokenStore.StoredAccessToken;

/** Every {@link AccessTokenStore} MUST pass this. Subclasses supply an empty store per test. */
public abstract class AccessTokenStoreContract {

  private AccessTokenStore store;

  /** A new, empty store. */
  protected abstract AccessTokenStore newStore();

  @BeforeEach
  void createStore() {
    store = newStore();
  }

  /** A 32-byte hash that differs from the hashes of other seeds. */
  private static byte[] hash(int seed) {
    byte[] hash = new byte[32];
    Arrays.fill(hash, (byte) seed);
    hash[31] = (byte) 0xff;
    return hash;
  }

  private static StoredAccessToken token(
      byte[] hash,
      String tokenId,
      AccessRole role,
      ImmutableSet<OfficeId> offices,
      Instant issuedAt) {
    return new StoredAccessToken(hash, new AccessGrant(tokenId, role, offices), issuedAt);
  }

  /** Compares field by field: the record's array component makes its equals compare identity. */
  private static void assertSameToken(StoredAccessToken actual, StoredAccessToken expected) {
    assertThat(actual.tokenHash()).containsExactly(expected.tokenHash());
    assertThat(actual.grant()).isEqualTo(expected.grant());
    assertThat(actual.issuedAt()).isEqualTo(expected.issuedAt());
  }

  @Test
  void savedTokenIsFoundByItsHashWithRoleOfficesAndIssueTime() {
    StoredAccessToken staff =
        token(hash(1), "tok-staff", AccessRole.STAFF, ImmutableSet.of(OFFICE, OTHER_OFFICE), NOW);
    StoredAccessToken officeAdmin =
        token(
            hash(2),
            "tok-office-admin",
            AccessRole.OFFICE_ADMIN,
            ImmutableSet.of(OTHER_OFFICE),
            NOW.plusSeconds(1));

    store.save(staff);
    store.save(officeAdmin);

    assertThat(store.find(hash(1))).hasValueSatisfying(found -> assertSameToken(found, staff));
    assertThat(store.find(hash(2)))
        .hasValueSatisfying(found -> assertSameToken(found, officeAdmin));
  }

  @Test
  void unknownHashFindsNothing() {
    store.save(token(hash(1), "tok-staff", AccessRole.STAFF, ImmutableSet.of(OFFICE), NOW));

    assertThat(store.find(hash(3))).isEmpty();
    assertThat(store.find(new byte[0])).as("not a hash at all").isEmpty();
  }

  @Test
  void savingWithTheSameHashReplacesTheToken() {
    store.save(token(hash(1), "tok-first", AccessRole.STAFF, ImmutableSet.of(OFFICE), NOW));
    StoredAccessToken replacement =
        token(
            hash(1),
            "tok-second",
            AccessRole.OFFICE_ADMIN,
            ImmutableSet.of(OTHER_OFFICE),
            NOW.plus(Duration.ofDays(1)));

    store.save(replacement);

    assertThat(store.find(hash(1)))
        .hasValueSatisfying(found -> assertSameToken(found, replacement));
  }

  @Test
  void adminTokenWithoutOfficesIsKept() {
    StoredAccessToken admin = token(hash(1), "tok-admin", AccessRole.ADMIN, ImmutableSet.of(), NOW);

    store.save(admin);

    assertThat(store.find(hash(1)))
        .hasValueSatisfying(
            found -> {
              assertSameToken(found, admin);
              assertThat(found.grant().offices()).isEmpty();
            });
  }

  @Test
  void hasAdminOnlyOnceAnAdminTokenIsSaved() {
    assertThat(store.hasAdmin()).as("empty store").isFalse();
    store.save(token(hash(1), "tok-staff", AccessRole.STAFF, ImmutableSet.of(OFFICE), NOW));
    store.save(
        token(hash(2), "tok-office-admin", AccessRole.OFFICE_ADMIN, ImmutableSet.of(OFFICE), NOW));
    assertThat(store.hasAdmin()).as("staff and office admins are no admins").isFalse();

    store.save(token(hash(3), "tok-admin", AccessRole.ADMIN, ImmutableSet.of(), NOW));

    assertThat(store.hasAdmin()).isTrue();
  }

  @Test
  void adminTokenReplacedByAnOfficeTokenLeavesNoAdmin() {
    store.save(token(hash(1), "tok-admin", AccessRole.ADMIN, ImmutableSet.of(), NOW));
    store.save(token(hash(1), "tok-admin", AccessRole.STAFF, ImmutableSet.of(OFFICE), NOW));

    assertThat(store.hasAdmin()).isFalse();
  }

  @Test
  void callerChangingItsArraysAfterwardsChangesNothingStored() {
    byte[] saved = hash(1);
    store.save(token(saved, "tok-staff", AccessRole.STAFF, ImmutableSet.of(OFFICE), NOW));

    Arrays.fill(saved, (byte) 7);
    assertThat(store.find(hash(1)))
        .as("found by the original hash")
        .hasValueSatisfying(found -> assertThat(found.tokenHash()).containsExactly(hash(1)));
    assertThat(store.find(saved)).as("not by the changed array").isEmpty();

    store.find(hash(1)).orElseThrow().tokenHash()[0] = 9;
    assertThat(store.find(hash(1)))
        .as("a found token's array is the caller's")
        .hasValueSatisfying(found -> assertThat(found.tokenHash()).containsExactly(hash(1)));
  }
}
