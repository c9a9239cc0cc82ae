package io.credgraph.api.requests;

import io.credgraph.ValidationException;
import io.credgraph.api.loop.Application;

/**
 * {@code POST /api/v1/me/applications}: an objection to, or a repair application for, one of the
 * caller's records.
 */
public record ApplicationRequest(Application.Type type, String record, String grounds) {
  public static final int MAX_GROUNDS = 4000;

  public ApplicationRequest {
    if (type == null) {
      throw new ValidationException("type", "type is required: OBJECTION (异议) or REPAIR (信用修复)");
    }
    if (record == null || record.isBlank()) {
      throw new ValidationException(
          "record", "record is required: the id of a record in your file");
    }
    grounds = grounds == null ? "" : grounds.strip();
    if (grounds.isEmpty()) {
      throw new ValidationException(
          "grounds",
          "grounds are required: say why the record is wrong (objection) or "
              + "what you have done to correct it (repair)");
    }
    if (grounds.length() > MAX_GROUNDS) {
      throw new ValidationException(
          "grounds", "grounds are at most " + MAX_GROUNDS + " characters, not " + grounds.length());
    }
  }
}
