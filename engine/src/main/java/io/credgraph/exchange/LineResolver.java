package io.credgraph.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import io.credgraph.ValidationException;
import io.credgraph.model.Provenance;
import io.credgraph.model.SubjectKey;
import io.credgraph.store.PendingFact;
import io.credgraph.store.WriteOp;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Turns one line of a batch into write operations of the chunk being built: a line over the length
 * limit or that does not validate is a rejection, a blank line is counted, a fact that awaits a
 * subject is stored as a pending fact, and a subject that facts awaited applies them (in delivery
 * order, in the same chunk). Everything a line finds goes to the {@link ChunkState}, published only
 * once the chunk commits.
 */
final class LineResolver {
  private final LineParser parser;
  private final LoadContext ctx;
  private final ChunkState chunk;
  private final KnownFacts known;
  private final FactRules rules;
  private final String name;
  private final String hash;
  private final String dept;
  private final int maxLineBytes;

  LineResolver(
      LineParser parser,
      LoadContext ctx,
      ChunkState chunk,
      KnownFacts known,
      String name,
      String hash,
      String dept,
      int maxLineBytes) {
    this.parser = parser;
    this.ctx = ctx;
    this.chunk = chunk;
    this.known = known;
    this.rules = new FactRules(ctx, chunk, known);
    this.name = name;
    this.hash = hash;
    this.dept = dept;
    this.maxLineBytes = maxLineBytes;
  }

  /**
   * One line of the batch: its first {@code length} bytes, or null bytes for a line of {@code
   * fullLength} bytes over the limit.
   */
  void handle(long no, byte[] bytes, int length, long fullLength) {
    if (bytes == null) {
      chunk.reject(
          new Rejection(
              name,
              no,
              LineParser.LINE,
              "the line has "
                  + fullLength
                  + " bytes, more than the limit of "
                  + maxLineBytes
                  + " bytes; split the record or raise "
                  + "--max-line-bytes"));
      return;
    }
    if (isBlank(bytes, length)) {
      chunk.blank();
      return;
    }
    try {
      JsonNode node = parser.read(bytes, length);
      ParsedLine p = parser.parse(node, name, hash, no, dept);
      boolean applied =
          apply(p, hash + "#" + no, () -> new String(bytes, 0, length, StandardCharsets.UTF_8));
      if (applied) {
        chunk.accepted();
      } else {
        chunk.pendingLine();
      }
    } catch (ValidationException e) {
      reject(name, no, e);
    }
  }

  private static boolean isBlank(byte[] b, int length) {
    for (int i = 0; i < length; i++) {
      if (b[i] != ' ' && b[i] != '\t' && b[i] != '\r') {
        return false;
      }
    }
    return true;
  }

  private void reject(String file, long line, ValidationException e) {
    chunk.reject(new Rejection(file, line, e.field().orElse(LineParser.LINE), e.getMessage()));
  }

  /** Applies a fact; false when it was stored as a pending fact instead. */
  private boolean apply(ParsedLine p, String factId, Supplier<String> rawLine) {
    Optional<FactRules.Awaits> awaits;
    if (p instanceof ParsedLine.SubjectLine s) {
      rules.subject(s.subject());
      if (ctx.awaited.contains(s.subject().key().canonical())) {
        resolve(s.subject().key());
      }
      return true;
    } else if (p instanceof ParsedLine.RelationLine r) {
      awaits = rules.relation(r.relation());
    } else if (p instanceof ParsedLine.RecordLine r) {
      awaits = rules.record(r.record());
    } else if (p instanceof ParsedLine.StatusLine s) {
      awaits = rules.status(s);
    } else if (p instanceof ParsedLine.EndLine e) {
      awaits = rules.end(e.end());
    } else {
      throw new IllegalStateException("unexpected line " + p.getClass());
    }
    awaits.ifPresent(a -> pend(a.provenance(), a.key(), factId, rawLine));
    return awaits.isEmpty();
  }

  private void pend(Provenance p, SubjectKey awaited, String factId, Supplier<String> rawLine) {
    PendingFact f = new PendingFact(factId, awaited, rawLine.get(), p);
    String c = awaited.canonical();
    chunk.pend(f, c, new WriteOp.PutPending(f));
    ctx.awaited.add(c);
  }

  /**
   * Applies, in delivery order, every fact that waited for {@code key}, which this chunk has just
   * delivered.
   */
  private void resolve(SubjectKey key) {
    String c = key.canonical();
    ctx.awaited.remove(c);
    List<PendingFact> facts = new ArrayList<>();
    for (PendingFact f : known.committedPending(key)) {
      if (!chunk.holdsFact(f.id())) {
        facts.add(f);
      }
    }
    facts.addAll(chunk.takeAwaiting(c));
    facts.sort(
        Comparator.<PendingFact>comparingInt(f -> ctx.batchOrder(f.provenance().batchHash()))
            .thenComparingLong(f -> f.provenance().line())
            .thenComparing(PendingFact::id));
    for (PendingFact f : facts) {
      chunk.factApplied(f);
      Provenance p = f.provenance();
      try {
        ParsedLine q =
            parser.parse(parser.read(f.line()), p.batch(), p.batchHash(), p.line(), p.department());
        if (apply(q, f.id(), f::line)) {
          chunk.resolved();
        }
      } catch (ValidationException e) {
        reject(p.batch(), p.line(), e);
      }
    }
  }
}
