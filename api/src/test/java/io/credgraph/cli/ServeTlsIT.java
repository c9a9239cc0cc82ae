package io.credgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code credgraph serve --tls-cert --tls-key} as a separate process, with a self-signed
 * certificate made for the test (keytool, then written out as PEM): it announces https, answers
 * over TLS with Strict-Transport-Security on every answer (errors included), and refuses plain HTTP
 * on its port; a key file that is not PKCS#8 stops it with a message that says how to convert it.
 */
class ServeTlsIT {
  /**
   * A self-signed EC certificate for localhost and 127.0.0.1, as PEM files; the key store for the
   * client.
   */
  static KeyStore selfSigned(Path dir, Path cert, Path key) throws Exception {
    Path p12 = dir.resolve("tls.p12");
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "server",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-validity",
                "2",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=dns:localhost,ip:127.0.0.1",
                "-keystore",
                p12.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                "changeit",
                "-keypass",
                "changeit")
            .redirectErrorStream(true)
            .start();
    String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0, output);
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (var in = Files.newInputStream(p12)) {
      ks.load(in, "changeit".toCharArray());
    }
    Base64.Encoder b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
    Certificate c = ks.getCertificate("server");
    Files.writeString(
        cert,
        "-----BEGIN CERTIFICATE-----\n"
            + b64.encodeToString(c.getEncoded())
            + "\n-----END CERTIFICATE-----\n");
    Files.writeString(
        key,
        "-----BEGIN PRIVATE KEY-----\n"
            + b64.encodeToString(ks.getKey("server", "changeit".toCharArray()).getEncoded())
            + "\n-----END PRIVATE KEY-----\n");
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("server", c);
    return trust;
  }

  static ServeProcess serve(Path data, String... tls) throws Exception {
    ServeProcess s =
        ServeProcess.start(
            data,
            "clerk-key-1234567890-1234567890-12:REGISTRY",
            "serve-tls-audit-key-0123456789abcdef0123", // a keyed audit log
            tls);
    s.awaitListening(Duration.ofSeconds(180));
    return s;
  }

  @Test
  void servesHttpsWithHstsAndRefusesPlainHttp(@TempDir Path dir) throws Exception {
    Path cert = dir.resolve("cert.pem");
    Path key = dir.resolve("key.pem");
    KeyStore trust = selfSigned(dir, cert, key);
    try (ServeProcess s =
        serve(dir.resolve("data"), "--tls-cert", cert.toString(), "--tls-key", key.toString())) {
      assertEquals("https", s.scheme(), s.output());
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      SSLContext ssl = SSLContext.getInstance("TLS");
      ssl.init(null, tmf.getTrustManagers(), null);
      HttpClient https =
          HttpClient.newBuilder().sslContext(ssl).connectTimeout(Duration.ofSeconds(10)).build();
      HttpResponse<String> health =
          https.send(
              HttpRequest.newBuilder(URI.create("https://localhost:" + s.port() + "/health"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, health.statusCode(), health.body());
      assertEquals(
          "max-age=31536000", health.headers().firstValue("Strict-Transport-Security").orElse(""));
      HttpResponse<String> check =
          https.send(
              HttpRequest.newBuilder(
                      URI.create("https://localhost:" + s.port() + "/api/v1/checks/appointment"))
                  .header("Authorization", "Bearer clerk-key-1234567890-1234567890-12")
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"person\":{\"idNumber\":\"11010519491231002X\"},\"role\":\"DIRECTOR\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, check.statusCode(), check.body());
      HttpResponse<String> missing =
          https.send(
              HttpRequest.newBuilder(URI.create("https://localhost:" + s.port() + "/nothing-here"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(404, missing.statusCode());
      assertTrue(
          missing.headers().firstValue("Strict-Transport-Security").isPresent(),
          "HSTS on errors too");
      HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
      HttpRequest http =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + "/health"))
              .timeout(Duration.ofSeconds(20))
              .build();
      try {
        HttpResponse<String> r = plain.send(http, HttpResponse.BodyHandlers.ofString());
        assertTrue(
            r.statusCode() >= 400, "plain HTTP is not served: " + r.statusCode() + " " + r.body());
      } catch (java.io.IOException refused) {
        // the TLS connector drops a connection that does not start with a TLS handshake
      }
    }
  }

  @Test
  void aKeyThatIsNotPkcs8StopsTheServerWithAMessage(@TempDir Path dir) throws Exception {
    Path cert = dir.resolve("cert.pem");
    Path key = dir.resolve("key.pem");
    selfSigned(dir, cert, key);
    Path rsa = dir.resolve("rsa.pem");
    Files.writeString(
        rsa, "-----BEGIN RSA PRIVATE KEY-----\nMIIBOgIBAAJBAK\n-----END RSA PRIVATE KEY-----\n");
    try (ServeProcess s =
        serve(dir.resolve("data"), "--tls-cert", cert.toString(), "--tls-key", rsa.toString())) {
      assertEquals(-1, s.port(), "it must not start: " + s.output());
      String all = s.output();
      assertTrue(all.contains("openssl pkcs8 -topk8 -nocrypt"), all);
    }
  }
}
