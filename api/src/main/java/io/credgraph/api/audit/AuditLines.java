package io.credgraph.api.audit;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.credgraph.api.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The line format of the audit log: one {@link AuditEntry} as a JSON object per line, UTF-8, ending
 * with '\n'.
 */
final class AuditLines {
  private final ObjectMapper mapper = Json.mapper();

  /** The entry as written, without the newline. */
  byte[] encode(AuditEntry e) {
    try {
      return mapper.writeValueAsBytes(e);
    } catch (JsonProcessingException ex) {
      throw new IllegalStateException("an audit entry is always serialisable", ex);
    }
  }

  AuditEntry decode(String line) throws IOException {
    return mapper.readValue(line, AuditEntry.class);
  }

  /** The fields verification needs. */
  record Head(long seq, String prev, String who, String route, int status, List<String> subjects) {}

  /**
   * Reads the fields verification needs with the streaming parser (the rest is skipped).
   *
   * @throws AuditChainException when the line is not one JSON object
   */
  Head head(byte[] line, int len, long n, String where) {
    long seq = -1;
    String prev = "";
    String who = "";
    String route = "";
    int status = 0;
    List<String> subjects = new ArrayList<>(2);
    try (JsonParser p = mapper.getFactory().createParser(line, 0, len)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw notAnEntry(n, where);
      }
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        switch (name) {
          case "seq" -> seq = p.getValueAsLong(-1);
          case "prev" -> prev = p.getValueAsString("");
          case "who" -> who = p.getValueAsString("");
          case "route" -> route = p.getValueAsString("");
          case "status" -> status = p.getValueAsInt(0);
          case "subjects" -> {
            if (p.currentToken() == JsonToken.START_ARRAY) {
              while (p.nextToken() == JsonToken.VALUE_STRING) {
                subjects.add(p.getText());
              }
            }
          }
          default -> p.skipChildren();
        }
      }
      if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
        throw notAnEntry(n, where);
      }
    } catch (IOException e) {
      throw notAnEntry(n, where);
    }
    return new Head(seq, prev, who, route, status, subjects);
  }

  private static AuditChainException notAnEntry(long n, String where) {
    return new AuditChainException(n, where + " line " + n + ": not a JSON audit entry");
  }
}
