package io.credgraph.api.view;

import io.credgraph.model.ResidentId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scrubs text that comes from clients or exceptions before it reaches a log line or an error
 * answer: anything that looks like a resident ID number (17 digits with a plausible birth date,
 * then a digit or X) is masked as {@code 4420**********123X}. A second line of defence: code never
 * logs a person's key in the first place.
 */
public final class Masking {
  private static final Pattern RESIDENT_ID =
      Pattern.compile(
          "(?<![0-9A-Za-z])\\d{6}(?:18|19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3}[0-9Xx](?![0-9A-Za-z])");

  private Masking() {}

  /** Whether the text holds anything shaped like a resident ID number. */
  public static boolean containsIdNumber(String text) {
    return text != null && text.length() >= 18 && RESIDENT_ID.matcher(text).find();
  }

  /** The map with every value scrubbed (keys kept). */
  public static java.util.Map<String, String> scrub(java.util.Map<String, String> values) {
    if (values == null || values.isEmpty()) {
      return values;
    }
    java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
    values.forEach((k, v) -> out.put(scrub(k), scrub(v)));
    return out;
  }

  /** The text scrubbed unless the caller may see ID numbers. */
  public static String scrubUnless(boolean unmasked, String text) {
    return unmasked ? text : scrub(text);
  }

  public static String scrub(String text) {
    if (text == null || text.length() < 18) {
      return text;
    }
    Matcher m = RESIDENT_ID.matcher(text);
    if (!m.find()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    do {
      m.appendReplacement(out, Matcher.quoteReplacement(ResidentId.mask(m.group())));
    } while (m.find());
    m.appendTail(out);
    return out.toString();
  }
}
