package io.credgraph.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the key fixtures kept in the repository ({@code value<TAB>class} lines, {@code #} comments,
 * one header).
 */
final class KeyFixtures {
  private KeyFixtures() {}

  static List<String[]> rows(String resource) {
    List<String[]> out = new ArrayList<>();
    try (InputStream in = KeyFixtures.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "fixture " + resource + " missing; run datasets/tools/make_key_fixtures.py");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isBlank() || line.startsWith("#") || line.startsWith("value\t")) {
          continue;
        }
        out.add(line.split("\t", -1));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
