package org.opentermin.ports.out;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RandomSourceTest {

  /** Always the same byte, to show which bits {@link RandomSource#nextUuid()} sets itself. */
  private static RandomSource constant(int value) {
    return new RandomSource() {
      @Override
      public void nextBytes(byte[] bytes) {
        Arrays.fill(bytes, (byte) value);
      }

      @Override
      public int nextInt(int bound) {
        return 0;
      }
    };
  }

  @Test
  void sameSeedRepeatsTheSameBytes() {
    byte[] first = new byte[32];
    byte[] second = new byte[32];

    RandomSource.seeded(42).nextBytes(first);
    RandomSource.seeded(42).nextBytes(second);

    assertThat(first).isEqualTo(second);
  }

  @Test
  void sameSeedRepeatsTheSameSequenceOfUuidsAndNumbers() {
    RandomSource one = RandomSource.seeded(42);
    RandomSource two = RandomSource.seeded(42);

    for (int i = 0; i < 100; i++) {
      assertThat(one.nextUuid()).isEqualTo(two.nextUuid());
      assertThat(one.nextInt(1_000)).isEqualTo(two.nextInt(1_000));
    }
  }

  @Test
  void differentSeedsGiveDifferentUuids() {
    assertThat(RandomSource.seeded(42).nextUuid()).isNotEqualTo(RandomSource.seeded(43).nextUuid());
  }

  @Test
  void uuidIsVersionFourOfTheIetfVariant() {
    RandomSource random = RandomSource.seeded(42);

    for (int i = 0; i < 1_000; i++) {
      UUID uuid = random.nextUuid();
      assertThat(uuid.version()).isEqualTo(4);
      assertThat(uuid.variant()).isEqualTo(2);
    }
  }

  @Test
  void uuidFromAllZeroBytesHasOnlyTheVersionAndVariantBitsSet() {
    assertThat(constant(0x00).nextUuid())
        .isEqualTo(UUID.fromString("00000000-0000-4000-8000-000000000000"));
  }

  @Test
  void uuidFromAllOneBytesHasTheVersionAndVariantBitsCleared() {
    assertThat(constant(0xff).nextUuid())
        .isEqualTo(UUID.fromString("ffffffff-ffff-4fff-bfff-ffffffffffff"));
  }

  @Test
  void uuidTakesTheRandomBytesInOrder() {
    RandomSource counting =
        new RandomSource() {
          @Override
          public void nextBytes(byte[] bytes) {
            for (int i = 0; i < bytes.length; i++) {
              bytes[i] = (byte) (0x10 + i);
            }
          }

          @Override
          public int nextInt(int bound) {
            return 0;
          }
        };

    assertThat(counting.nextUuid())
        .isEqualTo(UUID.fromString("10111213-1415-4617-9819-1a1b1c1d1e1f"));
  }

  @Test
  void secureSourceGivesDifferingValues() {
    RandomSource secure = RandomSource.secure();
    byte[] first = new byte[32];
    byte[] second = new byte[32];

    secure.nextBytes(first);
    secure.nextBytes(second);

    assertThat(first).isNotEqualTo(second);
    assertThat(secure.nextUuid()).isNotEqualTo(secure.nextUuid());
  }

  @Test
  void twoSecureSourcesDoNotRepeatEachOther() {
    assertThat(RandomSource.secure().nextUuid()).isNotEqualTo(RandomSource.secure().nextUuid());
  }

  @Test
  void secureUuidIsVersionFourOfTheIetfVariant() {
    UUID uuid = RandomSource.secure().nextUuid();

    assertThat(uuid.version()).isEqualTo(4);
    assertThat(uuid.variant()).isEqualTo(2);
  }

  @Test
  void nextIntStaysBelowTheBoundAndReachesEveryValue() {
    RandomSource random = RandomSource.seeded(42);
    Set<Integer> seen = new HashSet<>();

    for (int i = 0; i < 10_000; i++) {
      int value = random.nextInt(7);
      assertThat(value).isBetween(0, 6);
      seen.add(value);
    }

    assertThat(seen).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6);
  }

  @Test
  void secureNextIntStaysBelowTheBound() {
    RandomSource secure = RandomSource.secure();

    for (int i = 0; i < 1_000; i++) {
      assertThat(secure.nextInt(31)).isBetween(0, 30);
    }
  }

  @Test
  void boundOfOneAlwaysGivesZero() {
    RandomSource random = RandomSource.seeded(42);

    for (int i = 0; i < 100; i++) {
      assertThat(random.nextInt(1)).isZero();
    }
  }
}
