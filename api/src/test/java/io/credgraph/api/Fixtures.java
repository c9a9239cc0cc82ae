package io.credgraph.api;

import io.credgraph.fixtures.Keys;
import io.credgraph.model.CreditRecord;
import io.credgraph.model.Provenance;
import io.credgraph.model.Relation;
import io.credgraph.model.RelationType;
import io.credgraph.model.StatusChange;
import io.credgraph.model.StatusEvent;
import io.credgraph.model.Subject;
import io.credgraph.model.SubjectKey;
import io.credgraph.store.BatchWriter;
import io.credgraph.store.WriteBatch;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A small city for API tests, written to a real store: two companies, a person who is legal
 * representative of the first, a judgment-debtor record on the person (in force since 2024-03-01),
 * a serious-illegal record on the first company that was objected to on 2025-01-10, an A-taxpayer
 * record on the second company, and a second person shareholder of the second company.
 */
public final class Fixtures {
  public static final String ALPHA_USCC = "91350100M000100Y43";
  public static final String BETA_USCC = uscc("91442000MA4W1K2X3");
  public static final String ZHANG_ID = "11010519491231002X";
  public static final String LI_ID = resident("44200019800101123");
  public static final String ALPHA_NAME = "福州阿尔法贸易有限公司";
  public static final String BETA_NAME = "中山市贝塔五金有限公司";
  public static final LocalDate DAY = LocalDate.of(2025, 6, 1);

  private Fixtures() {}

  public static String uscc(String body17) {
    return Keys.withUsccCheck(body17);
  }

  public static String resident(String body17) {
    return Keys.withResidentCheck(body17);
  }

  static Provenance prov(long line) {
    return new Provenance("TEST", "fixtures.jsonl", "h", line);
  }

  public static void load(BatchWriter store) {
    SubjectKey alpha = SubjectKey.uscc(ALPHA_USCC);
    SubjectKey beta = SubjectKey.uscc(BETA_USCC);
    SubjectKey zhang = SubjectKey.resident(ZHANG_ID);
    SubjectKey li = SubjectKey.resident(LI_ID);
    CreditRecord djd =
        CreditRecord.of(
            "COURT-2024-0001",
            zhang,
            "DISHONEST_JUDGMENT_DEBTOR",
            "COURT",
            LocalDate.of(2024, 3, 1));
    CreditRecord sid =
        CreditRecord.of(
                "SAMR-2023-0042",
                alpha,
                "SERIOUS_ILLEGAL_DISHONEST",
                "MARKET_REGULATION",
                LocalDate.of(2023, 5, 10))
            .withStatusChange(
                new StatusChange(
                    StatusEvent.OBJECTED,
                    LocalDate.of(2025, 1, 10),
                    Optional.of("the company disputes the decision"),
                    Optional.empty(),
                    prov(9)));
    CreditRecord red =
        CreditRecord.of("TAX-2024-0007", beta, "A_TAXPAYER", "TAX", LocalDate.of(2024, 4, 1));
    store.write(
        WriteBatch.builder()
            .subject(Subject.company(ALPHA_USCC, ALPHA_NAME))
            .subject(Subject.company(BETA_USCC, BETA_NAME))
            .subject(Subject.person(ZHANG_ID, "张三"))
            .subject(Subject.person(LI_ID, "李四"))
            .relation(Relation.of(RelationType.LEGAL_REP, zhang, alpha, LocalDate.of(2016, 4, 12)))
            .relation(Relation.shareholder(li, beta, 0.6, LocalDate.of(2018, 1, 1)))
            .record(djd)
            .record(sid)
            .record(red)
            .build());
  }
}
