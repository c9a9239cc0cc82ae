package io.credgraph.datasets.synthetic;

import io.credgraph.datasets.BatchFiles;
import io.credgraph.model.LegalForm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The synthetic city generator: a Zhongshan-like city of N enterprises, written as departmental
 * batches in the exchange format (EXCHANGE.md), deterministic for a seed (the same seed gives the
 * same bytes).
 *
 * <p>Files, in load order ({@code NN-department[-what].jsonl}; a file above {@code partLines} lines
 * is split into {@code .part001}, {@code .part002} ...): persons and relatives (public security),
 * enterprises, their officers and shareholders, market regulation records, social organisations
 * (civil affairs), hospitals and doctors (health), schools and teachers (education), estate agents
 * (housing), agencies and officials (human resources), then the records of tax, court, finance,
 * procuratorate and ecology-environment departments, with their status changes. The department of a
 * subject or relation line is the one named in its file name; records carry theirs.
 *
 * <p>Every fact is a pure function of (seed, index) (see {@link CityModel}), so generation streams
 * in constant memory: 1M enterprises (about 7M lines) need well under 100 MB of heap.
 */
public final class CityGenerator {
  static final String[] RELATIVES = {"配偶", "子女", "兄弟姐妹", "父母"};

  private final GeneratorConfig config;
  private final CityModel m;
  private final JsonLine j = new JsonLine();
  private BatchOutput out;
  private int recordCounter;

  public CityGenerator(GeneratorConfig config) {
    this.config = config;
    this.m = new CityModel(config.seed(), config.enterprises());
  }

  /** Number of persons the city will have (for summaries and tests). */
  public long persons() {
    return m.persons;
  }

  /**
   * Writes the city into {@code dir} (created if missing; must not already hold batch files).
   *
   * @param progress called about once a second
   */
  public GenerationSummary generate(Path dir, Consumer<GenerationProgress> progress) {
    checkTarget(dir);
    try {
      Files.createDirectories(dir);
      try (BatchOutput o = new BatchOutput(dir, config, m.h, progress)) {
        this.out = o;
        publicSecurity();
        marketSubjects();
        marketRelations();
        marketRecords();
        civilAffairs();
        institutions("06-health", "HEALTH", true);
        institutions("07-education", "EDUCATION", false);
        housing();
        humanResources();
        tax();
        court();
        finance();
        procuratorate();
        ecology();
        return o.summary();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the synthetic city to " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Fails with a message that says what to do when {@code dir} already holds batch files. */
  public static void checkTarget(Path dir) {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> existing = Files.list(dir)) {
      List<Path> batches =
          existing
              .filter(p -> BatchFiles.isBatch(p.getFileName().toString()))
              .sorted(Comparator.naturalOrder())
              .toList();
      if (!batches.isEmpty()) {
        throw new IllegalArgumentException(
            dir
                + " already holds batch files ("
                + batches.get(0).getFileName()
                + " ...); choose an empty folder");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
    }
  }

  // ------------------------------------------------------------------------------------------------ departments

  private void publicSecurity() throws IOException {
    out.begin("01-public-security", "PUBLIC_SECURITY", this::badLine);
    for (int p = 0; p < m.persons; p++) {
      out.write(
          j.begin("subject")
              .str("kind", "PERSON")
              .str("idNumber", m.personId(p))
              .str("name", m.personName(p))
              .end());
    }
    for (int p = m.firstBusinessPerson(); p < m.persons; p++) {
      boolean official = p >= m.firstOfficial();
      if (m.h.u(CityModel.S_RELATIVE, p) >= (official ? 0.3 : 0.03)) {
        continue;
      }
      int other = m.businessPerson(CityModel.S_RELATIVE, p, 1);
      if (other == p) {
        continue;
      }
      LocalDate since =
          m.dateBetween(
              LocalDate.of(1995, 1, 1), LocalDate.of(2022, 12, 31), CityModel.S_RELATIVE, p, 2);
      out.write(
          j.begin("relation")
              .str("rel", "RELATIVE_OF")
              .person("from", m.personId(p))
              .person("to", m.personId(other))
              .date("since", since)
              .str("relation", RELATIVES[m.h.below(CityModel.S_RELATIVE, p, 3, RELATIVES.length)])
              .end());
    }
  }

  private void marketSubjects() throws IOException {
    out.begin("02-market-regulation.enterprises", "MARKET_REGULATION", this::badLine);
    for (int i = 0; i < m.enterprises; i++) {
      out.write(enterpriseSubject(i, m.name(i)));
    }
  }

  private String enterpriseSubject(int i, String name) {
    LegalForm form = m.form(i);
    String status;
    if (RecordPlan.has(m, RecordPlan.LICENCE_REVOKED, i)) {
      status = "REVOKED";
    } else if (RecordPlan.has(m, RecordPlan.BANKRUPTCY, i) || m.h.u(CityModel.S_STATUS, i) < 0.05) {
      status = "CANCELLED";
    } else {
      status = "ACTIVE";
    }
    return j.begin("subject")
        .str("kind", "ENTERPRISE")
        .str("uscc", m.uscc(i))
        .str("name", name)
        .str("legalForm", form.name())
        .str("status", status)
        .date("registeredOn", m.registeredOn(i))
        .str("district", Zhongshan.DISTRICTS.get(m.district(i)).name())
        .str("industry", m.industry(i))
        .end();
  }

  private void marketRelations() throws IOException {
    out.begin("03-market-regulation.relations", "MARKET_REGULATION", this::badLine);
    for (int i = 0; i < m.enterprises; i++) {
      Enterprise e = new Enterprise(m, i);
      String to = e.uscc;
      LocalDate reg = e.registeredOn;
      String repRel = e.form == LegalForm.BRANCH ? "MAIN_RESPONSIBLE" : "LEGAL_REP";
      personRel(repRel, e.rep, to, reg);
      if (e.director >= 0) {
        personRel("DIRECTOR", e.director, to, reg);
      }
      if (e.manager >= 0) {
        personRel("SENIOR_MANAGER", e.manager, to, reg);
      }
      if (e.supervisor >= 0 && e.supervisor != e.rep) {
        personRel("SUPERVISOR", e.supervisor, to, reg);
      }
      if (e.parent >= 0) {
        out.write(
            j.begin("relation")
                .str("rel", "BRANCH_OF")
                .org("from", to)
                .org("to", m.uscc(e.parent))
                .date("since", reg)
                .end());
      }
      for (int k = 0; k < e.holders; k++) {
        j.begin("relation").str("rel", "SHAREHOLDER");
        LocalDate since = reg;
        if (e.holderIsEnterprise[k]) {
          LocalDate ownerReg = m.registeredOn(e.holder[k]);
          since = ownerReg.isAfter(reg) ? ownerReg : reg;
          j.org("from", m.uscc(e.holder[k]));
        } else {
          j.person("from", m.personId(e.holder[k]));
        }
        out.write(j.org("to", to).percent("ratio", e.holderPercent[k]).date("since", since).end());
      }
      if (e.controller >= 0) {
        out.write(
            j.begin("relation")
                .str("rel", "ACTUAL_CONTROLLER")
                .person("from", m.personId(e.controller))
                .org("to", to)
                .date("since", reg)
                .end());
      }
      if (e.repChangedOn != null) {
        boolean forgetEnd = m.h.u(CityModel.S_CHANGE, i, 3) < 0.05;
        if (!forgetEnd) {
          end(repRel, m.personId(e.rep), to, e.repChangedOn.minusDays(1));
        }
        personRel(repRel, e.newRep, to, e.repChangedOn);
        if (e.director == e.rep) {
          end("DIRECTOR", m.personId(e.rep), to, e.repChangedOn.minusDays(1));
          personRel("DIRECTOR", e.newRep, to, e.repChangedOn);
        }
      }
      if (e.exitHolder >= 0) {
        end("SHAREHOLDER", m.personId(e.holder[e.exitHolder]), to, e.exitOn.minusDays(1));
        out.write(
            j.begin("relation")
                .str("rel", "SHAREHOLDER")
                .person("from", m.personId(e.successor))
                .org("to", to)
                .percent("ratio", e.holderPercent[e.exitHolder])
                .date("since", e.exitOn)
                .end());
      }
    }
  }

  private void marketRecords() throws IOException {
    out.begin("04-market-regulation.records", "MARKET_REGULATION", this::badLine);
    recordCounter = 0;
    for (int i = 0; i < m.enterprises; i++) {
      if (RecordPlan.has(m, RecordPlan.ABNORMAL, i)) {
        enterpriseRecord(RecordPlan.ABNORMAL, i, null);
      }
      if (RecordPlan.has(m, RecordPlan.SERIOUS_ILLEGAL, i)) {
        enterpriseRecord(RecordPlan.SERIOUS_ILLEGAL, i, null);
      }
      if (RecordPlan.has(m, RecordPlan.ADMIN_PENALTY, i)) {
        enterpriseRecord(RecordPlan.ADMIN_PENALTY, i, null);
      }
      if (RecordPlan.has(m, RecordPlan.LICENCE_REVOKED, i)) {
        enterpriseRecord(RecordPlan.LICENCE_REVOKED, i, new Enterprise(m, i));
      }
      if (RecordPlan.has(m, RecordPlan.CONTRACT_ABIDING, i)) {
        enterpriseRecord(RecordPlan.CONTRACT_ABIDING, i, null);
      }
    }
  }

  private void civilAffairs() throws IOException {
    out.begin("05-civil-affairs", "CIVIL_AFFAIRS", this::badLine);
    for (int k = 0; k < m.socialOrgs; k++) {
      LocalDate reg =
          m.dateBetween(
              LocalDate.of(1995, 1, 1), LocalDate.of(2024, 12, 31), CityModel.S_INST, k, 30);
      String uscc = m.socialOrgUscc(k);
      out.write(
          j.begin("subject")
              .str("kind", "SOCIAL_ORG")
              .str("uscc", uscc)
              .str("name", m.socialOrgName(k))
              .str("status", "ACTIVE")
              .date("registeredOn", reg)
              .str("district", Zhongshan.DISTRICTS.get(k % Zhongshan.DISTRICTS.size()).name())
              .end());
      personRel("LEGAL_REP", m.adultBusinessPerson(CityModel.S_INST, k, 31, reg), uscc, reg);
      personRel("MAIN_RESPONSIBLE", m.adultBusinessPerson(CityModel.S_INST, k, 32, reg), uscc, reg);
    }
  }

  private void institutions(String file, String dept, boolean hospitals) throws IOException {
    out.begin(file, dept, this::badLine);
    recordCounter = 0;
    for (int k = 0; k < m.institutions; k++) {
      if (m.isHospital(k) != hospitals) {
        continue;
      }
      LocalDate reg =
          m.dateBetween(
              LocalDate.of(1992, 1, 1), LocalDate.of(2020, 12, 31), CityModel.S_INST, k, 40);
      String uscc = m.institutionUscc(k);
      out.write(
          j.begin("subject")
              .str("kind", "INSTITUTION")
              .str("uscc", uscc)
              .str("name", m.institutionName(k))
              .str("status", "ACTIVE")
              .date("registeredOn", reg)
              .str("district", Zhongshan.DISTRICTS.get(k % Zhongshan.DISTRICTS.size()).name())
              .str("industry", hospitals ? "Q8411" : k % 2 == 0 ? "P8321" : "P8331")
              .end());
      int head = m.firstPractitioner() + k * CityModel.PRACTITIONERS_PER_INSTITUTION;
      personRel("LEGAL_REP", head, uscc, m.notBeforeAge(head, reg, 30));
    }
    for (int t = 0; t < m.practitioners; t++) {
      int k = t / CityModel.PRACTITIONERS_PER_INSTITUTION;
      if (m.isHospital(k) != hospitals) {
        continue;
      }
      int p = m.firstPractitioner() + t;
      String[] professions =
          hospitals ? Zhongshan.HEALTH_PROFESSIONS : Zhongshan.EDUCATION_PROFESSIONS;
      String profession = professions[m.h.below(CityModel.S_PRACT, t, 0, professions.length)];
      LocalDate since =
          m.notBeforeAge(
              p,
              m.dateBetween(
                  LocalDate.of(2000, 1, 1), LocalDate.of(2024, 12, 31), CityModel.S_PRACT, t, 1),
              22);
      String licence =
          (hospitals ? "1104420" : "2024420")
              + String.format("%08d", m.h.below(CityModel.S_PRACT, t, 2, 100_000_000));
      String at = m.institutionUscc(k);
      practises(p, at, since, profession, licence);
      if (m.h.u(CityModel.S_PRACT, t, 3) < 0.1 && since.isBefore(LocalDate.of(2024, 1, 1))) {
        int k2 = k + 3 < m.institutions ? k + 3 : Math.max(0, k - 3);
        if (k2 != k && m.isHospital(k2) == hospitals) {
          LocalDate moved =
              m.dateBetween(since.plusDays(200), CityModel.LAST_DAY, CityModel.S_PRACT, t, 4);
          end("PRACTISES_AT", m.personId(p), at, moved.minusDays(1));
          practises(p, m.institutionUscc(k2), moved, profession, licence);
        }
      }
      if (m.h.u(CityModel.S_PRACT, t, 5) < 0.008 || t == 7 || t == 64) {
        personRecord(RecordPlan.PRACTITIONER, p, dept, profession, since);
      }
    }
  }

  private void housing() throws IOException {
    out.begin("08-housing", "HOUSING", this::badLine);
    recordCounter = 0;
    for (int a = 0; a < m.agents; a++) {
      int p = m.firstAgent() + a;
      int e = m.h.below(CityModel.S_PRACT, 1_000_000L + a, 0, m.enterprises);
      while (e > 0 && m.form(e) != LegalForm.COMPANY) {
        e--;
      }
      LocalDate reg = m.registeredOn(e);
      LocalDate from = reg.isAfter(LocalDate.of(2010, 1, 1)) ? reg : LocalDate.of(2010, 1, 1);
      LocalDate since =
          m.notBeforeAge(
              p, m.dateBetween(from, CityModel.LAST_DAY, CityModel.S_PRACT, 1_000_000L + a, 1), 18);
      practises(
          p,
          m.uscc(e),
          since,
          "房地产经纪人",
          "GD"
              + String.format(
                  "%09d", m.h.below(CityModel.S_PRACT, 1_000_000L + a, 2, 1_000_000_000)));
      if (m.h.u(CityModel.S_PRACT, 1_000_000L + a, 3) < 0.01 || a == 3) {
        personRecord(RecordPlan.PRACTITIONER, p, "HOUSING", "房地产经纪人", since);
      }
    }
  }

  private void humanResources() throws IOException {
    out.begin("09-human-resources", "HUMAN_RESOURCES", this::badLine);
    for (int a = 0; a < m.agencies; a++) {
      out.write(
          j.begin("subject")
              .str("kind", "GOV_AGENCY")
              .str("uscc", m.agencyUscc(a))
              .str("name", m.agencyName(a))
              .str("status", "ACTIVE")
              .str(
                  "district",
                  a < Zhongshan.AGENCIES.length
                      ? "石岐街道"
                      : Zhongshan.DISTRICTS.get(a - Zhongshan.AGENCIES.length).name())
              .end());
    }
    for (int o = 0; o < m.officials; o++) {
      int p = m.firstOfficial() + o;
      int agency = o % m.agencies;
      LocalDate since =
          m.notBeforeAge(
              p,
              m.dateBetween(
                  LocalDate.of(2003, 1, 1), LocalDate.of(2025, 6, 30), CityModel.S_OFFICIAL, o, 0),
              22);
      String position =
          Zhongshan.POSITIONS[m.h.below(CityModel.S_OFFICIAL, o, 1, Zhongshan.POSITIONS.length)];
      serves(p, m.agencyUscc(agency), since, position);
      if (m.h.u(CityModel.S_OFFICIAL, o, 2) < 0.1 && since.isBefore(LocalDate.of(2024, 1, 1))) {
        LocalDate moved =
            m.dateBetween(since.plusDays(365), CityModel.LAST_DAY, CityModel.S_OFFICIAL, o, 3);
        end("SERVES_IN", m.personId(p), m.agencyUscc(agency), moved.minusDays(1));
        serves(p, m.agencyUscc((agency + 1 + o % 7) % m.agencies), moved, position);
      }
    }
  }

  private void tax() throws IOException {
    out.begin("10-tax", "TAX", this::badLine);
    recordCounter = 0;
    for (int i = 0; i < m.enterprises; i++) {
      boolean major = RecordPlan.has(m, RecordPlan.MAJOR_TAX, i);
      boolean grade = RecordPlan.has(m, RecordPlan.A_TAXPAYER, i);
      if (!major && !grade) {
        continue;
      }
      // the tax register delivers the taxpayer again: mostly the same facts, a few written
      // differently
      String name = m.name(i);
      if (m.h.u(CityModel.S_OVERLAP, i) < 0.03) {
        name = name.replace("有限公司", "公司").replace("中山市", "中山");
      }
      out.write(enterpriseSubject(i, name));
      Enterprise e = new Enterprise(m, i);
      if (m.h.u(CityModel.S_OVERLAP, i, 4) < 0.3 && e.form != LegalForm.BRANCH) {
        // the same fact from a second department: one relation with two provenances
        personRel("LEGAL_REP", e.rep, e.uscc, e.registeredOn);
      }
      if (m.h.u(CityModel.S_OVERLAP, i, 1) < 0.02 && e.form != LegalForm.BRANCH) {
        LocalDate since =
            m.dateBetween(e.registeredOn, CityModel.LAST_DAY, CityModel.S_OVERLAP, i, 2);
        personRel(
            "LEGAL_REP", m.adultBusinessPerson(CityModel.S_OVERLAP, i, 3, since), e.uscc, since);
      }
      if (major) {
        enterpriseRecord(RecordPlan.MAJOR_TAX, i, e);
      }
      if (grade) {
        enterpriseRecord(RecordPlan.A_TAXPAYER, i, e);
      }
    }
  }

  private void court() throws IOException {
    out.begin("11-court", "COURT", this::badLine);
    recordCounter = 0;
    for (int i = 0; i < m.enterprises; i++) {
      boolean djd = RecordPlan.has(m, RecordPlan.DJD, i);
      boolean cons = RecordPlan.has(m, RecordPlan.CONSUMPTION, i);
      boolean bankrupt = RecordPlan.has(m, RecordPlan.BANKRUPTCY, i);
      if (djd || cons || bankrupt) {
        Enterprise e = new Enterprise(m, i);
        if (djd) {
          enterpriseRecord(RecordPlan.DJD, i, e);
        }
        if (cons) {
          enterpriseRecord(RecordPlan.CONSUMPTION, i, e);
        }
        if (bankrupt) {
          enterpriseRecord(RecordPlan.BANKRUPTCY, i, e);
        }
      }
    }
    for (int p = 0; p < m.firstPractitioner(); p++) {
      for (int list :
          new int[] {
            RecordPlan.DJD, RecordPlan.CONSUMPTION, RecordPlan.CRIMINAL, RecordPlan.CIVIL_INCAPACITY
          }) {
        if (RecordPlan.personHas(m, list, p)) {
          personRecord(list, p, "COURT", null, null);
        }
      }
    }
    for (int o = 0; o < m.officials; o++) {
      if (m.h.u(CityModel.S_OFFICIAL, o, 9) < 0.002 || o == 11) {
        personRecord(RecordPlan.CRIMINAL, m.firstOfficial() + o, "COURT", null, null);
      }
    }
  }

  private void finance() throws IOException {
    out.begin("12-finance", "FINANCE", this::badLine);
    recordCounter = 0;
    for (int i = 0; i < m.enterprises; i++) {
      if (RecordPlan.has(m, RecordPlan.PROCUREMENT, i)) {
        enterpriseRecord(RecordPlan.PROCUREMENT, i, null);
      }
    }
  }

  private void procuratorate() throws IOException {
    out.begin("13-procuratorate", "PROCURATORATE", this::badLine);
    recordCounter = 0;
    for (int i = 0; i < m.enterprises; i++) {
      if (RecordPlan.has(m, RecordPlan.BRIBERY, i)) {
        enterpriseRecord(RecordPlan.BRIBERY, i, null);
      }
    }
    for (int p = m.firstBusinessPerson(); p < m.firstPractitioner(); p++) {
      if (RecordPlan.personHas(m, RecordPlan.BRIBERY, p)) {
        personRecord(RecordPlan.BRIBERY, p, "PROCURATORATE", null, null);
      }
    }
  }

  private void ecology() throws IOException {
    out.begin("14-ecology-environment", "ECOLOGY_ENVIRONMENT", this::badLine);
    recordCounter = 0;
    for (int i = 0; i < m.enterprises; i++) {
      if (RecordPlan.has(m, RecordPlan.ORDERED_CLOSED, i)) {
        enterpriseRecord(RecordPlan.ORDERED_CLOSED, i, new Enterprise(m, i));
      }
    }
  }

  // ------------------------------------------------------------------------------------------------ records

  private void enterpriseRecord(int list, int i, Enterprise e) throws IOException {
    RecordPlan plan = RecordPlan.LISTS[list];
    LocalDate reg = m.registeredOn(i);
    LocalDate decided =
        m.dateBetween(
            CityModel.recordsFrom(reg), CityModel.LAST_DAY, CityModel.S_RECORD + list, i, 1);
    if (decided == null) {
      return;
    }
    LegalForm form = m.form(i);
    String id = recordId(plan, decided);
    j.begin("record").str("id", id).org("subject", m.uscc(i));
    recordCommon(plan, decided, form.isCompany(), CityModel.S_RECORD + list, i);
    if (list == RecordPlan.ADMIN_PENALTY) {
      j.str("severity", m.h.u(CityModel.S_RECORD + list, i, 9) < 0.8 ? "GENERAL" : "SERIOUS")
          .str("penalty", "FINE");
    }
    if (plan.liable()) {
      Enterprise en = e == null ? new Enterprise(m, i) : e;
      String[] liable = new String[3];
      int n = 0;
      int rep = en.repOn(decided);
      if (rep >= 0 && m.h.u(CityModel.S_RECORD + list, i, 5) < 0.8) {
        liable[n++] = m.personId(rep);
      }
      if (list == RecordPlan.BANKRUPTCY) {
        int dir = en.directorOn(decided);
        if (dir >= 0 && dir != rep) {
          liable[n++] = m.personId(dir);
        }
        if (en.manager >= 0 && en.manager != rep && en.manager != dir) {
          liable[n++] = m.personId(en.manager);
        }
      }
      if (n > 0) {
        j.persons("liablePersons", liable, n);
      }
    }
    out.write(j.end());
    String released = null;
    if ((list == RecordPlan.CONSUMPTION || list == RecordPlan.DJD)
        && m.h.u(CityModel.S_RECORD + list, i, 6) < 0.1) {
      Enterprise en = e == null ? new Enterprise(m, i) : e;
      int rep = en.repOn(decided);
      released = rep >= 0 ? m.personId(rep) : null;
    }
    statusChanges(plan, id, decided, CityModel.S_RECORD + list, i, released);
  }

  private void personRecord(int list, int p, String dept, String profession, LocalDate notBefore)
      throws IOException {
    RecordPlan plan = RecordPlan.LISTS[list];
    int stream = CityModel.S_RECORD + list;
    LocalDate from =
        m.notBeforeAge(
            p,
            notBefore == null || notBefore.isBefore(CityModel.RECORDS_FROM)
                ? CityModel.RECORDS_FROM
                : notBefore,
            18);
    LocalDate decided = m.dateBetween(from, CityModel.LAST_DAY, stream, p, 11);
    if (decided == null) {
      return;
    }
    if ("COURT".equals(dept)) {
      // the court delivers the person as it knows them: a few names are written differently (a
      // matching conflict)
      int variant = m.h.u(CityModel.S_OVERLAP, p, 4) < 0.03 ? 1 : 0;
      out.write(
          j.begin("subject")
              .str("kind", "PERSON")
              .str("idNumber", m.personId(p))
              .str("name", m.personName(p, variant))
              .end());
    }
    RecordPlan effective = plan.forDepartment(dept);
    String id = recordId(effective, decided);
    j.begin("record").str("id", id).person("subject", m.personId(p));
    recordCommon(effective, decided, true, stream, p + 7_000_000_000L);
    if (profession != null) {
      j.str("profession", profession);
    }
    if (list == RecordPlan.CRIMINAL) {
      boolean official = p >= m.firstOfficial();
      int c = m.h.below(stream, p, 12, 100);
      String crime =
          official
              ? (c < 50 ? "CORRUPTION" : "BRIBERY")
              : c < 30
                  ? "ECONOMIC_ORDER"
                  : c < 70
                      ? "OTHER"
                      : c < 80
                          ? "BRIBERY"
                          : c < 88 ? "EMBEZZLEMENT" : c < 95 ? "MISAPPROPRIATION" : "CORRUPTION";
      j.str("crime", crime);
      if (m.h.u(stream, p, 13) < 0.35) {
        j.date("probationEndsOn", decided.plusMonths(12 + m.h.below(stream, p, 14, 48)));
      } else {
        LocalDate completed = decided.plusMonths(6 + m.h.below(stream, p, 15, 90));
        j.date("sentenceCompletedOn", completed);
        if (m.h.u(stream, p, 16) < 0.12) {
          j.date(
              "politicalRightsDeprivedUntil", completed.plusYears(1 + m.h.below(stream, p, 17, 5)));
        }
      }
    }
    out.write(j.end());
    statusChanges(effective, id, decided, stream, p + 7_000_000_000L, null);
  }

  private void recordCommon(
      RecordPlan plan, LocalDate decided, boolean company, int stream, long index) {
    j.str("list", plan.list())
        .str("department", plan.department())
        .str("decisionNo", plan.decisionNo(decided.getYear(), recordCounter))
        .str("basis", plan.basis(decided, company))
        .date("decidedOn", decided);
    LocalDate effectiveFrom = plan.list().equals("A_TAXPAYER") ? decided : decided;
    j.date("effectiveFrom", effectiveFrom);
    LocalDate until = plan.until(decided, m.h.u(stream, index, 2));
    j.date("effectiveUntil", until);
  }

  private String recordId(RecordPlan plan, LocalDate decided) {
    recordCounter++;
    return plan.idPrefix() + "-" + decided.getYear() + "-" + String.format("%07d", recordCounter);
  }

  /**
   * Objections, revocations, repairs and releases, in date order, none after the last day of the
   * city.
   */
  private void statusChanges(
      RecordPlan plan, String id, LocalDate decided, int stream, long index, String releasedPerson)
      throws IOException {
    List<Object[]> changes = new ArrayList<>(3);
    double u = m.h.u(stream, index, 20);
    boolean revoked = false;
    if (u < plan.objectRate()) {
      LocalDate objected = decided.plusDays(10 + m.h.below(stream, index, 21, 50));
      changes.add(new Object[] {objected, "OBJECTED", null});
      double v = m.h.u(stream, index, 22);
      LocalDate after = objected.plusDays(20 + m.h.below(stream, index, 23, 70));
      if (v < 0.5) {
        changes.add(new Object[] {after, "ACTIVE", null});
      } else if (v < 0.8) {
        changes.add(new Object[] {after, "REVOKED", null});
        revoked = true;
      }
    } else if (u < plan.objectRate() + plan.revokeRate()) {
      changes.add(
          new Object[] {decided.plusDays(30 + m.h.below(stream, index, 24, 370)), "REVOKED", null});
      revoked = true;
    } else if (u < plan.objectRate() + plan.revokeRate() + plan.repairRate()) {
      changes.add(
          new Object[] {
            decided.plusDays(
                plan.repairAfterDays() + m.h.below(stream, index, 25, plan.repairSpreadDays())),
            "REPAIRED",
            null
          });
    }
    if (releasedPerson != null && !revoked) {
      changes.add(
          new Object[] {
            decided.plusDays(20 + m.h.below(stream, index, 26, 300)), "RELEASED", releasedPerson
          });
    }
    changes.sort(Comparator.comparing(c -> (LocalDate) c[0]));
    for (Object[] c : changes) {
      LocalDate on = (LocalDate) c[0];
      if (on.isAfter(CityModel.LAST_DAY)) {
        break;
      }
      j.begin("status").str("record", id).str("status", (String) c[1]).date("on", on);
      if (c[2] != null) {
        j.person("person", (String) c[2]);
      }
      out.write(j.str("note", plan.note((String) c[1])).end());
    }
  }

  // ------------------------------------------------------------------------------------------------ helpers

  private void personRel(String rel, int person, String toUscc, LocalDate since)
      throws IOException {
    out.write(
        j.begin("relation")
            .str("rel", rel)
            .person("from", m.personId(person))
            .org("to", toUscc)
            .date("since", since)
            .end());
  }

  private void practises(int person, String at, LocalDate since, String profession, String licence)
      throws IOException {
    out.write(
        j.begin("relation")
            .str("rel", "PRACTISES_AT")
            .person("from", m.personId(person))
            .org("to", at)
            .date("since", since)
            .str("profession", profession)
            .str("licenceNo", licence)
            .end());
  }

  private void serves(int person, String agency, LocalDate since, String position)
      throws IOException {
    out.write(
        j.begin("relation")
            .str("rel", "SERVES_IN")
            .person("from", m.personId(person))
            .org("to", agency)
            .date("since", since)
            .str("position", position)
            .end());
  }

  private void end(String rel, String personId, String toUscc, LocalDate until) throws IOException {
    out.write(
        j.begin("end")
            .str("rel", rel)
            .person("from", personId)
            .org("to", toUscc)
            .date("until", until)
            .end());
  }

  /**
   * A deliberately bad line (the kinds EXCHANGE.md says a loader rejects), made from line number
   * {@code n}.
   */
  String badLine(long n) {
    JsonLine b = new JsonLine();
    int e = m.h.below(CityModel.S_BAD, n, 1, m.enterprises);
    int p = m.h.below(CityModel.S_BAD, n, 2, (int) Math.min(Integer.MAX_VALUE, m.persons));
    return switch (m.h.below(CityModel.S_BAD, n, 3, 10)) {
      case 0 ->
          b.begin("subject")
              .str("kind", "ENTERPRISE")
              .str("uscc", KeySpace.breakCheck(m.uscc(e), io.credgraph.model.Uscc.ALPHABET))
              .str("name", m.name(e))
              .str("legalForm", "COMPANY")
              .end();
      case 1 ->
          b.begin("subject")
              .str("kind", "PERSON")
              .str("idNumber", KeySpace.breakCheck(m.personId(p), "0123456789X"))
              .str("name", m.personName(p))
              .end();
      case 2 ->
          b.begin("relation")
              .str("rel", "LEGAL_REP")
              .person("from", m.personId(p))
              .org("to", m.uscc(e))
              .str("since", (2015 + (int) (n % 10)) + "-02-30")
              .end();
      case 3 ->
          b.begin("relation")
              .str("rel", "OWNS")
              .person("from", m.personId(p))
              .org("to", m.uscc(e))
              .date("since", m.registeredOn(e))
              .end();
      case 4 ->
          b.begin("record")
              .str("id", "BAD-" + n)
              .org("subject", m.uscc(e))
              .str("list", "GREY_LIST")
              .str("department", "MARKET_REGULATION")
              .str("decidedOn", "2020-05-01")
              .end();
      case 5 ->
          b.begin("subject")
              .str("kind", "COMPANY")
              .str("uscc", m.uscc(e))
              .str("name", m.name(e))
              .end();
      case 6 ->
          b.begin("relation")
              .str("rel", "SHAREHOLDER")
              .person("from", m.personId(p))
              .org("to", m.uscc(e))
              .percent("ratio", 150)
              .date("since", m.registeredOn(e))
              .end();
      case 7 -> {
        String line =
            b.begin("subject")
                .str("kind", "ENTERPRISE")
                .str("uscc", m.uscc(e))
                .str("name", m.name(e))
                .end();
        yield line.substring(0, line.length() / 2);
      }
      case 8 ->
          b.begin("relation")
              .str("rel", "DIRECTOR")
              .person("from", m.personId(p))
              .org("to", m.uscc(e))
              .str("since", "2021-06-01")
              .str("until", "2020-01-31")
              .end();
      default -> {
        String id = m.personId(p);
        String body = id.substring(0, 10) + "1340" + id.substring(14, 17);
        yield b.begin("subject")
            .str("kind", "PERSON")
            .str("idNumber", body + io.credgraph.model.ResidentId.checkCharacter(body))
            .str("name", m.personName(p))
            .end();
      }
    };
  }
}
