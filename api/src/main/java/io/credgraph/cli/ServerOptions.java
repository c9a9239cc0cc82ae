package io.credgraph.cli;

import io.credgraph.api.ApiConfig;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Options shared by {@code serve} and {@code demo}: where to listen and the request limits. */
final class ServerOptions {
  @Option(
      names = "--host",
      defaultValue = "0.0.0.0",
      description = "interface to listen on (default ${DEFAULT-VALUE})")
  String host;

  @Option(
      names = "--max-body",
      defaultValue = "1m",
      description = "largest JSON request body (default " + "${DEFAULT-VALUE})",
      converter = SizeConverter.class)
  long maxBody;

  @Option(
      names = "--max-batch",
      defaultValue = "1g",
      description = "largest batch upload after decompression " + "(default ${DEFAULT-VALUE})",
      converter = SizeConverter.class)
  long maxBatch;

  @Option(
      names = "--batch-timeout",
      defaultValue = "PT30M",
      description =
          "longest a batch upload may take, ISO-8601 " + "duration (default ${DEFAULT-VALUE})")
  Duration batchTimeout;

  @Option(
      names = "--cache-size",
      defaultValue = "200000",
      description = "entries of each check cache, 0 to disable " + "(default ${DEFAULT-VALUE})")
  long cacheSize;

  @Option(
      names = "--feedback-days",
      defaultValue = "10",
      description =
          "days after a check within which its "
              + "department should report what it did; later it is overdue (default ${DEFAULT-VALUE})")
  int feedbackDays;

  @Option(
      names = "--tls-cert",
      description =
          "PEM certificate chain: serve HTTPS only, with HSTS (with --tls-key). "
              + "Without it the server speaks plain HTTP: run it only behind a TLS proxy")
  java.nio.file.Path tlsCert;

  @Option(names = "--tls-key", description = "PEM private key (unencrypted PKCS#8) of --tls-cert")
  java.nio.file.Path tlsKey;

  @Option(
      names = "--lists-earliest",
      defaultValue = "2014-01-01",
      description =
          "earliest asOf the public lists "
              + "answer; earlier days and days after today (China Standard Time) get 400 (default ${DEFAULT-VALUE})")
  java.time.LocalDate listsEarliest;

  @Option(
      names = "--rate-anonymous",
      defaultValue = "10",
      description =
          "requests per second per anonymous client "
              + "address, 0 for no limit; beyond it 429 with Retry-After (default ${DEFAULT-VALUE})")
  double rateAnonymous;

  @Option(
      names = "--rate-anonymous-burst",
      defaultValue = "50",
      description =
          "requests an anonymous address may " + "send at once (default ${DEFAULT-VALUE})")
  long rateAnonymousBurst;

  @Option(
      names = "--rate-key",
      defaultValue = "1000",
      description =
          "requests per second per API key, 0 for no "
              + "limit (default ${DEFAULT-VALUE}); /health is never limited")
  double rateKey;

  @Option(
      names = "--alert-distinct-persons",
      defaultValue = "1000",
      description =
          "distinct persons one key may "
              + "check in a day before an ALERT entry goes to the audit log and the log, 0 to disable (default "
              + "${DEFAULT-VALUE})")
  int alertDistinctPersons;

  @Option(
      names = "--slow-request-ms",
      defaultValue = "1000",
      description =
          "log every request that takes at least this many "
              + "milliseconds, from its arrival to its answer, with its route, status and caller (0 logs none; default "
              + "${DEFAULT-VALUE})")
  long slowRequestMs;

  io.credgraph.api.Protections protections() {
    return new io.credgraph.api.Protections(
        listsEarliest,
        rateAnonymous,
        rateAnonymousBurst,
        rateKey,
        alertDistinctPersons,
        java.util.Optional.ofNullable(tlsCert),
        java.util.Optional.ofNullable(tlsKey));
  }

  ApiConfig apply(ApiConfig base) {
    return base.withLimits(maxBody, maxBatch, batchTimeout)
        .withCacheSize(cacheSize)
        .withFeedbackDays(feedbackDays)
        .withSlowRequest(Duration.ofMillis(slowRequestMs));
  }

  /** Sizes like {@code 512k}, {@code 64m}, {@code 2g} or a number of bytes. */
  static final class SizeConverter implements picocli.CommandLine.ITypeConverter<Long> {
    @Override
    public Long convert(String text) {
      String t = text.strip().toLowerCase(java.util.Locale.ROOT);
      long unit =
          switch (t.isEmpty() ? ' ' : t.charAt(t.length() - 1)) {
            case 'k' -> 1L << 10;
            case 'm' -> 1L << 20;
            case 'g' -> 1L << 30;
            default -> 1;
          };
      String digits = unit == 1 ? t : t.substring(0, t.length() - 1);
      try {
        return Math.multiplyExact(Long.parseLong(digits.strip()), unit);
      } catch (NumberFormatException | ArithmeticException e) {
        throw new picocli.CommandLine.TypeConversionException(
            "'" + text + "' is not a size: a number with k, m or g (e.g. 64m)");
      }
    }
  }
}
