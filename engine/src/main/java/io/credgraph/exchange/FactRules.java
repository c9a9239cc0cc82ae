package io.credgraph.exchange;

import io.credgraph.ValidationException;
import io.credgraph.model.CreditRecord;
import io.credgraph.model.Provenance;
import io.credgraph.model.Relation;
import io.credgraph.model.RelationType;
import io.credgraph.model.Subject;
import io.credgraph.model.SubjectKey;
import io.credgraph.model.SubjectKind;
import io.credgraph.store.WriteOp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules of each kind of fact against what is already known ({@link KnownFacts}): a fact that
 * holds adds its write operations to the chunk and returns empty; a fact that needs a subject not
 * yet delivered returns what it awaits (the caller stores it as a pending fact); a fact that
 * contradicts what is stored throws a {@link ValidationException} naming the field at fault.
 */
final class FactRules {
  /** The subject a fact awaits, and the provenance of the line that delivered the fact. */
  record Awaits(Provenance provenance, SubjectKey key) {}

  private final LoadContext ctx;
  private final ChunkState chunk;
  private final KnownFacts known;

  FactRules(LoadContext ctx, ChunkState chunk, KnownFacts known) {
    this.ctx = ctx;
    this.chunk = chunk;
    this.known = known;
  }

  /**
   * A subject: stored as delivered, merged over the stored one (a delivered field replaces the
   * stored one, provenance accumulates); a new name keeps every name in {@link NameVariants} and is
   * a conflict.
   */
  void subject(Subject s) {
    String c = s.key().canonical();
    Subject existing = known.subject(s.key());
    Subject put = s;
    Subject view = s;
    if (existing != null) {
      if (existing.kind() != s.kind()) {
        throw new ValidationException(
            "kind",
            "subject "
                + s.key().masked()
                + " is stored as "
                + existing.kind()
                + ", this line says "
                + s.kind()
                + " (a subject's kind does not change)");
      }
      Map<String, String> attrs = new HashMap<>(s.attributes());
      if (!existing.name().equals(s.name())) {
        List<NameVariants.Variant> variants = NameVariants.merge(existing, s);
        attrs.put(NameVariants.ATTRIBUTE, NameVariants.encode(variants));
        Provenance in = s.provenance().get(0);
        chunk.conflict(
            new Conflict(
                Conflict.Kind.NAME,
                s.key().masked(),
                "",
                "delivered as '"
                    + s.name()
                    + "' by "
                    + in.department()
                    + " "
                    + in.batch()
                    + ":"
                    + in.line()
                    + ", stored as '"
                    + existing.name()
                    + "'",
                variants.stream().map(NameVariants.Variant::source).toList()));
        put = withAttributes(s, attrs);
      }
      view = merged(existing, s, attrs);
    }
    chunk.add(new WriteOp.PutSubject(put));
    chunk.subject(c, view);
    ctx.kind(c, s.kind());
  }

  /** The subject as the store will hold it once {@code s} is written over {@code existing}. */
  private static Subject merged(Subject existing, Subject s, Map<String, String> attrs) {
    Map<String, String> viewAttrs = new HashMap<>(existing.attributes());
    viewAttrs.putAll(attrs);
    List<Provenance> prov = new ArrayList<>(existing.provenance());
    prov.addAll(s.provenance());
    return new Subject(
        existing.id(),
        s.kind(),
        s.key(),
        s.name(),
        s.legalForm().or(existing::legalForm),
        s.status().or(existing::status),
        s.registeredOn().or(existing::registeredOn),
        s.district().or(existing::district),
        s.industry().or(existing::industry),
        viewAttrs,
        prov);
  }

  private static Subject withAttributes(Subject s, Map<String, String> attrs) {
    return new Subject(
        s.id(),
        s.kind(),
        s.key(),
        s.name(),
        s.legalForm(),
        s.status(),
        s.registeredOn(),
        s.district(),
        s.industry(),
        attrs,
        s.provenance());
  }

  Optional<Awaits> relation(Relation r) {
    SubjectKind from = known.kindOf(r.from());
    SubjectKind to = known.kindOf(r.to());
    if (from == null || to == null) {
      return Optional.of(new Awaits(r.provenance().get(0), from == null ? r.from() : r.to()));
    }
    requireKinds(r.type(), from, to);
    chunk.add(new WriteOp.PutRelation(r));
    chunk.relationPut(KnownFacts.relKey(r.type(), r.from(), r.to()), r.since());
    if (r.type() == RelationType.LEGAL_REP || r.type() == RelationType.SHAREHOLDER) {
      chunk.touched(r.to());
      ctx.relationStored(
          r.to().canonical(), r.type() == RelationType.LEGAL_REP, r.ratio().orElse(0));
    }
    return Optional.empty();
  }

  private static void requireKinds(RelationType type, SubjectKind from, SubjectKind to) {
    if (!type.fromKinds().contains(from)) {
      throw new ValidationException(
          "from", type + " goes from " + type.fromKinds() + ", but from is a " + from);
    }
    if (!type.toKinds().contains(to)) {
      throw new ValidationException(
          "to", type + " goes to " + type.toKinds() + ", but to is a " + to);
    }
  }

  /**
   * A record: a record id delivered again keeps the first decision (a different one is a conflict)
   * and adds its provenance. A record that waits is noted in the context, so that its status
   * changes wait too.
   */
  Optional<Awaits> record(CreditRecord rec) {
    CreditRecord existing = known.record(rec.id());
    if (existing != null) {
      if (!existing.sameDecision(rec)) {
        Provenance in = rec.provenance().get(0);
        chunk.conflict(
            new Conflict(
                Conflict.Kind.RECORD_CONTENT,
                existing.subject().masked(),
                rec.decidedOn().toString(),
                "record "
                    + rec.id()
                    + " delivered again with a different decision (subject,"
                    + " list, dates, liable persons or crime); the first delivery is kept",
                List.of(
                    source(existing.provenance().isEmpty() ? in : existing.provenance().get(0)),
                    source(in))));
      }
      chunk.add(new WriteOp.PutRecord(existing.withProvenance(rec.provenance())));
      return Optional.empty();
    }
    SubjectKey missing = known.kindOf(rec.subject()) == null ? rec.subject() : null;
    for (int i = 0; missing == null && i < rec.liablePersons().size(); i++) {
      SubjectKey k = rec.liablePersons().get(i);
      if (known.kindOf(k) == null) {
        missing = k;
      }
    }
    if (missing != null) {
      ctx.pendingRecords.put(rec.id(), missing.canonical());
      return Optional.of(new Awaits(rec.provenance().get(0), missing));
    }
    for (int i = 0; i < rec.liablePersons().size(); i++) {
      if (known.kindOf(rec.liablePersons().get(i)) != SubjectKind.PERSON) {
        throw new ValidationException(
            "liablePersons[" + i + "]",
            "liable person " + rec.liablePersons().get(i).masked() + " is not a PERSON");
      }
    }
    chunk.add(new WriteOp.PutRecord(rec));
    chunk.record(rec.id(), rec);
    ctx.recordStored(rec.id());
    ctx.pendingRecords.remove(rec.id());
    return Optional.empty();
  }

  /** A status change: a record that waits makes its status wait too; an unknown one is an error. */
  Optional<Awaits> status(ParsedLine.StatusLine s) {
    CreditRecord existing = known.record(s.recordId());
    if (existing == null) {
      String awaited = ctx.pendingRecords.get(s.recordId());
      if (awaited != null) {
        return Optional.of(new Awaits(s.change().provenance(), SubjectKey.fromCanonical(awaited)));
      }
      throw new ValidationException(
          "record",
          "unknown record '"
              + s.recordId()
              + "': no record with this id has been loaded (deliver its record line first)");
    }
    Optional<SubjectKey> person = s.change().person();
    if (person.isPresent() && known.kindOf(person.get()) == null) {
      return Optional.of(new Awaits(s.change().provenance(), person.get()));
    }
    CreditRecord updated = existing.withStatusChange(s.change());
    chunk.add(new WriteOp.AppendStatus(s.recordId(), s.change()));
    chunk.record(s.recordId(), updated);
    return Optional.empty();
  }

  /** An end: there must be a relation that began on or before it. */
  Optional<Awaits> end(WriteOp.EndRelation e) {
    SubjectKind from = known.kindOf(e.from());
    SubjectKind to = known.kindOf(e.to());
    if (from == null || to == null) {
      return Optional.of(new Awaits(e.provenance(), from == null ? e.from() : e.to()));
    }
    if (!known.canEnd(e)) {
      throw new ValidationException(
          "until",
          "no "
              + e.type()
              + " relation from "
              + e.from().masked()
              + " to "
              + e.to().masked()
              + " began on or before "
              + e.until()
              + ": nothing to end (an until before since, or "
              + "the relation was never delivered)");
    }
    chunk.add(e);
    chunk.relationEnded(KnownFacts.relKey(e));
    return Optional.empty();
  }

  private static String source(Provenance p) {
    return p.department() + " " + p.batch() + ":" + p.line();
  }
}
