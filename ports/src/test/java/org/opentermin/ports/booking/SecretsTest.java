package org.opentermin.ports.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opentermin.ports.out.RandomSource;

class SecretsTest {

  private static final String KEY = "5b0c6f3e-8a41-4d2f-9e77-1c2b3a4d5e6f";
  private static final String OTHER_KEY = "0f9e8d7c-6b5a-4c3d-8e2f-1a0b9c8d7e6f";

  private final RandomSource random = RandomSource.seeded(42);

  @Nested
  class ManageToken {

    @Test
    void tokenIsFortyThreeBase64UrlCharacters() {
      assertThat(Secrets.newManageToken(random)).matches("[A-Za-z0-9_-]{43}");
    }

    @Test
    void twoTokensFromTheSameSourceDiffer() {
      assertThat(Secrets.newManageToken(random)).isNotEqualTo(Secrets.newManageToken(random));
    }

    @Test
    void twoTokensFromTheSecureSourceDiffer() {
      RandomSource secure = RandomSource.secure();

      assertThat(Secrets.newManageToken(secure)).isNotEqualTo(Secrets.newManageToken(secure));
    }

    @Test
    void sameSeedGivesTheSameToken() {
      assertThat(Secrets.newManageToken(RandomSource.seeded(7)))
          .isEqualTo(Secrets.newManageToken(RandomSource.seeded(7)));
    }

    @Test
    void presentedTokenMatchesItsStoredHash() {
      String token = Secrets.newManageToken(random);

      assertThat(Secrets.tokenMatches(token, Secrets.sha256(token))).isTrue();
    }

    @Test
    void anotherTokenDoesNotMatch() {
      String token = Secrets.newManageToken(random);
      String other = Secrets.newManageToken(random);

      assertThat(Secrets.tokenMatches(other, Secrets.sha256(token))).isFalse();
    }

    @Test
    void tokenWithOneCharacterChangedDoesNotMatch() {
      String token = Secrets.newManageToken(random);
      char last = token.charAt(42);
      String changed = token.substring(0, 42) + (last == 'A' ? 'B' : 'A');

      assertThat(Secrets.tokenMatches(changed, Secrets.sha256(token))).isFalse();
    }

    @Test
    void emptyTokenDoesNotMatch() {
      assertThat(Secrets.tokenMatches("", Secrets.sha256(Secrets.newManageToken(random))))
          .isFalse();
    }

    @Test
    void storedHashIsNotTheTokenItself() {
      String token = Secrets.newManageToken(random);

      assertThat(Secrets.sha256(token))
          .hasSize(32)
          .isNotEqualTo(token.getBytes(StandardCharsets.UTF_8));
      assertThat(Secrets.tokenMatches(token, token.getBytes(StandardCharsets.UTF_8))).isFalse();
    }
  }

  @Nested
  class KeyHash {

    @Test
    void sameKeyGivesTheSameHash() {
      assertThat(Secrets.keyHash(KEY)).isEqualTo(Secrets.keyHash(new String(KEY.toCharArray())));
    }

    @Test
    void differentKeysGiveDifferentHashes() {
      assertThat(Secrets.keyHash(KEY)).isNotEqualTo(Secrets.keyHash(OTHER_KEY));
    }

    @Test
    void hashIsThirtyTwoBytesAndNotTheKey() {
      assertThat(Secrets.keyHash(KEY))
          .hasSize(32)
          .isNotEqualTo(KEY.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void keyHashDiffersFromATokenHashOfTheSameText() {
      assertThat(Secrets.keyHash(KEY)).isNotEqualTo(Secrets.sha256(KEY));
    }
  }

  @Nested
  class Sealing {

    private final String token = Secrets.newManageToken(random);

    @Test
    void sealedTokenUnsealsWithTheSameIdempotencyKey() {
      byte[] sealed = Secrets.seal(token, KEY, random);

      assertThat(Secrets.unseal(sealed, KEY)).contains(token);
    }

    @Test
    void nonAsciiSecretSurvivesTheRoundTrip() {
      byte[] sealed = Secrets.seal("Grüße aus Köln ✓", KEY, random);

      assertThat(Secrets.unseal(sealed, KEY)).contains("Grüße aus Köln ✓");
    }

    @Test
    void sealedTokenDoesNotUnsealWithAnotherIdempotencyKey() {
      byte[] sealed = Secrets.seal(token, KEY, random);

      assertThat(Secrets.unseal(sealed, OTHER_KEY)).isEmpty();
    }

    @ParameterizedTest(name = "byte {0}")
    @ValueSource(ints = {0, 11, 12, 30, 54, 70})
    void tamperedByteIsDetected(int index) {
      byte[] sealed = Secrets.seal(token, KEY, random);
      assertThat(sealed).hasSize(12 + 43 + 16);
      sealed[index] ^= 0x01;

      assertThat(Secrets.unseal(sealed, KEY)).isEmpty();
    }

    @Test
    void truncatedSealIsDetected() {
      byte[] sealed = Secrets.seal(token, KEY, random);

      assertThat(Secrets.unseal(Arrays.copyOf(sealed, sealed.length - 1), KEY)).isEmpty();
    }

    @Test
    void arrayNoLongerThanTheNonceIsEmpty() {
      assertThat(Secrets.unseal(new byte[12], KEY)).isEmpty();
      assertThat(Secrets.unseal(new byte[0], KEY)).isEmpty();
    }

    /**
     * Longer than the 12-byte nonce but shorter than nonce and 16-byte tag, e.g. a truncated
     * column.
     */
    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {13, 20, 27})
    void arrayTooShortForNonceAndTagIsEmpty(int length) {
      byte[] sealed = Secrets.seal(token, KEY, random);

      assertThat(Secrets.unseal(Arrays.copyOf(sealed, length), KEY)).isEmpty();
    }

    @Test
    void nonceAndTagWithoutCiphertextIsEmpty() {
      byte[] sealed = Secrets.seal(token, KEY, random);

      assertThat(Secrets.unseal(Arrays.copyOf(sealed, 12 + 16), KEY)).isEmpty();
    }

    @Test
    void sealedBytesDoNotContainThePlaintext() {
      byte[] sealed = Secrets.seal(token, KEY, random);

      assertThat(indexOf(sealed, token.getBytes(StandardCharsets.UTF_8))).isEqualTo(-1);
      assertThat(new String(sealed, StandardCharsets.ISO_8859_1))
          .doesNotContain(token.substring(0, 8));
    }

    @Test
    void sealingTheSameTokenTwiceUsesFreshNonces() {
      byte[] first = Secrets.seal(token, KEY, random);
      byte[] second = Secrets.seal(token, KEY, random);

      assertThat(Arrays.copyOf(first, 12)).isNotEqualTo(Arrays.copyOf(second, 12));
      assertThat(first).isNotEqualTo(second);
    }

    @Test
    void storedKeyHashCannotUnsealTheToken() {
      byte[] sealed = Secrets.seal(token, KEY, random);
      SecretKeySpec keyFromTheDatabase = new SecretKeySpec(Secrets.keyHash(KEY), "AES");

      assertThatExceptionOfType(AEADBadTagException.class)
          .isThrownBy(
              () -> {
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(
                    Cipher.DECRYPT_MODE,
                    keyFromTheDatabase,
                    new GCMParameterSpec(128, sealed, 0, 12));
                cipher.doFinal(sealed, 12, sealed.length - 12);
              });
    }
  }

  @Nested
  class IdempotencyKey {

    @Test
    void uuidIsAValidKey() {
      assertThat(Secrets.IDEMPOTENCY_KEY.matcher(KEY).matches()).isTrue();
    }

    @Test
    void sixteenCharactersAreEnough() {
      assertThat(Secrets.IDEMPOTENCY_KEY.matcher("abcdefgh_12345.:").matches()).isTrue();
    }

    @Test
    void fifteenCharactersAreTooShort() {
      assertThat(Secrets.IDEMPOTENCY_KEY.matcher("a".repeat(15)).matches()).isFalse();
    }

    @Test
    void twoHundredCharactersAreAccepted() {
      assertThat(Secrets.IDEMPOTENCY_KEY.matcher("k".repeat(200)).matches()).isTrue();
    }

    @Test
    void twoHundredAndOneCharactersAreTooLong() {
      assertThat(Secrets.IDEMPOTENCY_KEY.matcher("k".repeat(201)).matches()).isFalse();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(
        strings = {
          "5b0c6f3e 8a41 4d2f 9e77 1c2b3a4d5e6f",
          " 5b0c6f3e-8a41-4d2f-9e77-1c2b3a4d5e6f",
          "5b0c6f3e-8a41-4d2f-9e77-1c2b3a4d5e6f\n",
          "abcdefgh/12345678",
          "abcdefgh+12345678",
          "abcdefgh=12345678",
          "schlüssel-1234567890"
        })
    void spacesAndOtherCharactersAreRejected(String key) {
      assertThat(Secrets.IDEMPOTENCY_KEY.matcher(key).matches()).isFalse();
    }
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
        return i;
      }
    }
    return -1;
  }
}
