package io.credgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
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
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
  static final Pattern LISTENING =
      Pattern.compile("started in (\\d+) ms, listening on (https?)://[^:]+:(\\d+)");

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

  record Server(Process process, List<String> out, String scheme, int port) {}

  static Server serve(Path data, String... tls) throws Exception {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                ServeCommandIT.javaBin(),
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "serve",
                "--port",
                "0",
                "--host",
                "127.0.0.1",
                "--data",
                data.toString()));
    args.addAll(List.of(tls));
    ProcessBuilder pb = new ProcessBuilder(args);
    pb.environment().put("CREDGRAPH_API_KEYS", "clerk-key-1234567890-1234567890-12:REGISTRY");
    pb.environment()
        .put(
            "CREDGRAPH_AUDIT_KEY", "serve-tls-audit-key-0123456789abcdef0123"); // a keyed audit log
    pb.redirectErrorStream(true);
    Process p = pb.start();
    List<String> out = new CopyOnWriteArrayList<>();
    CompletableFuture<Matcher> listening = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  out.add(line);
                  Matcher m = LISTENING.matcher(line);
                  if (m.find()) {
                    listening.complete(m);
                  }
                }
              } catch (java.io.IOException e) {
                out.add("(output closed: " + e.getMessage() + ")");
              }
              listening.complete(null);
            });
    reader.setDaemon(true);
    reader.start();
    Matcher m = listening.get(180, TimeUnit.SECONDS);
    if (m == null) {
      p.waitFor(30, TimeUnit.SECONDS);
      return new Server(p, out, null, -1);
    }
    return new Server(p, out, m.group(2), Integer.parseInt(m.group(3)));
  }

  @Test
  void servesHttpsWithHstsAndRefusesPlainHttp(@TempDir Path dir) throws Exception {
    Path cert = dir.resolve("cert.pem");
    Path key = dir.resolve("key.pem");
    KeyStore trust = selfSigned(dir, cert, key);
    Server s =
        serve(dir.resolve("data"), "--tls-cert", cert.toString(), "--tls-key", key.toString());
    try {
      assertEquals("https", s.scheme(), String.join("\n", s.out()));
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
    } finally {
      s.process().destroy();
      s.process().waitFor(60, TimeUnit.SECONDS);
      s.process().destroyForcibly();
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
    Server s =
        serve(dir.resolve("data"), "--tls-cert", cert.toString(), "--tls-key", rsa.toString());
    try {
      assertEquals(-1, s.port(), "it must not start: " + String.join("\n", s.out()));
      String all = String.join("\n", s.out());
      assertTrue(all.contains("openssl pkcs8 -topk8 -nocrypt"), all);
    } finally {
      s.process().destroyForcibly();
    }
  }
}
