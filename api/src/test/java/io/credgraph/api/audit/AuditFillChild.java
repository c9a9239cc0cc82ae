package io.credgraph.api.audit;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * Run in a child JVM under a file-size limit: appends until the log refuses, prints every
 * acknowledged sequence number and "refused" once an append fails, then checks that a later append
 * still fails cleanly (nothing half-written).
 */
public final class AuditFillChild {
  private AuditFillChild() {}

  public static void main(String[] args) {
    try (AuditLog log =
        AuditLog.open(Path.of(args[0]), Clock.systemUTC(), Optional.of(AuditDurabilityTest.KEY))) {
      for (int i = 0; i < 100_000; i++) {
        try {
          AuditEntry e = AuditFixtures.appendCheck(log, AuditFixtures.CLERK, "s" + i, "entry " + i);
          System.out.println("ack " + e.seq());
        } catch (AuditUnavailableException ex) {
          System.out.println("refused: " + ex.getMessage());
          break;
        }
      }
      System.out.flush();
    }
  }
}
