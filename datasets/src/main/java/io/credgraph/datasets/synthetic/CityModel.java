package io.credgraph.datasets.synthetic;

import io.credgraph.model.LegalForm;
import java.time.LocalDate;

/**
 * The synthetic city as pure functions of (seed, index): nothing is stored, every fact of
 * enterprise {@code i} or person {@code p} is recomputed on demand, so generation streams in
 * constant memory and the result is the same whatever the order of computation.
 *
 * <p>Persons are numbered in ranges: nominees (a few persons who are legal representative of dozens
 * of enterprises), business persons (officers and shareholders, drawn with a power law so some hold
 * many roles), practitioners (doctors, nurses, teachers, estate agents) and officials.
 */
final class CityModel {
  static final LocalDate CITY_START = LocalDate.of(1992, 1, 1);
  static final LocalDate RECORDS_FROM = LocalDate.of(2014, 1, 1);
  static final LocalDate LAST_DAY = LocalDate.of(2026, 10, 31);

  // hash streams
  static final int S_FORM = 1;
  static final int S_REG = 2;
  static final int S_DISTRICT = 3;
  static final int S_INDUSTRY = 4;
  static final int S_NAME = 5;
  static final int S_REP = 6;
  static final int S_NOMINEE = 7;
  static final int S_SHARE = 8;
  static final int S_OFFICER = 9;
  static final int S_CHANGE = 10;
  static final int S_GROUP = 11;
  static final int S_PARENT = 12;
  static final int S_PERSON = 13;
  static final int S_STATUS = 14;
  static final int S_INST = 15;
  static final int S_PRACT = 16;
  static final int S_OFFICIAL = 17;
  static final int S_RELATIVE = 18;
  static final int S_BAD = 19;
  static final int S_OVERLAP = 20;

  /** Records: stream S_RECORD + list number. */
  static final int S_RECORD = 100;

  static final int PRACTITIONERS_PER_INSTITUTION = 30;
  private static final int GROUP_SIZE = 8;

  final Hash h;
  final int enterprises;
  final int nominees;
  final int businessPersons;
  final int institutions;
  final int practitioners;
  final int socialOrgs;
  final int agencies;
  final int officials;
  final int agents;
  final long persons;
  private final int[] forced;

  private static final int[] FORM_WEIGHTS = {560, 10, 30, 40, 290, 10, 60};
  private static final LegalForm[] FORMS = {
    LegalForm.COMPANY,
    LegalForm.NON_COMPANY_LEGAL_PERSON,
    LegalForm.PARTNERSHIP,
    LegalForm.SOLE_PROPRIETORSHIP,
    LegalForm.INDIVIDUAL_BUSINESS,
    LegalForm.FARMERS_COOPERATIVE,
    LegalForm.BRANCH
  };
  private static final int FORM_TOTAL = sum(FORM_WEIGHTS);
  private static final int[] DISTRICT_WEIGHTS =
      Zhongshan.DISTRICTS.stream().mapToInt(Zhongshan.District::weight).toArray();
  private static final int DISTRICT_TOTAL = sum(DISTRICT_WEIGHTS);
  private static final int SURNAME_TOTAL = sum(Zhongshan.SURNAME_WEIGHTS);

  CityModel(long seed, int enterprises) {
    if (enterprises < 1) {
      throw new IllegalArgumentException(
          "the city needs at least 1 enterprise, not " + enterprises);
    }
    this.h = new Hash(seed);
    this.enterprises = enterprises;
    this.nominees = Math.max(3, enterprises / 5000);
    this.businessPersons = Math.max(50, (int) (enterprises * 1.1));
    this.institutions = Math.max(8, enterprises / 400);
    this.practitioners = institutions * PRACTITIONERS_PER_INSTITUTION;
    this.agents = Math.max(10, enterprises / 200);
    this.socialOrgs = Math.max(5, enterprises / 500);
    this.agencies = Zhongshan.AGENCIES.length + Zhongshan.DISTRICTS.size();
    this.officials = Math.max(40, enterprises / 40);
    this.persons = (long) nominees + businessPersons + practitioners + agents + officials;
    if (persons > KeySpace.PERSON_SPACE) {
      throw new IllegalArgumentException(
          enterprises
              + " enterprises need "
              + persons
              + " persons, more than the "
              + KeySpace.PERSON_SPACE
              + " resident IDs one region offers; use fewer");
    }
    this.forced = forcedEnterprises();
  }

  // ---------------------------------------------------------------- persons

  int firstBusinessPerson() {
    return nominees;
  }

  int firstPractitioner() {
    return nominees + businessPersons;
  }

  int firstAgent() {
    return firstPractitioner() + practitioners;
  }

  int firstOfficial() {
    return firstAgent() + agents;
  }

  boolean isNominee(int p) {
    return p < nominees;
  }

  boolean isBusinessPerson(int p) {
    return p >= nominees && p < firstPractitioner();
  }

  String personId(int p) {
    String region =
        h.u(S_PERSON, p, 1) < 0.78
            ? Zhongshan.REGION
            : Zhongshan.MIGRANT_REGIONS[h.below(S_PERSON, p, 2, Zhongshan.MIGRANT_REGIONS.length)];
    return KeySpace.residentId(region, p);
  }

  String personName(int p) {
    return personName(p, 0);
  }

  /**
   * The person's name; {@code variant > 0} gives a differently written name (a matching conflict).
   */
  String personName(int p, int variant) {
    String surname =
        Zhongshan.SURNAMES[h.weighted(S_PERSON, p, 3, Zhongshan.SURNAME_WEIGHTS, SURNAME_TOTAL)];
    StringBuilder b = new StringBuilder(4).append(surname);
    b.append(
        Zhongshan.GIVEN.charAt(h.below(S_PERSON, p, 4 + variant * 10, Zhongshan.GIVEN.length())));
    if (h.u(S_PERSON, p, 5) < 0.8) {
      b.append(Zhongshan.GIVEN.charAt(h.below(S_PERSON, p, 6, Zhongshan.GIVEN.length())));
    }
    return b.toString();
  }

  /** A business person, skewed by a power law towards low indices: some persons hold many roles. */
  int businessPerson(int stream, long index, int salt) {
    double u = h.u(stream, index, salt);
    return nominees + Math.min(businessPersons - 1, (int) (businessPersons * Math.pow(u, 1.15)));
  }

  /** A business person as {@link #businessPerson}, but one who is at least 18 on {@code day}. */
  int adultBusinessPerson(int stream, long index, int salt, LocalDate day) {
    int p = businessPerson(stream, index, salt);
    for (int t = 1; t < 8 && !adultOn(p, day); t++) {
      p = businessPerson(stream, index, salt + 1000 * t);
    }
    int tries = 0;
    while (!adultOn(p, day) && tries++ < businessPersons) {
      p = p + 1 < firstPractitioner() ? p + 1 : nominees;
    }
    return p;
  }

  LocalDate birthOf(int p) {
    return KeySpace.birthOf(p);
  }

  boolean adultOn(int p, LocalDate day) {
    return !KeySpace.birthOf(p).plusYears(18).isAfter(day);
  }

  /**
   * {@code day}, or the day person {@code p} turns {@code age} if later, but never after the city's
   * last day.
   */
  LocalDate notBeforeAge(int p, LocalDate day, int age) {
    LocalDate grown = KeySpace.birthOf(p).plusYears(age);
    LocalDate d = grown.isAfter(day) ? grown : day;
    return d.isAfter(LAST_DAY) ? LAST_DAY : d;
  }

  /**
   * The legal representative chosen for enterprise {@code i} at registration (0.4% are nominees).
   */
  int legalRepAtRegistration(int i) {
    LocalDate reg = registeredOn(i);
    if (h.u(S_NOMINEE, i) < 0.004) {
      double u = h.u(S_NOMINEE, i, 1);
      int nominee = (int) (nominees * u * u);
      if (adultOn(nominee, reg)) {
        return nominee;
      }
    }
    return adultBusinessPerson(S_REP, i, 0, reg);
  }

  // ---------------------------------------------------------------- enterprises

  boolean groupBlock(int block) {
    return block > 0 && (block + 1) * GROUP_SIZE <= enterprises && h.u(S_GROUP, block) < 0.03;
  }

  /** The head of enterprise {@code i}'s group, or -1. */
  int groupHead(int i) {
    return groupBlock(i / GROUP_SIZE) ? i / GROUP_SIZE * GROUP_SIZE : -1;
  }

  /** Position within the group (0 head, 1..4 subsidiaries, 5..6 branches, 7 unrelated). */
  int groupPosition(int i) {
    return i % GROUP_SIZE;
  }

  boolean groupHasCycle(int head) {
    return h.u(S_GROUP, head / GROUP_SIZE, 1) < 0.5;
  }

  /**
   * The head of the nearest earlier group, which holds 30 percent of this group's head (a chain),
   * or -1.
   */
  int previousGroupHead(int head) {
    if (h.u(S_GROUP, head / GROUP_SIZE, 2) >= 0.4) {
      return -1;
    }
    for (int b = head / GROUP_SIZE - 1, tries = 0; b > 0 && tries < 400; b--, tries++) {
      if (groupBlock(b)) {
        return b * GROUP_SIZE;
      }
    }
    return -1;
  }

  LegalForm form(int i) {
    if (i == 0) {
      return LegalForm.COMPANY;
    }
    int head = groupHead(i);
    if (head >= 0) {
      int pos = groupPosition(i);
      if (pos <= 4) {
        return LegalForm.COMPANY;
      }
      if (pos <= 6) {
        return LegalForm.BRANCH;
      }
    }
    LegalForm f = FORMS[h.weighted(S_FORM, i, 0, FORM_WEIGHTS, FORM_TOTAL)];
    return f == LegalForm.BRANCH && i < 100 ? LegalForm.COMPANY : f;
  }

  /** The company a branch belongs to, or -1 for other forms. */
  int parentOf(int i) {
    if (form(i) != LegalForm.BRANCH) {
      return -1;
    }
    int head = groupHead(i);
    if (head >= 0 && groupPosition(i) <= 6) {
      return head;
    }
    int j = Math.max(0, i - 1 - h.below(S_PARENT, i, 0, Math.min(i, 5000)));
    while (j > 0 && form(j) != LegalForm.COMPANY) {
      j--;
    }
    return j;
  }

  LocalDate registeredOn(int i) {
    long span = LAST_DAY.toEpochDay() - CITY_START.toEpochDay() - 30;
    LocalDate own = CITY_START.plusDays((long) (span * Math.sqrt(h.u(S_REG, i))));
    int head = groupHead(i);
    int anchor = head >= 0 && head != i ? head : form(i) == LegalForm.BRANCH ? parentOf(i) : -1;
    if (anchor >= 0) {
      LocalDate a = registeredOn(anchor);
      if (own.isBefore(a)) {
        long left = LAST_DAY.toEpochDay() - a.toEpochDay();
        own = a.plusDays((long) (left * h.u(S_REG, i, 1) * 0.5));
      }
    }
    return own;
  }

  int district(int i) {
    int head = groupHead(i);
    if (head >= 0 && head != i && h.u(S_DISTRICT, i, 1) < 0.6) {
      return district(head);
    }
    return h.weighted(S_DISTRICT, i, 0, DISTRICT_WEIGHTS, DISTRICT_TOTAL);
  }

  String industry(int i) {
    LegalForm form = form(i);
    if (form == LegalForm.BRANCH) {
      return industry(parentOf(i));
    }
    if (form == LegalForm.FARMERS_COOPERATIVE) {
      return h.u(S_INDUSTRY, i) < 0.5 ? "A0143" : "A0412";
    }
    if (form == LegalForm.PARTNERSHIP && h.u(S_INDUSTRY, i) < 0.6) {
      return "L7212";
    }
    if (form == LegalForm.INDIVIDUAL_BUSINESS) {
      return pick(Zhongshan.SHOP_INDUSTRIES, S_INDUSTRY, i, 1);
    }
    Zhongshan.District d = Zhongshan.DISTRICTS.get(district(i));
    if (h.u(S_INDUSTRY, i, 2) < 0.55) {
      return pick(d.specialties(), S_INDUSTRY, i, 3);
    }
    return pick(Zhongshan.COMPANY_INDUSTRIES, S_INDUSTRY, i, 4);
  }

  String uscc(int i) {
    LegalForm form = form(i);
    String prefix =
        form == LegalForm.INDIVIDUAL_BUSINESS
            ? "92"
            : form == LegalForm.FARMERS_COOPERATIVE ? "93" : "91";
    boolean numeric = registeredOn(i).getYear() < 2015;
    return KeySpace.uscc(prefix, i, numeric);
  }

  /** A trade name (字号) of two characters. */
  String tradeName(int i) {
    int head = groupHead(i);
    if (head >= 0 && head != i && groupPosition(i) <= 6) {
      return tradeName(head);
    }
    int n = Zhongshan.TRADE.length();
    return ""
        + Zhongshan.TRADE.charAt(h.below(S_NAME, i, 0, n))
        + Zhongshan.TRADE.charAt(h.below(S_NAME, i, 1, n));
  }

  String name(int i) {
    LegalForm form = form(i);
    Zhongshan.Industry ind = Zhongshan.industry(industry(i));
    String district = Zhongshan.DISTRICTS.get(district(i)).name();
    String trade = tradeName(i);
    return switch (form) {
      case COMPANY ->
          "中山市" + trade + ind.companyWord() + (h.u(S_NAME, i, 2) < 0.03 ? "股份有限公司" : "有限公司");
      case NON_COMPANY_LEGAL_PERSON ->
          "中山市" + Zhongshan.shortDistrict(district) + trade + ind.companyWord() + "厂";
      case PARTNERSHIP -> "中山市" + trade + ind.companyWord() + "合伙企业（有限合伙）";
      case SOLE_PROPRIETORSHIP -> "中山市" + trade + ind.companyWord() + "商行（个人独资）";
      case INDIVIDUAL_BUSINESS ->
          "中山市" + Zhongshan.shortDistrict(district) + trade + ind.shopWord();
      case FARMERS_COOPERATIVE ->
          "中山市" + Zhongshan.shortDistrict(district) + trade + ind.companyWord() + "专业合作社";
      case BRANCH -> name(parentOf(i)) + Zhongshan.shortDistrict(district) + "分公司";
      case OTHER -> "中山市" + trade + "代表处";
    };
  }

  /**
   * One enterprise per list that is on it whatever the rates, so that even a small city shows every
   * list: the first enterprise from {@code 50 + 37 * list} on whose legal form fits and that was
   * registered early enough.
   */
  int forcedEnterprise(int list) {
    return forced[list];
  }

  private int[] forcedEnterprises() {
    int[] f = new int[RecordPlan.LISTS.length];
    for (int list = 0; list < f.length; list++) {
      f[list] = -1;
      for (int k = 0; k < enterprises; k++) {
        int i = (50 + 37 * list + k) % enterprises;
        if (RecordPlan.LISTS[list].fits(form(i))
            && recordsFrom(registeredOn(i)).isBefore(LAST_DAY.minusDays(30))) {
          f[list] = i;
          break;
        }
      }
    }
    return f;
  }

  /**
   * Whether person {@code p} is on list {@code list} (business persons; nominees much more often).
   */
  boolean personHas(int list, int p, double rate) {
    double r = isNominee(p) ? Math.min(0.5, rate * 80) : rate;
    return h.u(S_RECORD + list, p, 7) < r || p == nominees + (30 + 41 * list) % businessPersons;
  }

  /** A uniform date in [from, to]; {@code null} when the range is empty. */
  LocalDate dateBetween(LocalDate from, LocalDate to, int stream, long index, int salt) {
    long days = to.toEpochDay() - from.toEpochDay();
    if (days < 0) {
      return null;
    }
    return from.plusDays((long) ((days + 1) * h.u(stream, index, salt)));
  }

  /** The first day records about an enterprise registered on {@code reg} may be dated. */
  static LocalDate recordsFrom(LocalDate reg) {
    LocalDate d = reg.plusDays(180);
    return d.isBefore(RECORDS_FROM) ? RECORDS_FROM : d;
  }

  // ---------------------------------------------------------------- organisations other than
  // enterprises

  boolean isHospital(int k) {
    return k % 3 == 0;
  }

  String institutionUscc(int k) {
    return KeySpace.uscc("12", 50_000_000L + k, true);
  }

  String institutionName(int k) {
    String district =
        Zhongshan.shortDistrict(Zhongshan.DISTRICTS.get(k % Zhongshan.DISTRICTS.size()).name());
    String[] words = isHospital(k) ? Zhongshan.HOSPITAL_WORDS : Zhongshan.SCHOOL_WORDS;
    String word = words[h.below(S_INST, k, 0, words.length)];
    return k < Zhongshan.DISTRICTS.size()
        ? "中山市" + district + word
        : "中山市" + district + tradeNameOf(S_INST, k) + word;
  }

  String socialOrgUscc(int k) {
    return KeySpace.uscc(k % 4 == 3 ? "53" : "51", 60_000_000L + k, true);
  }

  String socialOrgName(int k) {
    String word = Zhongshan.SOCIAL_WORDS[k % Zhongshan.SOCIAL_WORDS.length];
    String district =
        Zhongshan.shortDistrict(Zhongshan.DISTRICTS.get(k % Zhongshan.DISTRICTS.size()).name());
    String ind = Zhongshan.INDUSTRIES.get(k % Zhongshan.INDUSTRIES.size()).companyWord();
    return word.equals("商会") || word.equals("行业协会")
        ? "中山市" + district + ind + word
        : "中山市" + tradeNameOf(S_INST + 1, k) + word;
  }

  String agencyUscc(int a) {
    return KeySpace.uscc("11", 70_000_000L + a, true);
  }

  String agencyName(int a) {
    if (a < Zhongshan.AGENCIES.length) {
      return Zhongshan.AGENCIES[a];
    }
    String d = Zhongshan.DISTRICTS.get(a - Zhongshan.AGENCIES.length).name();
    return d.endsWith("街道") ? "中山市" + d + "办事处" : "中山市" + d + "人民政府";
  }

  private String tradeNameOf(int stream, int k) {
    int n = Zhongshan.TRADE.length();
    return ""
        + Zhongshan.TRADE.charAt(h.below(stream, k, 10, n))
        + Zhongshan.TRADE.charAt(h.below(stream, k, 11, n));
  }

  private String pick(java.util.List<String> from, int stream, long i, int salt) {
    return from.get(h.below(stream, i, salt, from.size()));
  }

  private static int sum(int[] a) {
    int s = 0;
    for (int x : a) {
      s += x;
    }
    return s;
  }
}
