package io.credgraph.api.audit;

import io.credgraph.api.auth.Caller;
import io.credgraph.api.auth.Role;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Run in a child JVM under a file-size limit: appends until the log refuses, prints every
 * acknowledged sequence number and "refused" once an append fails, then checks that a later append
 * still fails cleanly (nothing half-written).
 */
public final class AuditFillChild {
  private AuditFillChild() {}

  public static void main(String[] args) {
    Caller clerk = Caller.of("clerk", Role.REGISTRY);
    try (AuditLog log =
        AuditLog.open(Path.of(args[0]), Clock.systemUTC(), Optional.of(AuditDurabilityTest.KEY))) {
      for (int i = 0; i < 100_000; i++) {
        try {
          AuditEntry e =
              log.append(
                  clerk,
                  "POST",
                  "/api/v1/checks/appointment",
                  "/api/v1/checks/appointment",
                  List.of("s" + i),
                  200,
                  "entry " + i);
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
