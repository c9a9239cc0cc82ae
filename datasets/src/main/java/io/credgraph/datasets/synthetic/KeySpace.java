package io.credgraph.datasets.synthetic;

import io.credgraph.model.ResidentId;
import io.credgraph.model.Uscc;
import java.time.LocalDate;

/**
 * The generator's key space (not a test helper: tests use {@code io.credgraph.fixtures.Keys}):
 * builds valid keys from indices, injectively: a USCC (GB 32100) with a GB 11714 organisation code
 * inside, and a resident ID (GB 11643) whose birth date and sequence are a permutation of the
 * person's index.
 */
final class KeySpace {
  private static final String ORG_CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  private static final int[] ORG_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};
  private static final long MA_SPACE = 31L * 31 * 31 * 31 * 31 * 31;
  private static final long NUMERIC_SPACE = 100_000_000L;
  static final LocalDate FIRST_BIRTH = LocalDate.of(1952, 1, 1);
  static final LocalDate LAST_BIRTH = LocalDate.of(2004, 12, 31);
  private static final long DAYS = LAST_BIRTH.toEpochDay() - FIRST_BIRTH.toEpochDay() + 1;

  /**
   * How many distinct resident IDs one region offers: days of birth times 1,000 sequence numbers.
   */
  static final long PERSON_SPACE = DAYS * 1000;

  private static final Permutation NUMERIC = Permutation.of(NUMERIC_SPACE, 0x5DEECE66DL);
  private static final Permutation MA = Permutation.of(MA_SPACE, 0x2545F4914F6CDD1DL);
  private static final Permutation PERSONS = Permutation.of(PERSON_SPACE, 0x9E3779B97F4AL);

  private KeySpace() {}

  /**
   * A USCC: {@code prefix} (registration authority and type, e.g. "91" for a company), the region,
   * a 9-character organisation code derived from {@code index} (new "MA" codes, or 8 digits for
   * codes issued before 2015), and the check character.
   */
  static String uscc(String prefix, long index, boolean numeric) {
    StringBuilder b = new StringBuilder(18).append(prefix).append(Zhongshan.REGION);
    if (numeric) {
      long v = NUMERIC.apply(index);
      String digits = Long.toString(v);
      b.append("0".repeat(8 - digits.length())).append(digits);
    } else {
      long v = MA.apply(index);
      b.append("MA");
      char[] cs = new char[6];
      for (int i = 5; i >= 0; i--) {
        cs[i] = Uscc.ALPHABET.charAt((int) (v % 31));
        v /= 31;
      }
      b.append(cs);
    }
    b.append(orgCheck(b, 8));
    b.append(Uscc.checkCharacter(b));
    return b.toString();
  }

  /** GB 11714 check character over the 8 characters at {@code from}. */
  static char orgCheck(CharSequence s, int from) {
    int sum = 0;
    for (int i = 0; i < 8; i++) {
      sum += ORG_CHARS.indexOf(s.charAt(from + i)) * ORG_WEIGHTS[i];
    }
    int c = 11 - sum % 11;
    return c == 10 ? 'X' : c == 11 ? '0' : (char) ('0' + c);
  }

  /**
   * A resident ID of {@code region} for person {@code index} (unique over indices below
   * PERSON_SPACE).
   */
  static String residentId(String region, long index) {
    long v = PERSONS.apply(index);
    LocalDate birth = LocalDate.ofEpochDay(FIRST_BIRTH.toEpochDay() + v / 1000);
    int seq = (int) (v % 1000);
    StringBuilder b = new StringBuilder(18).append(region).append(birth.getYear());
    two(b, birth.getMonthValue());
    two(b, birth.getDayOfMonth());
    if (seq < 100) {
      b.append('0');
    }
    if (seq < 10) {
      b.append('0');
    }
    b.append(seq);
    b.append(ResidentId.checkCharacter(b));
    return b.toString();
  }

  /** The birth date in the resident ID of person {@code index}. */
  static LocalDate birthOf(long index) {
    return FIRST_BIRTH.plusDays(PERSONS.apply(index) / 1000);
  }

  /** Replaces the check character by a wrong one (for deliberately bad lines). */
  static String breakCheck(String key, String alphabet) {
    char good = key.charAt(17);
    int at = alphabet.indexOf(good);
    return key.substring(0, 17) + alphabet.charAt((at + 1) % alphabet.length());
  }

  private static void two(StringBuilder b, int v) {
    if (v < 10) {
      b.append('0');
    }
    b.append(v);
  }

  /**
   * A bijection of [0, n): an affine map with a multiplier coprime to n (products stay below 2^63).
   */
  record Permutation(long n, long a, long c) {
    static Permutation of(long n, long salt) {
      long a = (Math.abs(salt) % n) | 1;
      while (gcd(a, n) != 1) {
        a += 2;
      }
      return new Permutation(n, a, Math.abs(salt * 31 + 7) % n);
    }

    long apply(long index) {
      if (index < 0 || index >= n) {
        throw new IllegalArgumentException("index " + index + " outside [0, " + n + ")");
      }
      return (a * index + c) % n;
    }
  }

  private static long gcd(long a, long b) {
    while (b != 0) {
      long t = a % b;
      a = b;
      b = t;
    }
    return a;
  }
}
