package io.credgraph.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.credgraph.ValidationException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatesTest {

  @Test
  void parsesExactlyYyyyMmDd() {
    assertEquals(LocalDate.of(2025, 6, 1), Dates.parse(" 2025-06-01 ", "asOf"));
    assertEquals(LocalDate.of(2024, 2, 29), Dates.parse("2024-02-29", "asOf"));
  }

  /**
   * LocalDate.parse alone takes years of more than four digits with a sign ({@code
   * +999999999-12-31}); an answer would then carry a date outside RFC 3339 full-date.
   */
  @Test
  void refusesSignedYearsImpossibleDaysAndOtherFormsNamingTheField() {
    for (String bad :
        List.of(
            "+999999999-12-31",
            "+2025-06-01",
            "-0001-01-01",
            "2025-02-30",
            "2025-6-1",
            "20250601",
            "2025-06-01T00:00",
            "")) {
      ValidationException e =
          assertThrows(ValidationException.class, () -> Dates.parse(bad, "effectiveFrom"), bad);
      assertEquals("effectiveFrom", e.field().orElseThrow());
      assertTrue(e.getMessage().contains("YYYY-MM-DD"), e.getMessage());
    }
  }
}
