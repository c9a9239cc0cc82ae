package io.credgraph.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.credgraph.ValidationException;
import io.credgraph.catalogue.ListCatalogue;
import io.credgraph.model.CreditRecord;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One record line of the exchange format (EXCHANGE.md) read outside a batch, for a what-if
 * simulation: the same fields, the same validation ({@code severity} and {@code penalty} of an
 * ADMINISTRATIVE_PENALTY, {@code crime} of a CRIMINAL_PENALTY, liable persons, extra fields kept),
 * with the defaults a hypothetical record needs: {@code type} may be left out (it must be {@code
 * record} when given), {@code id} defaults to {@code WHAT-IF}, {@code department} to {@code
 * WHAT-IF}, {@code decidedOn} to the day asked about. A field {@code asOf} is not part of the
 * record (the caller reads it) and is ignored here.
 */
public final class RecordLines {
  /** The id and department of a hypothetical record that names none. */
  public static final String WHAT_IF = "WHAT-IF";

  private RecordLines() {}

  /**
   * The hypothetical record of {@code line} on {@code day}.
   *
   * @throws ValidationException naming the field at fault
   */
  public static CreditRecord hypothetical(JsonNode line, ListCatalogue lists, LocalDate day) {
    Objects.requireNonNull(lists, "lists");
    Objects.requireNonNull(day, "day");
    if (line == null || !line.isObject()) {
      throw new ValidationException(
          LineParser.LINE,
          "the body is one record line of the exchange format: "
              + "{\"type\": \"record\", \"subject\": {\"uscc\": ...}, \"list\": ..., ...}");
    }
    ObjectNode n = ((ObjectNode) line).deepCopy();
    JsonNode type = n.get("type");
    if (type != null && !type.isNull() && !"record".equals(type.asText())) {
      throw new ValidationException(
          "type",
          "a simulation takes one record line (\"type\": \"record\"), not '" + type.asText() + "'");
    }
    n.put("type", "record");
    n.remove("asOf");
    if (!n.hasNonNull("id")) {
      n.put("id", WHAT_IF);
    }
    if (!n.hasNonNull("decidedOn")) {
      n.put("decidedOn", day.toString());
    }
    ParsedLine parsed = new LineParser(lists).parse(n, "what-if", "", 1, WHAT_IF);
    return ((ParsedLine.RecordLine) parsed).record();
  }
}
