package org.opentermin.core.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Overlap and gap reports agree with membership for any ranges and names. */
class InitialRangeProperties {

  @Provide
  Arbitrary<String> letters() {
    return Arbitraries.strings().withCharRange('a', 'e').ofMinLength(1).ofMaxLength(3);
  }

  @Provide
  Arbitrary<InitialRange> ranges() {
    return letters()
        .tuple2()
        .filter(t -> valid(t.get1(), t.get2()))
        .map(t -> new InitialRange(t.get1(), t.get2()));
  }

  private static boolean valid(String from, String to) {
    try {
      new InitialRange(from, to);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  @Property(tries = 500)
  void rangesThatShareANameOverlap(
      @ForAll("ranges") InitialRange a,
      @ForAll("ranges") InitialRange b,
      @ForAll("letters") String name) {
    SurnameKey key = new SurnameKey(name);
    if (a.contains(key) && b.contains(key)) {
      assertThat(a.overlaps(b)).isTrue();
    }
    if (a.overlaps(b)) {
      assertThat(
              a.contains(new SurnameKey(a.from().compareTo(b.from()) >= 0 ? a.from() : b.from())))
          .isTrue();
    }
  }

  @Property(tries = 500)
  void nameOutsideEveryRangeLiesInAGap(
      @ForAll("ranges") InitialRange a,
      @ForAll("ranges") InitialRange b,
      @ForAll("letters") String name) {
    SurnameKey key = new SurnameKey(name);
    boolean covered = a.contains(key) || b.contains(key);
    boolean inGap =
        InitialRange.gaps(List.of(a, b)).stream()
            .anyMatch(
                gap ->
                    name.compareTo(gap.from()) >= 0
                        && gap.before().map(end -> name.compareTo(end) < 0).orElse(true));
    assertThat(inGap).isEqualTo(!covered);
  }
}
