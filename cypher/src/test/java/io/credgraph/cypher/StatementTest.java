package io.credgraph.cypher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The Cypher resources: one statement per file, each used, values only as {@code $params}. */
class StatementTest {

  @Test
  void everyStatementFileIsUsedAndEveryStatementHasItsFile()
      throws IOException, URISyntaxException {
    Path dir =
        Path.of(Statement.class.getResource(Statement.RESOURCE_DIR + "schema.cypher").toURI())
            .getParent();
    Set<String> files;
    try (Stream<Path> list = Files.list(dir)) {
      files =
          list.map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".cypher"))
              .collect(Collectors.toCollection(TreeSet::new));
    }
    Set<String> expected =
        Arrays.stream(Statement.values())
            .map(Statement::resource)
            .collect(Collectors.toCollection(TreeSet::new));
    expected.add("schema.cypher");
    assertEquals(expected, files);
  }

  @Test
  void statementsTakeValuesOnlyAsParameters() {
    for (Statement s : Statement.values()) {
      String text = s.text();
      assertFalse(text.isBlank(), s.resource());
      assertFalse(
          text.contains("'") || text.contains("\""), s.resource() + " inlines a string literal");
      assertFalse(text.contains(";"), s.resource() + " holds more than one statement");
      boolean reads = text.contains("$");
      assertTrue(
          reads || text.startsWith("MATCH") || text.startsWith("CALL"),
          s.resource() + " neither takes parameters nor reads everything");
    }
  }

  @Test
  void schemaIsIdempotentConstraintsAndIndexes() {
    for (String s : Statement.schema()) {
      assertTrue(s.matches("(?s)CREATE (CONSTRAINT|INDEX) \\w+ IF NOT EXISTS FOR .*"), s);
    }
    String all = String.join("\n", Statement.schema());
    for (String required : new String[] {"s.key IS UNIQUE", "s.id IS UNIQUE", "r.id IS UNIQUE"}) {
      assertTrue(all.contains(required), "schema.cypher has " + required);
    }
  }
}
