package io.credgraph.api.view;

import io.credgraph.catalogue.ListCatalogue;
import io.credgraph.catalogue.ListDefinition;
import io.credgraph.model.CreditRecord;
import io.credgraph.model.Crime;
import io.credgraph.model.ListKind;
import io.credgraph.model.RecordStatus;
import io.credgraph.model.StatusChange;
import io.credgraph.model.StatusEvent;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A credit record in an answer: the decision, its status and whether it is in force on {@code asOf}
 * ({@code disputed} while OBJECTED), the list's own fields, and the full status history. Persons
 * named in it are masked unless the caller may see ID numbers.
 */
public record RecordView(
    String id,
    KeyView subject,
    String list,
    String listName,
    Optional<ListKind> listKind,
    String department,
    String decisionNo,
    String basis,
    LocalDate decidedOn,
    LocalDate effectiveFrom,
    Optional<LocalDate> effectiveUntil,
    RecordStatus status,
    boolean inForce,
    boolean disputed,
    List<KeyView> liablePersons,
    Optional<String> profession,
    Optional<Crime> crime,
    Optional<LocalDate> sentenceCompletedOn,
    Optional<LocalDate> probationEndsOn,
    Optional<LocalDate> politicalRightsDeprivedUntil,
    List<StatusView> history) {

  /** One entry of a record's history; {@code person} for RELEASED. */
  public record StatusView(
      StatusEvent event,
      LocalDate on,
      Optional<String> note,
      Optional<KeyView> person,
      String department) {
    static StatusView of(StatusChange c, boolean unmasked) {
      return new StatusView(
          c.event(),
          c.on(),
          c.note().map(n -> Masking.scrubUnless(unmasked, n)),
          c.person().map(k -> KeyView.of(k, unmasked)),
          c.provenance().department());
    }
  }

  public static RecordView of(
      CreditRecord r, ListCatalogue catalogue, LocalDate asOf, boolean unmasked) {
    Optional<ListDefinition> def = catalogue.find(r.list());
    boolean objectedInForce = def.map(ListDefinition::objectedInForce).orElse(true);
    RecordStatus status = r.statusOn(asOf);
    return new RecordView(
        r.id(),
        KeyView.of(r.subject(), unmasked),
        r.list(),
        def.map(ListDefinition::name).orElse(r.list()),
        def.map(ListDefinition::kind),
        r.department(),
        r.decisionNo(),
        r.basis(),
        r.decidedOn(),
        r.effectiveFrom(),
        r.effectiveUntil(),
        status,
        r.inForceOn(asOf, objectedInForce),
        status == RecordStatus.OBJECTED,
        r.liablePersons().stream().map(k -> KeyView.of(k, unmasked)).toList(),
        r.profession(),
        r.crime(),
        r.sentenceCompletedOn(),
        r.probationEndsOn(),
        r.politicalRightsDeprivedUntil(),
        r.history().stream().map(c -> StatusView.of(c, unmasked)).toList());
  }
}
