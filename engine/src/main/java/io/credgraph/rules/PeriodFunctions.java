package io.credgraph.rules;

import io.credgraph.ValidationException;
import io.credgraph.model.CreditRecord;
import io.credgraph.model.Crime;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The registry of named period functions the catalogue may reference. */
public final class PeriodFunctions {
  private static final Map<String, PeriodFunction> FUNCTIONS = new TreeMap<>();

  static {
    register(new CriminalBar());
  }

  private PeriodFunctions() {}

  private static void register(PeriodFunction f) {
    FUNCTIONS.put(f.name(), f);
  }

  /** The function with this name, or a validation error naming the known ones. */
  public static PeriodFunction require(String name) {
    PeriodFunction f = FUNCTIONS.get(name);
    if (f == null) {
      throw new ValidationException(
          "period.function",
          "unknown period function '"
              + name
              + "' (known: "
              + String.join(", ", FUNCTIONS.keySet())
              + ")");
    }
    return f;
  }

  /**
   * {@code CRIMINAL_BAR(years, probationYears)}: Company Law 2018 art. 146 (2), 2023 art. 178 (2),
   * MER art. 12 (2). Arises for a CRIMINAL_PENALTY whose crime bars office (corruption, bribery,
   * embezzlement, misappropriation, economic order), or that deprived political rights for any
   * crime. The window starts on {@code decidedOn} and ends on the latest of:
   *
   * <ul>
   *   <li>for a barring crime on probation: {@code probationEndsOn + probationYears};
   *   <li>for a barring crime otherwise: {@code sentenceCompletedOn + years}; open-ended while the
   *       completion date is not known (the sentence is still being served);
   *   <li>when political rights were deprived: {@code politicalRightsDeprivedUntil + years}.
   * </ul>
   *
   * CL146-2 and MER12-2 use {@code years = probationYears = 5}; CL178-2 uses {@code probationYears
   * = 2}.
   */
  static final class CriminalBar implements PeriodFunction {
    @Override
    public String name() {
      return "CRIMINAL_BAR";
    }

    @Override
    public void validate(Map<String, Integer> params) {
      for (String p : new String[] {"years", "probationYears"}) {
        Integer v = params.get(p);
        if (v == null || v < 0 || v > 100) {
          throw new ValidationException(
              "period." + p, "CRIMINAL_BAR needs " + p + " in 0..100, got " + v);
        }
      }
      for (String p : params.keySet()) {
        if (!p.equals("years") && !p.equals("probationYears")) {
          throw new ValidationException(
              "period." + p, "CRIMINAL_BAR takes years and probationYears, not " + p);
        }
      }
    }

    @Override
    public Optional<Period.Window> window(CreditRecord r, Map<String, Integer> params) {
      int years = params.get("years");
      int probationYears = params.get("probationYears");
      boolean barringCrime = r.crime().map(Crime::barsOffice).orElse(false);
      if (!barringCrime && r.politicalRightsDeprivedUntil().isEmpty()) {
        return Optional.empty();
      }
      boolean open = false;
      LocalDate last = null;
      if (barringCrime) {
        if (r.probationEndsOn().isPresent()) {
          last = later(last, r.probationEndsOn().get().plusYears(probationYears));
        } else if (r.sentenceCompletedOn().isPresent()) {
          last = later(last, r.sentenceCompletedOn().get().plusYears(years));
        } else {
          open = true;
        }
      }
      if (r.politicalRightsDeprivedUntil().isPresent()) {
        last = later(last, r.politicalRightsDeprivedUntil().get().plusYears(years));
      }
      return Optional.of(
          new Period.Window(r.decidedOn(), open ? Optional.empty() : Optional.of(last)));
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
      return a == null || b.isAfter(a) ? b : a;
    }
  }
}
