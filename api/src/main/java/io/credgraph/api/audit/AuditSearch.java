package io.credgraph.api.audit;

import io.credgraph.CredgraphException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Answers {@link AuditQuery}s by scanning the durable part of the file, oldest first. */
final class AuditSearch {
  private final AuditFile file;
  private final AuditLines lines = new AuditLines();

  AuditSearch(AuditFile file) {
    this.file = file;
  }

  /** The entries matching {@code q} among the first {@code durableBytes} bytes. */
  AuditLog.Result query(AuditQuery q, long durableBytes) {
    List<AuditEntry> out = new ArrayList<>();
    boolean more = false;
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(file.read(durableBytes), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        AuditEntry e = lines.decode(line);
        if (q.matches(e)) {
          if (out.size() == q.limit()) {
            more = true;
            break;
          }
          out.add(e);
        }
      }
    } catch (java.nio.file.NoSuchFileException e) {
      // an empty log that was never written
    } catch (IOException e) {
      throw new CredgraphException(
          "cannot read the audit log " + file.path() + ": " + e.getMessage(), e);
    }
    return new AuditLog.Result(List.copyOf(out), more);
  }
}
