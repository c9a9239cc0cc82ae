package io.credgraph.datasets.synthetic;

import java.time.LocalDate;

/**
 * A reusable builder of one exchange line: a flat JSON object with string, number, key and key-list
 * fields.
 */
final class JsonLine {
  private final StringBuilder b = new StringBuilder(256);
  private boolean first;

  JsonLine begin(String type) {
    b.setLength(0);
    b.append('{');
    first = true;
    return str("type", type);
  }

  JsonLine str(String name, String value) {
    if (value == null) {
      return this;
    }
    name(name);
    quote(value);
    return this;
  }

  JsonLine date(String name, LocalDate value) {
    return value == null ? this : str(name, value.toString());
  }

  /** A ratio given in hundredths, written as a decimal ({@code 0.6}, {@code 0.05}, {@code 1}). */
  JsonLine percent(String name, int hundredths) {
    name(name);
    if (hundredths >= 100) {
      b.append(hundredths / 100);
      int rest = hundredths % 100;
      if (rest != 0) {
        b.append('.').append(rest < 10 ? "0" : "").append(rest % 10 == 0 ? rest / 10 : rest);
      }
      return this;
    }
    b.append("0.");
    if (hundredths < 10) {
      b.append('0').append(hundredths);
    } else if (hundredths % 10 == 0) {
      b.append(hundredths / 10);
    } else {
      b.append(hundredths);
    }
    return this;
  }

  JsonLine raw(String name, String json) {
    name(name);
    b.append(json);
    return this;
  }

  JsonLine org(String name, String uscc) {
    name(name);
    b.append("{\"uscc\":\"").append(uscc).append("\"}");
    return this;
  }

  JsonLine person(String name, String idNumber) {
    name(name);
    b.append("{\"idNumber\":\"").append(idNumber).append("\"}");
    return this;
  }

  JsonLine persons(String name, String[] idNumbers, int count) {
    name(name);
    b.append('[');
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        b.append(',');
      }
      b.append("{\"idNumber\":\"").append(idNumbers[i]).append("\"}");
    }
    b.append(']');
    return this;
  }

  String end() {
    b.append('}');
    return b.toString();
  }

  private void name(String name) {
    if (!first) {
      b.append(',');
    }
    first = false;
    b.append('"').append(name).append("\":");
  }

  private void quote(String s) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    b.append('"');
  }
}
