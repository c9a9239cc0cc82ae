package io.credgraph.api.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.credgraph.api.auth.Caller;
import io.credgraph.api.auth.Role;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Group commit, a full disk and a cut last line. */
class AuditDurabilityTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T02:00:00Z"), ZoneOffset.UTC);
  static final Caller CLERK = Caller.of("clerk", Role.REGISTRY);
  static final AuditKey KEY = AuditKey.of("k".repeat(20) + "0123456789abcdef", "test");

  @TempDir Path dir;

  @Test
  void concurrentAppendsAreGroupedAndKeepTheChain() throws Exception {
    int writers = 16;
    int each = 200;
    List<Long> acknowledged = Collections.synchronizedList(new ArrayList<>());
    long groups;
    try (AuditLog log = AuditLog.open(dir, CLOCK, Optional.of(KEY))) {
      ExecutorService pool = Executors.newFixedThreadPool(writers);
      List<Future<?>> fs = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int id = w;
        fs.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < each; i++) {
                    AuditEntry e =
                        log.append(
                            CLERK,
                            "POST",
                            "/api/v1/checks/sanctions",
                            "/api/v1/checks/sanctions",
                            List.of("s" + id),
                            200,
                            "writer " + id + " entry " + i);
                    acknowledged.add(e.seq());
                  }
                }));
      }
      for (Future<?> f : fs) {
        f.get(60, TimeUnit.SECONDS);
      }
      pool.shutdown();
      groups = log.groups();
      assertEquals(writers * each, log.size());
    }
    assertEquals(
        writers * each,
        new HashSet<>(acknowledged).size(),
        "every append got its own sequence number");
    assertTrue(groups < writers * each, "concurrent appends share fsyncs: " + groups + " groups");
    assertEquals(
        writers * each,
        AuditLog.verify(dir.resolve(AuditLog.FILE_NAME), Optional.of(KEY)).entries());
  }

  @Test
  void anIncompleteLastLineIsCutSavedAndReportedAtStart() throws Exception {
    try (AuditLog log = AuditLog.open(dir, CLOCK, Optional.of(KEY))) {
      log.append(CLERK, "GET", "/r", "/r", List.of("s1"), 200, "one");
      log.append(CLERK, "GET", "/r", "/r", List.of("s2"), 200, "two");
    }
    Path file = dir.resolve(AuditLog.FILE_NAME);
    String whole = Files.readString(file);
    String partial = "{\"seq\":3,\"at\":\"2025-06-01T02:00:00Z\",\"who\":\"cl";
    Files.writeString(file, partial, java.nio.file.StandardOpenOption.APPEND);
    AuditChainException strict =
        assertThrows(AuditChainException.class, () -> AuditLog.verify(file, Optional.of(KEY)));
    assertEquals(3, strict.line());
    try (AuditLog log = AuditLog.open(dir, CLOCK, Optional.of(KEY))) {
      AuditLog.Repair r = log.repaired().orElseThrow();
      assertEquals(partial.length(), r.bytes());
      assertEquals(partial, Files.readString(r.savedTo()));
      assertEquals(whole, Files.readString(file));
      assertEquals(2, log.size());
      assertEquals(3, log.append(CLERK, "GET", "/r", "/r", List.of("s3"), 200, "three").seq());
    }
    assertEquals(3, AuditLog.verify(file, Optional.of(KEY)).entries());
  }

  @Test
  void aFullDiskFailsTheAppendAndWritesNothingHalfWay() throws Exception {
    Path full = Path.of("/dev/full");
    Assumptions.assumeTrue(Files.isWritable(full), "/dev/full is needed");
    Files.createSymbolicLink(dir.resolve(AuditLog.FILE_NAME), full);
    try (AuditLog log = AuditLog.open(dir, CLOCK, Optional.of(KEY))) {
      AuditUnavailableException e =
          assertThrows(
              AuditUnavailableException.class,
              () -> AuditFixtures.appendCheck(log, CLERK, "s1", "eligible=true"));
      assertTrue(e.getMessage().contains("No space left"), e.getMessage());
      assertEquals(0, log.size());
      assertTrue(
          !log.hasChecked("clerk", "s1"),
          "a check that was not audited gives no sight of the subject");
      assertThrows(
          AuditUnavailableException.class,
          () -> log.append(CLERK, "GET", "/r", "/r", List.of("s2"), 200, "again"));
    }
  }

  @Test
  void aFailedGroupIsCutBackAndTheChainContinuesFromTheLastDurableLine() throws Exception {
    // a file-size limit in a child process: the JVM ignores SIGXFSZ, so a write past the limit
    // fails with EFBIG
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "bash is needed");
    Path out = dir.resolve("child.out");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                "/bin/bash",
                "-c",
                "ulimit -f 8; exec \"$0\" -cp \"$1\" " + AuditFillChild.class.getName() + " \"$2\"",
                java,
                System.getProperty("java.class.path"),
                dir.toString())
            .redirectErrorStream(true)
            .redirectOutput(out.toFile())
            .start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the child ended");
    String said = Files.readString(out, StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), said);
    assertTrue(said.contains("refused"), said);
    Set<Long> acknowledged = new HashSet<>();
    for (String line : said.split("\n")) {
      if (line.startsWith("ack ")) {
        acknowledged.add(Long.parseLong(line.substring(4).strip()));
      }
    }
    AuditLog.Verification v = AuditLog.verify(dir.resolve(AuditLog.FILE_NAME), Optional.of(KEY));
    assertEquals(acknowledged.size(), v.entries(), said);
    assertTrue(Files.size(dir.resolve(AuditLog.FILE_NAME)) <= 8 * 1024);
  }
}
