package io.credgraph.analysis;

import java.util.Arrays;

/**
 * An open-addressing map from non-negative ints to ints, for per-query visited sets that must not
 * box.
 */
final class IntIntMap {
  static final int MISSING = Integer.MIN_VALUE;
  private static final int EMPTY = -1;

  private int[] keys;
  private int[] values;
  private int size;
  private int mask;

  IntIntMap(int expected) {
    int cap = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
    keys = new int[cap];
    values = new int[cap];
    Arrays.fill(keys, EMPTY);
    mask = cap - 1;
  }

  int size() {
    return size;
  }

  /** The value of {@code key}, or {@link #MISSING}. */
  int get(int key) {
    int i = mix(key) & mask;
    while (true) {
      int k = keys[i];
      if (k == key) {
        return values[i];
      }
      if (k == EMPTY) {
        return MISSING;
      }
      i = (i + 1) & mask;
    }
  }

  boolean containsKey(int key) {
    return get(key) != MISSING;
  }

  /** Sets {@code key} to {@code value}; returns the previous value or {@link #MISSING}. */
  int put(int key, int value) {
    if (key < 0) {
      throw new IllegalArgumentException("negative key " + key);
    }
    int i = mix(key) & mask;
    while (true) {
      int k = keys[i];
      if (k == key) {
        int old = values[i];
        values[i] = value;
        return old;
      }
      if (k == EMPTY) {
        keys[i] = key;
        values[i] = value;
        if (++size * 2 > keys.length) {
          grow();
        }
        return MISSING;
      }
      i = (i + 1) & mask;
    }
  }

  private void grow() {
    int[] oldKeys = keys;
    int[] oldValues = values;
    keys = new int[oldKeys.length * 2];
    values = new int[oldKeys.length * 2];
    Arrays.fill(keys, EMPTY);
    mask = keys.length - 1;
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != EMPTY) {
        put(oldKeys[i], oldValues[i]);
      }
    }
  }

  private static int mix(int x) {
    int h = x * 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
