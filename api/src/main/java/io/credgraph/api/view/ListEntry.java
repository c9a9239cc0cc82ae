package io.credgraph.api.view;

import io.credgraph.model.RecordStatus;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One entry of a published list: the subject (a person's ID number always masked), the decision and
 * its dates, and whether it is disputed (OBJECTED but kept in force by the list).
 */
public record ListEntry(
    SubjectView subject,
    String record,
    String department,
    String decisionNo,
    String basis,
    LocalDate decidedOn,
    LocalDate effectiveFrom,
    Optional<LocalDate> effectiveUntil,
    RecordStatus status,
    boolean disputed) {}
