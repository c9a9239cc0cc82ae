package io.credgraph.api.audit;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * Run in a child JVM that the test kills with SIGKILL: writers append for ever and print "ack SEQ
 * OUTCOME" for every append that returned (that is, every acknowledged entry), flushed at once.
 */
public final class AuditKillChild {
  private AuditKillChild() {}

  public static void main(String[] args) {
    PrintStream out = System.out;
    AuditLog log =
        AuditLog.open(Path.of(args[0]), Clock.systemUTC(), Optional.of(AuditDurabilityTest.KEY));
    for (int t = 0; t < 8; t++) {
      int id = t;
      Thread th =
          new Thread(
              () -> {
                for (long i = 0; ; i++) {
                  String outcome = "w" + id + "-" + i;
                  AuditEntry e =
                      AuditFixtures.appendCheck(log, AuditFixtures.CLERK, "s" + id, outcome);
                  synchronized (out) {
                    out.println("ack " + e.seq() + " " + outcome);
                    out.flush();
                  }
                }
              });
      th.start();
    }
  }
}
