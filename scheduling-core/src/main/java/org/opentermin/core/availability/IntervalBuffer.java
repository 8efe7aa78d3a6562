package org.opentermin.core.availability;

import java.util.Arrays;

/**
 * A small, reusable set of half-open minute intervals {@code [start, end)} within one day, kept
 * sorted and disjoint after {@link #normalize()}. Slot generation reuses one buffer per query to
 * avoid allocating per resource and day. Not thread-safe.
 */
final class IntervalBuffer {

  private int[] starts = new int[16];
  private int[] ends = new int[16];
  private int size;

  void clear() {
    size = 0;
  }

  int size() {
    return size;
  }

  int start(int index) {
    return starts[index];
  }

  int end(int index) {
    return ends[index];
  }

  /** Appends {@code [start, end)}; call {@link #normalize()} before reading or subtracting. */
  void add(int start, int end) {
    if (start >= end) {
      return;
    }
    ensureRoomForOneMore();
    starts[size] = start;
    ends[size] = end;
    size++;
  }

  /** Sorts the intervals and merges those that overlap or touch. */
  void normalize() {
    // Insertion sort: a resource has a handful of ranges a day.
    for (int i = 1; i < size; i++) {
      int start = starts[i];
      int end = ends[i];
      int j = i - 1;
      while (j >= 0 && starts[j] > start) {
        starts[j + 1] = starts[j];
        ends[j + 1] = ends[j];
        j--;
      }
      starts[j + 1] = start;
      ends[j + 1] = end;
    }
    int merged = 0;
    for (int i = 0; i < size; i++) {
      if (merged > 0 && starts[i] <= ends[merged - 1]) {
        ends[merged - 1] = Math.max(ends[merged - 1], ends[i]);
      } else {
        starts[merged] = starts[i];
        ends[merged] = ends[i];
        merged++;
      }
    }
    size = merged;
  }

  /** Removes {@code [start, end)}; the buffer must be normalized and stays so. */
  void subtract(int start, int end) {
    if (start >= end) {
      return;
    }
    int i = 0;
    while (i < size) {
      int s = starts[i];
      int e = ends[i];
      if (e <= start || s >= end) {
        i++;
      } else if (s < start && e > end) {
        insertAt(i + 1, end, e);
        ends[i] = start;
        return;
      } else if (s < start) {
        ends[i] = start;
        i++;
      } else if (e > end) {
        starts[i] = end;
        return;
      } else {
        removeAt(i);
      }
    }
  }

  /** Whether {@code [start, end)} lies within one interval; the buffer must be normalized. */
  boolean covers(int start, int end) {
    for (int i = 0; i < size; i++) {
      if (starts[i] <= start && end <= ends[i]) {
        return true;
      }
    }
    return false;
  }

  private void insertAt(int index, int start, int end) {
    ensureRoomForOneMore();
    System.arraycopy(starts, index, starts, index + 1, size - index);
    System.arraycopy(ends, index, ends, index + 1, size - index);
    starts[index] = start;
    ends[index] = end;
    size++;
  }

  private void ensureRoomForOneMore() {
    if (size == starts.length) {
      starts = Arrays.copyOf(starts, size * 2);
      ends = Arrays.copyOf(ends, size * 2);
    }
  }

  private void removeAt(int index) {
    System.arraycopy(starts, index + 1, starts, index, size - 1 - index);
    System.arraycopy(ends, index + 1, ends, index, size - 1 - index);
    size--;
  }
}
