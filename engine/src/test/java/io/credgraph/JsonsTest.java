package io.credgraph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonsTest {
  record Line(String file, long line, String field, String reason, List<String> sources) {}

  record Dated(LocalDate on, Optional<String> note) {}

  @Test
  void plainWritesWhatAPlainObjectMapperWrote() throws Exception {
    Line l = new Line("b.jsonl", 7, "(line)", "bad \"quote\" é", List.of("A b:1"));
    assertEquals(new ObjectMapper().writeValueAsString(l), Jsons.plain().writeValueAsString(l));
    assertThrows(
        InvalidDefinitionException.class,
        () -> Jsons.plain().writeValueAsString(LocalDate.of(2024, 5, 1)),
        "a plain mapper still refuses dates, as before");
  }

  @Test
  void jsonWritesIsoDatesAndOptionals() throws Exception {
    Dated d = new Dated(LocalDate.of(2024, 5, 1), Optional.of("x"));
    String s = Jsons.json().writeValueAsString(d);
    assertEquals("{\"on\":\"2024-05-01\",\"note\":\"x\"}", s);
    assertEquals(d, Jsons.json().readValue(s, Dated.class));
  }

  @Test
  void yamlReadsTrees() throws Exception {
    assertEquals(3, Jsons.yaml().readTree("a: 3\n").path("a").asInt());
  }
}
