package io.credgraph.api.requests;

import io.credgraph.api.view.SubjectParam;
import io.credgraph.model.Crime;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The body of {@code POST /api/v1/simulations} as the OpenAPI description shows it: one record line
 * of the exchange format (EXCHANGE.md, {@code {"type": "record", ...}}), read by the exchange's own
 * line parser ({@link io.credgraph.exchange.RecordLines}), so its fields and checks are those of a
 * batch line ({@code severity} and {@code penalty} of an ADMINISTRATIVE_PENALTY, {@code crime} of a
 * CRIMINAL_PENALTY, any further field kept). A hypothetical record may leave out {@code type},
 * {@code id}, {@code department} (both default to WHAT-IF) and {@code decidedOn} (default: the day
 * asked about). {@code asOf} may be given here or as a query parameter (which wins). Subjects are
 * given by natural key, as in a batch.
 */
public record SimulationRequest(
    Optional<String> type,
    Optional<String> id,
    SubjectParam subject,
    String list,
    Optional<String> severity,
    Optional<String> penalty,
    Optional<String> department,
    Optional<String> decisionNo,
    Optional<String> basis,
    Optional<LocalDate> decidedOn,
    Optional<LocalDate> effectiveFrom,
    Optional<LocalDate> effectiveUntil,
    Optional<List<SubjectParam>> liablePersons,
    Optional<String> profession,
    Optional<Crime> crime,
    Optional<LocalDate> sentenceCompletedOn,
    Optional<LocalDate> probationEndsOn,
    Optional<LocalDate> politicalRightsDeprivedUntil,
    Optional<LocalDate> asOf) {}
