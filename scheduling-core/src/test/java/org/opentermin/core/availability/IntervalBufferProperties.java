package org.opentermin.core.availability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The interval buffer behaves like a set of minutes, compared with a plain boolean array. */
class IntervalBufferProperties {

  private static final int DAY = 60;

  record Interval(int start, int end) {}

  @Provide
  Arbitrary<List<Interval>> intervals() {
    Arbitrary<Integer> minute = Arbitraries.integers().between(0, DAY);
    return Combinators.combine(minute, minute).as(Interval::new).list().ofMaxSize(8);
  }

  @Property
  void addingThenSubtractingEqualsTheSetOfMinutes(
      @ForAll("intervals") List<Interval> added, @ForAll("intervals") List<Interval> subtracted) {
    IntervalBuffer buffer = new IntervalBuffer();
    boolean[] model = new boolean[DAY];
    for (Interval interval : added) {
      buffer.add(interval.start(), interval.end());
      for (int m = interval.start(); m < interval.end(); m++) {
        model[m] = true;
      }
    }
    buffer.normalize();
    for (Interval interval : subtracted) {
      buffer.subtract(interval.start(), interval.end());
      for (int m = interval.start(); m < interval.end(); m++) {
        model[m] = false;
      }
    }

    boolean[] actual = new boolean[DAY];
    for (int i = 0; i < buffer.size(); i++) {
      assertThat(buffer.start(i)).isLessThan(buffer.end(i));
      if (i > 0) {
        assertThat(buffer.start(i))
            .as("disjoint, sorted, not touching")
            .isGreaterThan(buffer.end(i - 1));
      }
      for (int m = buffer.start(i); m < buffer.end(i); m++) {
        actual[m] = true;
      }
    }
    assertThat(actual).isEqualTo(model);
  }

  @Example
  void subtractingFromTheMiddleSplitsAnInterval() {
    IntervalBuffer buffer = new IntervalBuffer();
    buffer.add(0, 10);
    buffer.normalize();

    buffer.subtract(3, 5);

    assertThat(buffer.size()).isEqualTo(2);
    assertThat(List.of(buffer.start(0), buffer.end(0), buffer.start(1), buffer.end(1)))
        .containsExactly(0, 3, 5, 10);
    assertThat(buffer.covers(5, 10)).isTrue();
    assertThat(buffer.covers(2, 6)).isFalse();
  }

  @Example
  void growsBeyondItsInitialCapacity() {
    IntervalBuffer buffer = new IntervalBuffer();
    for (int i = 0; i < 40; i++) {
      buffer.add(i * 4, i * 4 + 3);
    }
    buffer.normalize();
    buffer.subtract(1, 2);

    assertThat(buffer.size()).isEqualTo(41);
  }
}
