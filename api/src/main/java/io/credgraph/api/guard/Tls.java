package io.credgraph.api.guard;

import io.credgraph.ValidationException;
import io.credgraph.api.Protections;
import io.javalin.config.JavalinConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * HTTPS from PEM files ({@code serve --tls-cert --tls-key}): Jetty's own TLS connector replaces the
 * plain one, TLS 1.2 and 1.3 only, and every answer carries {@code Strict-Transport-Security} (one
 * year). The files are read and checked at start; a wrong file stops the server with a message that
 * says what to fix.
 */
public final class Tls {
  /** One year, the usual HSTS max-age. */
  public static final long HSTS_SECONDS = 31_536_000;

  private Tls() {}

  /** Where the server listens, known only when it is started. */
  public static final class Listen {
    private volatile String host = "0.0.0.0";
    private volatile int port;

    public void set(String h, int p) {
      host = h;
      port = p;
    }
  }

  /**
   * Reads and checks the PEM files now (before a slow start), with a message that says what to fix.
   */
  public static void check(Protections p) {
    if (p.tls()) {
      keyStore(p.tlsCert().orElseThrow(), p.tlsKey().orElseThrow());
    }
  }

  public static void configure(JavalinConfig cfg, Protections p, Listen listen) {
    if (!p.tls()) {
      return;
    }
    KeyStore store = keyStore(p.tlsCert().orElseThrow(), p.tlsKey().orElseThrow());
    cfg.jetty.addConnector(
        (server, http) -> {
          SslContextFactory.Server ssl = new SslContextFactory.Server();
          ssl.setKeyStore(store);
          ssl.setKeyStorePassword(PASSWORD);
          ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
          HttpConfiguration https = new HttpConfiguration(http);
          SecureRequestCustomizer secure = new SecureRequestCustomizer();
          secure.setSniHostCheck(false); // one certificate: answer whatever name the client used
          secure.setStsMaxAge(HSTS_SECONDS);
          https.addCustomizer(secure);
          ServerConnector c =
              new ServerConnector(
                  server,
                  new SslConnectionFactory(ssl, HttpVersion.HTTP_1_1.asString()),
                  new HttpConnectionFactory(https));
          c.setHost(listen.host);
          c.setPort(listen.port);
          return c;
        });
  }

  private static final String PASSWORD = password();

  private static String password() {
    byte[] b = new byte[16];
    new SecureRandom().nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /** A PKCS#12 store in memory holding the PEM key with its certificate chain. */
  static KeyStore keyStore(Path certFile, Path keyFile) {
    Collection<? extends Certificate> chain;
    try (var in = Files.newInputStream(certFile)) {
      chain = CertificateFactory.getInstance("X.509").generateCertificates(in);
    } catch (IOException e) {
      throw new ValidationException(
          "--tls-cert", "cannot read " + certFile + ": " + e.getMessage());
    } catch (GeneralSecurityException e) {
      throw new ValidationException(
          "--tls-cert", certFile + " is not a PEM certificate chain: " + e.getMessage());
    }
    if (chain.isEmpty()) {
      throw new ValidationException(
          "--tls-cert",
          certFile + " holds no certificate (expected -----BEGIN " + "CERTIFICATE-----)");
    }
    PrivateKey key = privateKey(keyFile);
    try {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      ks.setKeyEntry("credgraph", key, PASSWORD.toCharArray(), chain.toArray(new Certificate[0]));
      return ks;
    } catch (GeneralSecurityException | IOException e) {
      throw new ValidationException(
          "--tls-key",
          "the key in "
              + keyFile
              + " does not go with the certificate in "
              + certFile
              + ": "
              + e.getMessage());
    }
  }

  static PrivateKey privateKey(Path keyFile) {
    String pem;
    try {
      pem = Files.readString(keyFile, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new ValidationException("--tls-key", "cannot read " + keyFile + ": " + e.getMessage());
    }
    if (pem.contains("BEGIN RSA PRIVATE KEY")
        || pem.contains("BEGIN EC PRIVATE KEY")
        || pem.contains("BEGIN ENCRYPTED PRIVATE KEY")) {
      throw new ValidationException(
          "--tls-key",
          keyFile
              + " is not an unencrypted PKCS#8 key; convert it with "
              + "'openssl pkcs8 -topk8 -nocrypt -in "
              + keyFile
              + " -out key.pem'");
    }
    int begin = pem.indexOf("-----BEGIN PRIVATE KEY-----");
    int end = pem.indexOf("-----END PRIVATE KEY-----");
    if (begin < 0 || end < begin) {
      throw new ValidationException(
          "--tls-key",
          keyFile + " holds no PEM private key (expected -----BEGIN PRIVATE " + "KEY-----)");
    }
    byte[] der;
    try {
      der = Base64.getMimeDecoder().decode(pem.substring(begin + 27, end));
    } catch (IllegalArgumentException e) {
      throw new ValidationException("--tls-key", keyFile + ": the key is not valid base64");
    }
    for (String alg : new String[] {"RSA", "EC", "Ed25519", "RSASSA-PSS"}) {
      try {
        return KeyFactory.getInstance(alg).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        // try the next algorithm
      }
    }
    throw new ValidationException(
        "--tls-key", keyFile + " holds a key that is not RSA, EC or Ed25519");
  }
}
