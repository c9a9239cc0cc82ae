package io.credgraph.api.loop;

import java.security.SecureRandom;

/**
 * Opaque random ids: {@code chk-} for checks, {@code app-} for applications, then 16 base-32
 * characters.
 */
public final class Ids {
  private static final String ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {}

  public static String check() {
    return "chk-" + random();
  }

  public static String application() {
    return "app-" + random();
  }

  private static String random() {
    StringBuilder b = new StringBuilder(16);
    for (int i = 0; i < 16; i++) {
      b.append(ALPHABET.charAt(RANDOM.nextInt(32)));
    }
    return b.toString();
  }
}
