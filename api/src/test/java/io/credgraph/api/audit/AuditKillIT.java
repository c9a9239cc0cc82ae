package io.credgraph.api.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 during group commit loses no acknowledged entry, and the log opens again with its chain
 * intact.
 */
class AuditKillIT {
  @TempDir Path dir;

  @Test
  void killMinus9DuringGroupCommitLosesNoAcknowledgedEntry() throws Exception {
    Map<Long, String> acknowledged = new HashMap<>();
    for (int round = 0; round < 2; round++) {
      Process p =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-Xmx128m",
                  "-cp",
                  System.getProperty("java.class.path"),
                  AuditKillChild.class.getName(),
                  dir.toString())
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      int seen = 0;
      try (BufferedReader r =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          String[] f = line.split(" ");
          if (f.length == 3 && f[0].equals("ack")) {
            acknowledged.put(Long.parseLong(f[1]), f[2]);
            if (++seen == 1500) {
              p.toHandle()
                  .destroyForcibly(); // SIGKILL while the writers are mid-group (streams stay open)
            }
          }
        }
      } finally {
        p.destroyForcibly();
      }
      assertTrue(p.waitFor(30, TimeUnit.SECONDS));
      assertTrue(seen >= 1500, "the child acknowledged " + seen + " entries");
    }
    try (AuditLog log =
        AuditLog.open(dir, java.time.Clock.systemUTC(), Optional.of(AuditDurabilityTest.KEY))) {
      Map<Long, String> found = new HashMap<>();
      long after = 0;
      while (true) {
        AuditLog.Result page =
            log.query(
                new AuditQuery(
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    after,
                    AuditQuery.MAX_LIMIT));
        page.entries().forEach(e -> found.put(e.seq(), e.outcome()));
        if (!page.more()) {
          break;
        }
        after = page.entries().get(page.entries().size() - 1).seq();
      }
      for (Map.Entry<Long, String> a : acknowledged.entrySet()) {
        assertEquals(
            a.getValue(),
            found.get(a.getKey()),
            "acknowledged entry " + a.getKey() + " is in the log");
      }
      assertTrue(found.size() >= acknowledged.size());
    }
    AuditLog.verify(dir.resolve(AuditLog.FILE_NAME), Optional.of(AuditDurabilityTest.KEY));
  }
}
