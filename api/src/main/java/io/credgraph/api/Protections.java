package io.credgraph.api;

import io.credgraph.ValidationException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;

/**
 * How the API defends itself against enumeration and floods (issue #13), and how it speaks TLS.
 *
 * @param listsEarliest the earliest {@code asOf} the public lists answer (earlier days are refused
 *     with 400)
 * @param anonymousPerSecond requests per second refilled for each anonymous client address (0
 *     disables the limit)
 * @param anonymousBurst requests an anonymous address may send at once
 * @param keyPerSecond requests per second refilled for each API key (0 disables the limit); burst
 *     is one second's
 * @param distinctPersonsAlert distinct persons one key may look at in a day (China Standard Time)
 *     before an ADMIN alert is raised (0 disables it)
 * @param tlsCert PEM certificate chain; with {@code tlsKey}, the server speaks HTTPS only and sends
 *     HSTS
 * @param tlsKey PEM private key (PKCS#8, unencrypted) of {@code tlsCert}
 */
public record Protections(
    LocalDate listsEarliest,
    double anonymousPerSecond,
    long anonymousBurst,
    double keyPerSecond,
    int distinctPersonsAlert,
    Optional<Path> tlsCert,
    Optional<Path> tlsKey) {
  public static final LocalDate DEFAULT_LISTS_EARLIEST = LocalDate.of(2014, 1, 1);
  public static final double DEFAULT_ANONYMOUS_RATE = 10;
  public static final long DEFAULT_ANONYMOUS_BURST = 50;
  public static final double DEFAULT_KEY_RATE = 1000;
  public static final int DEFAULT_DISTINCT_PERSONS_ALERT = 1000;

  public Protections {
    if (listsEarliest == null) {
      listsEarliest = DEFAULT_LISTS_EARLIEST;
    }
    if (anonymousPerSecond < 0 || keyPerSecond < 0) {
      throw new ValidationException("rate", "a rate limit must not be negative (0 turns it off)");
    }
    if (anonymousPerSecond > 0 && anonymousBurst < 1) {
      throw new ValidationException(
          "anonymousBurst", "the anonymous burst must be at least 1, not " + anonymousBurst);
    }
    if (distinctPersonsAlert < 0) {
      throw new ValidationException(
          "distinctPersonsAlert", "the alert threshold must not be negative");
    }
    tlsCert = tlsCert == null ? Optional.empty() : tlsCert;
    tlsKey = tlsKey == null ? Optional.empty() : tlsKey;
    if (tlsCert.isPresent() != tlsKey.isPresent()) {
      throw new ValidationException(
          "tls", "--tls-cert and --tls-key go together: give both PEM files or neither");
    }
  }

  public static Protections defaults() {
    return new Protections(
        DEFAULT_LISTS_EARLIEST,
        DEFAULT_ANONYMOUS_RATE,
        DEFAULT_ANONYMOUS_BURST,
        DEFAULT_KEY_RATE,
        DEFAULT_DISTINCT_PERSONS_ALERT,
        Optional.empty(),
        Optional.empty());
  }

  /** No rate limits (tests that send many requests quickly). */
  public Protections withoutRateLimits() {
    return new Protections(
        listsEarliest, 0, anonymousBurst, 0, distinctPersonsAlert, tlsCert, tlsKey);
  }

  public Protections withRates(double anonymous, long burst, double perKey) {
    return new Protections(
        listsEarliest, anonymous, burst, perKey, distinctPersonsAlert, tlsCert, tlsKey);
  }

  public Protections withDistinctPersonsAlert(int n) {
    return new Protections(
        listsEarliest, anonymousPerSecond, anonymousBurst, keyPerSecond, n, tlsCert, tlsKey);
  }

  public Protections withTls(Path cert, Path key) {
    return new Protections(
        listsEarliest,
        anonymousPerSecond,
        anonymousBurst,
        keyPerSecond,
        distinctPersonsAlert,
        Optional.ofNullable(cert),
        Optional.ofNullable(key));
  }

  public boolean tls() {
    return tlsCert.isPresent();
  }
}
