package io.credgraph.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import io.credgraph.api.error.Bodies;
import java.io.IOException;
import java.time.LocalDate;

/**
 * Dates in request bodies are exactly {@code YYYY-MM-DD} (RFC 3339 full-date, the format
 * /openapi.json promises): a string of four-digit year, month and day that is a real day. Jackson's
 * own reader also takes {@code +999999999-12-31}, {@code [2025,6,1]} or a number of days, which the
 * API would then answer with a date outside its own schema; those are refused here, naming the
 * field (an {@link com.fasterxml.jackson.databind.exc.InvalidFormatException} or a {@link
 * com.fasterxml.jackson.databind.exc.MismatchedInputException} that {@code Bodies} translates).
 * Only request bodies ({@link Bodies#read}, which sets {@link Bodies#REQUEST_BODY}) are read this
 * strictly; files this server wrote itself (journals, alert history) are read as before.
 */
final class StrictDates extends StdScalarDeserializer<LocalDate> {
  private static final long serialVersionUID = 1L;

  private StrictDates() {
    super(LocalDate.class);
  }

  /** The module that reads every {@link LocalDate} of a request body strictly. */
  static Module module() {
    return new SimpleModule("credgraph-strict-dates")
        .addDeserializer(LocalDate.class, new StrictDates());
  }

  @Override
  public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    if (!Boolean.TRUE.equals(ctxt.getAttribute(Bodies.REQUEST_BODY))) {
      return LocalDateDeserializer.INSTANCE.deserialize(p, ctxt);
    }
    if (!p.hasToken(JsonToken.VALUE_STRING)) {
      return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
    }
    String text = p.getText().trim();
    return io.credgraph.model.Dates.strict(text)
        .orElseThrow(
            () ->
                ctxt.weirdStringException(
                    text, LocalDate.class, "not a date of the form YYYY-MM-DD"));
  }
}
