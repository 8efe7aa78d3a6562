package org.opentermin.ports.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.google.common.collect.ImmutableSet;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opentermin.core.access.AccessGrant;
import org.opentermin.core.access.AccessRole;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.ports.in.IssuedToken;
import org.opentermin.ports.memory.InMemoryAccessTokenStore;
import org.opentermin.ports.out.AccessTokenStore;
import org.opentermin.ports.out.RandomSource;

class AccessTokensTest {

  private static final Instant NOW = Instant.parse("2026-12-06T17:00:00Z");
  private static final OfficeId NORD = OfficeId.of("sbh-nord");
  private static final OfficeId SUED = OfficeId.of("sbh-sued");
  private static final String CONFIGURED = "operator-chosen-admin-token-0123456789";

  /** The in-memory store, remembering what it was given. */
  private static final class RecordingStore implements AccessTokenStore {
    private final InMemoryAccessTokenStore delegate = new InMemoryAccessTokenStore();
    private final List<StoredAccessToken> saved = new ArrayList<>();

    @Override
    public void save(StoredAccessToken token) {
      saved.add(new StoredAccessToken(token.tokenHash().clone(), token.grant(), token.issuedAt()));
      delegate.save(token);
    }

    @Override
    public Optional<StoredAccessToken> find(byte[] tokenHash) {
      return delegate.find(tokenHash);
    }

    @Override
    public boolean hasAdmin() {
      return delegate.hasAdmin();
    }
  }

  private final RecordingStore store = new RecordingStore();
  private final AccessTokens tokens =
      new AccessTokens(store, Clock.fixed(NOW, ZoneOffset.UTC), RandomSource.seeded(42));

  @Test
  void issuedTokenAuthenticatesWithItsRoleAndOffices() {
    IssuedToken staff = tokens.issue(AccessRole.STAFF, List.of(NORD, SUED));
    IssuedToken officeAdmin = tokens.issue(AccessRole.OFFICE_ADMIN, List.of(SUED));

    assertThat(staff.token()).startsWith(AccessTokens.PREFIX).isNotEqualTo(officeAdmin.token());
    assertThat(tokens.authenticate(staff.token())).contains(staff.grant());
    assertThat(staff.grant().role()).isEqualTo(AccessRole.STAFF);
    assertThat(staff.grant().offices()).containsExactlyInAnyOrder(NORD, SUED);
    assertThat(tokens.authenticate(officeAdmin.token()))
        .hasValueSatisfying(
            grant -> {
              assertThat(grant.role()).isEqualTo(AccessRole.OFFICE_ADMIN);
              assertThat(grant.reaches(SUED)).isTrue();
              assertThat(grant.reaches(NORD)).isFalse();
            });
    assertThat(staff.grant().tokenId()).isNotEqualTo(officeAdmin.grant().tokenId());
    assertThat(store.saved)
        .extracting(AccessTokenStore.StoredAccessToken::issuedAt)
        .containsOnly(NOW);
  }

  @Test
  void adminTokenReachesEveryOfficeWhateverOfficesItWasIssuedFor() {
    IssuedToken admin = tokens.issue(AccessRole.ADMIN, List.of(NORD));

    assertThat(tokens.authenticate(admin.token()))
        .hasValueSatisfying(
            grant -> {
              assertThat(grant.isAdmin()).isTrue();
              assertThat(grant.offices()).isEmpty();
              assertThat(grant.reaches(SUED)).isTrue();
            });
  }

  @Test
  void wrongEmptyOrOverlongTokenDoesNotAuthenticate() {
    IssuedToken staff = tokens.issue(AccessRole.STAFF, List.of(NORD));
    String token = staff.token();
    String lastCharacterChanged =
        token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");

    assertThat(tokens.authenticate(lastCharacterChanged)).isEmpty();
    assertThat(tokens.authenticate(token + "x")).isEmpty();
    assertThat(tokens.authenticate(token.substring(AccessTokens.PREFIX.length())))
        .as("without its prefix")
        .isEmpty();
    assertThat(tokens.authenticate("")).isEmpty();
    assertThat(tokens.authenticate("x".repeat(100_000))).isEmpty();
  }

  @Test
  void officeRolesNeedAtLeastOneOffice() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> tokens.issue(AccessRole.STAFF, List.of()));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> tokens.issue(AccessRole.OFFICE_ADMIN, ImmutableSet.of()));
    assertThat(store.saved).isEmpty();
  }

  @Test
  void bootstrapWithoutConfiguredTokenGeneratesAnAdminTokenExactlyOnce() {
    Optional<IssuedToken> first = tokens.bootstrapAdmin(Optional.empty());

    assertThat(first)
        .hasValueSatisfying(
            admin -> {
              assertThat(admin.grant().isAdmin()).isTrue();
              assertThat(tokens.authenticate(admin.token())).contains(admin.grant());
            });
    assertThat(tokens.bootstrapAdmin(Optional.empty())).isEmpty();
    assertThat(store.saved).hasSize(1);
  }

  @Test
  void bootstrapGeneratesNothingWhenAnAdminTokenExists() {
    tokens.issue(AccessRole.ADMIN, List.of());

    assertThat(tokens.bootstrapAdmin(Optional.empty())).isEmpty();
    assertThat(store.saved).hasSize(1);
  }

  @Test
  void configuredTokenIsRegisteredAsAdminOnceAndNothingIsReturned() {
    assertThat(tokens.bootstrapAdmin(Optional.of(CONFIGURED))).isEmpty();
    assertThat(tokens.authenticate(CONFIGURED))
        .hasValueSatisfying(grant -> assertThat(grant.isAdmin()).isTrue());

    assertThat(tokens.bootstrapAdmin(Optional.of(CONFIGURED))).isEmpty();
    assertThat(store.saved).as("registered once").hasSize(1);
    assertThat(tokens.bootstrapAdmin(Optional.empty())).as("an admin exists").isEmpty();
  }

  @Test
  void configuredTokenBecomesAdminEvenIfItWasAnOfficeTokenBefore() {
    tokens.bootstrapAdmin(Optional.of(CONFIGURED));
    store.save(
        new AccessTokenStore.StoredAccessToken(
            store.saved.get(0).tokenHash(),
            new AccessGrant("tok-demoted", AccessRole.STAFF, ImmutableSet.of(NORD)),
            NOW));

    tokens.bootstrapAdmin(Optional.of(CONFIGURED));

    assertThat(tokens.authenticate(CONFIGURED))
        .hasValueSatisfying(grant -> assertThat(grant.isAdmin()).isTrue());
  }

  @Test
  void tooShortOrTooLongConfiguredTokenIsRefused() {
    String tooShort = "x".repeat(AccessTokens.MINIMUM_CONFIGURED_LENGTH - 1);

    assertThatIllegalArgumentException()
        .isThrownBy(() -> tokens.bootstrapAdmin(Optional.of(tooShort)));
    assertThatIllegalArgumentException().isThrownBy(() -> tokens.bootstrapAdmin(Optional.of("")));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> tokens.bootstrapAdmin(Optional.of("x".repeat(513))));
    assertThat(store.saved).isEmpty();
    assertThat(
            tokens.bootstrapAdmin(Optional.of("x".repeat(AccessTokens.MINIMUM_CONFIGURED_LENGTH))))
        .isEmpty();
    assertThat(store.hasAdmin()).isTrue();
  }

  @Test
  void storeSeesOnlyAHashNeverTheTokenOrItsRandomBytes() {
    IssuedToken staff = tokens.issue(AccessRole.STAFF, List.of(NORD));
    tokens.bootstrapAdmin(Optional.of(CONFIGURED));
    byte[] randomPart =
        Base64.getUrlDecoder().decode(staff.token().substring(AccessTokens.PREFIX.length()));

    assertThat(randomPart).hasSize(32);
    assertThat(store.saved).hasSize(2);
    byte[] staffHash = store.saved.get(0).tokenHash();
    byte[] configuredHash = store.saved.get(1).tokenHash();
    assertThat(staffHash)
        .hasSize(32)
        .isNotEqualTo(randomPart)
        .isNotEqualTo(staff.token().getBytes(StandardCharsets.UTF_8));
    assertThat(configuredHash)
        .isNotEqualTo(Arrays.copyOf(CONFIGURED.getBytes(StandardCharsets.UTF_8), 32));
    assertThat(store.saved.get(0).grant().tokenId())
        .doesNotContain(staff.token().substring(AccessTokens.PREFIX.length(), 12));
    assertThat(staff.toString()).doesNotContain(staff.token());
  }

  @Test
  void sameSeedIssuesTheSameTokens() {
    AccessTokens again =
        new AccessTokens(
            new InMemoryAccessTokenStore(),
            Clock.fixed(NOW, ZoneOffset.UTC),
            RandomSource.seeded(42));

    assertThat(again.issue(AccessRole.STAFF, List.of(NORD)).token())
        .isEqualTo(tokens.issue(AccessRole.STAFF, List.of(NORD)).token());
  }
}
