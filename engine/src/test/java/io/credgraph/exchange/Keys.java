package io.credgraph.exchange;

import io.credgraph.model.ResidentId;
import io.credgraph.model.Uscc;

/** Valid keys for test batches: the n-th USCC and resident ID number, check characters computed. */
public final class Keys {
  private Keys() {}

  /** A valid USCC of Zhongshan (4420) numbered {@code n}. */
  public static String uscc(long n) {
    String body = "9144200" + String.format("%010d", n);
    return body + Uscc.checkCharacter(body);
  }

  /** A valid resident ID number of someone born in 1980, numbered {@code n} (0..364,999). */
  public static String person(long n) {
    java.time.LocalDate birth = java.time.LocalDate.of(1960, 1, 1).plusDays(n / 1000 % 10_000);
    String body = "442000" + birth.toString().replace("-", "") + String.format("%03d", n % 1000);
    return body + ResidentId.checkCharacter(body);
  }

  /** {@code uscc} with a wrong check character. */
  public static String badCheck(String key) {
    char last = key.charAt(key.length() - 1);
    char other = last == '1' ? '2' : '1';
    return key.substring(0, key.length() - 1) + other;
  }
}
