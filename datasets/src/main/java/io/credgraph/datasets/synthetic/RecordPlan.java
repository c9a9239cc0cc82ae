package io.credgraph.datasets.synthetic;

import io.credgraph.model.LegalForm;
import java.time.LocalDate;

/**
 * How the generator puts subjects on one list: the issuing department, the id and decision number
 * style, the legal basis, the rates (per enterprise, per business person) and the status changes
 * that follow.
 *
 * @param objectRate share of records a subject objects to (half go back to ACTIVE, 30% are REVOKED)
 * @param revokeRate share found wrong and REVOKED
 * @param repairRate share REPAIRED, {@code repairAfterDays} + up to {@code repairSpreadDays} after
 *     the decision
 */
record RecordPlan(
    String list,
    String department,
    String idPrefix,
    String decisionStyle,
    double enterpriseRate,
    double personRate,
    boolean liable,
    double objectRate,
    double revokeRate,
    double repairRate,
    int repairAfterDays,
    int repairSpreadDays) {

  static final int ABNORMAL = 0;
  static final int SERIOUS_ILLEGAL = 1;
  static final int LICENCE_REVOKED = 2;
  static final int CONTRACT_ABIDING = 3;
  static final int MAJOR_TAX = 4;
  static final int A_TAXPAYER = 5;
  static final int DJD = 6;
  static final int CONSUMPTION = 7;
  static final int BANKRUPTCY = 8;
  static final int PROCUREMENT = 9;
  static final int BRIBERY = 10;
  static final int ORDERED_CLOSED = 11;
  static final int PRACTITIONER = 12;
  static final int CRIMINAL = 13;
  static final int CIVIL_INCAPACITY = 14;
  static final int ADMIN_PENALTY = 15;

  static final RecordPlan[] LISTS = {
    new RecordPlan(
        "ABNORMAL_OPERATION",
        "MARKET_REGULATION",
        "ZSAMR-YC",
        "中市监异字〔%d〕%d号",
        0.06,
        0,
        false,
        0.02,
        0.01,
        0.45,
        30,
        700),
    new RecordPlan(
        "SERIOUS_ILLEGAL_DISHONEST",
        "MARKET_REGULATION",
        "ZSAMR-YZ",
        "中市监严字〔%d〕%d号",
        0.004,
        0,
        false,
        0.03,
        0.01,
        0.10,
        1095,
        400),
    new RecordPlan(
        "LICENCE_REVOKED",
        "MARKET_REGULATION",
        "ZSAMR-DX",
        "中市监处字〔%d〕%d号",
        0.012,
        0,
        true,
        0.01,
        0.005,
        0,
        0,
        1),
    new RecordPlan(
        "CONTRACT_ABIDING",
        "MARKET_REGULATION",
        "ZSAMR-SH",
        "中市监合字〔%d〕%d号",
        0.01,
        0,
        false,
        0,
        0.01,
        0,
        0,
        1),
    new RecordPlan(
        "MAJOR_TAX_VIOLATION",
        "TAX",
        "ZSTAX-WF",
        "中税稽罚〔%d〕%d号",
        0.002,
        0,
        false,
        0.02,
        0.01,
        0.10,
        365,
        700),
    new RecordPlan(
        "A_TAXPAYER", "TAX", "ZSTAX-A", "中税信评〔%d〕%d号", 0.05, 0, false, 0, 0.005, 0, 0, 1),
    new RecordPlan(
        "DISHONEST_JUDGMENT_DEBTOR",
        "COURT",
        "ZSCOURT-SX",
        "（%d）粤2071执%d号",
        0.012,
        0.004,
        false,
        0.03,
        0.01,
        0.30,
        60,
        700),
    new RecordPlan(
        "CONSUMPTION_RESTRICTED",
        "COURT",
        "ZSCOURT-XG",
        "（%d）粤2072执%d号",
        0.015,
        0.002,
        false,
        0.02,
        0.01,
        0.30,
        60,
        700),
    new RecordPlan(
        "BANKRUPTCY_LIQUIDATED",
        "COURT",
        "ZSCOURT-PC",
        "（%d）粤20破%d号",
        0.001,
        0,
        true,
        0,
        0.005,
        0,
        0,
        1),
    new RecordPlan(
        "PROCUREMENT_VIOLATION",
        "FINANCE",
        "ZSCZ-CG",
        "中财采处〔%d〕%d号",
        0.0008,
        0,
        false,
        0.02,
        0.01,
        0,
        0,
        1),
    new RecordPlan(
        "BRIBERY_RECORD",
        "PROCURATORATE",
        "ZSJC-XH",
        "中检行贿档〔%d〕%d号",
        0.0003,
        0.0002,
        false,
        0.01,
        0.01,
        0,
        0,
        1),
    new RecordPlan(
        "ORDERED_CLOSED",
        "ECOLOGY_ENVIRONMENT",
        "ZSHB-GB",
        "中环罚〔%d〕%d号",
        0.001,
        0,
        true,
        0.01,
        0.005,
        0,
        0,
        1),
    new RecordPlan(
        "PRACTITIONER_MISCONDUCT",
        "HEALTH",
        "ZSWJ-CY",
        "中卫监罚〔%d〕%d号",
        0,
        0,
        false,
        0.03,
        0.01,
        0.05,
        365,
        700),
    new RecordPlan(
        "CRIMINAL_PENALTY",
        "COURT",
        "ZSCOURT-XS",
        "（%d）粤2071刑初%d号",
        0,
        0.001,
        false,
        0,
        0.002,
        0,
        0,
        1),
    new RecordPlan(
        "CIVIL_INCAPACITY",
        "COURT",
        "ZSCOURT-MT",
        "（%d）粤2071民特%d号",
        0,
        0.0002,
        false,
        0,
        0.01,
        0.05,
        365,
        1000),
    new RecordPlan(
        "ADMINISTRATIVE_PENALTY",
        "MARKET_REGULATION",
        "ZSAMR-CF",
        "中市监罚字〔%d〕%d号",
        0.03,
        0,
        false,
        0.01,
        0.01,
        0.30,
        365,
        700)
  };

  /** Whether enterprise {@code i} has a record on list {@code list}. */
  static boolean has(CityModel m, int list, int i) {
    RecordPlan plan = LISTS[list];
    if (plan.enterpriseRate() == 0 || !plan.fits(m.form(i))) {
      return false;
    }
    return m.h.u(CityModel.S_RECORD + list, i) < plan.enterpriseRate()
        || i == m.forcedEnterprise(list);
  }

  /**
   * Whether business person {@code p} has a record on list {@code list} (nominees much more often).
   */
  static boolean personHas(CityModel m, int list, int p) {
    RecordPlan plan = LISTS[list];
    if (plan.personRate() == 0) {
      return false;
    }
    return m.personHas(list, p, plan.personRate());
  }

  /**
   * The legal forms a list applies to (tax grades, contract honours and bankruptcy need a legal
   * person).
   */
  boolean fits(LegalForm form) {
    return switch (list) {
      case "A_TAXPAYER", "CONTRACT_ABIDING" -> form == LegalForm.COMPANY;
      case "BANKRUPTCY_LIQUIDATED" ->
          form == LegalForm.COMPANY || form == LegalForm.NON_COMPANY_LEGAL_PERSON;
      default -> true;
    };
  }

  /**
   * The same plan issued by another department (practitioners' misconduct comes from health,
   * education, housing).
   */
  RecordPlan forDepartment(String dept) {
    if (dept.equals(department) || dept.equals("COURT")) {
      return this;
    }
    String prefix =
        switch (dept) {
          case "EDUCATION" -> "ZSJY-CY";
          case "HOUSING" -> "ZSZJ-CY";
          default -> idPrefix;
        };
    String style =
        switch (dept) {
          case "EDUCATION" -> "中教体处〔%d〕%d号";
          case "HOUSING" -> "中建处〔%d〕%d号";
          default -> decisionStyle;
        };
    return new RecordPlan(
        list,
        dept,
        prefix,
        style,
        enterpriseRate,
        personRate,
        liable,
        objectRate,
        revokeRate,
        repairRate,
        repairAfterDays,
        repairSpreadDays);
  }

  String decisionNo(int year, int counter) {
    return String.format(decisionStyle, year, counter);
  }

  String basis(LocalDate decided, boolean company) {
    return switch (list) {
      case "DISHONEST_JUDGMENT_DEBTOR" -> "《最高人民法院关于公布失信被执行人名单信息的若干规定》第一条";
      case "CONSUMPTION_RESTRICTED" -> "《最高人民法院关于限制被执行人高消费及有关消费的若干规定》第一条";
      case "SERIOUS_ILLEGAL_DISHONEST" ->
          decided.isBefore(LocalDate.of(2021, 9, 1))
              ? "《严重违法失信企业名单管理暂行办法》第五条"
              : "《市场监督管理严重违法失信名单管理办法》第二条";
      case "MAJOR_TAX_VIOLATION" ->
          decided.isBefore(LocalDate.of(2022, 2, 1))
              ? "《重大税收违法失信案件信息公布办法》第六条"
              : "《重大税收违法失信主体信息公布管理办法》第六条";
      case "PROCUREMENT_VIOLATION" -> "《中华人民共和国政府采购法》第七十七条";
      case "BRIBERY_RECORD" -> "《关于行贿犯罪档案查询工作的规定》";
      case "PRACTITIONER_MISCONDUCT" ->
          switch (department) {
            case "EDUCATION" -> "《中小学教师违反职业道德行为处理办法》第四条";
            case "HOUSING" -> "《房地产经纪管理办法》第三十三条";
            default -> "《医师执业注册管理办法》第十八条";
          };
      case "LICENCE_REVOKED" -> company ? "《中华人民共和国公司法》第二百一十一条" : "《市场主体登记管理条例》第四十六条";
      case "ORDERED_CLOSED" -> "《中华人民共和国环境保护法》第六十条";
      case "BANKRUPTCY_LIQUIDATED" -> "《中华人民共和国企业破产法》第一百二十条";
      case "CRIMINAL_PENALTY" -> "《中华人民共和国刑法》";
      case "CIVIL_INCAPACITY" -> "《中华人民共和国民法典》第二十四条";
      case "ABNORMAL_OPERATION" -> "《企业信息公示暂行条例》第十七条";
      case "A_TAXPAYER" -> "《纳税信用管理办法（试行）》第二十条";
      case "CONTRACT_ABIDING" -> "《广东省“守合同重信用”企业公示办法》";
      default -> "";
    };
  }

  /** effectiveUntil for a record decided on {@code decided}; {@code u} uniform in [0, 1). */
  LocalDate until(LocalDate decided, double u) {
    return switch (list) {
      case "DISHONEST_JUDGMENT_DEBTOR" -> u < 0.4 ? decided.plusYears(2) : null;
      case "MAJOR_TAX_VIOLATION" -> decided.plusYears(3);
      case "PROCUREMENT_VIOLATION" -> decided.plusYears(u < 0.4 ? 1 : u < 0.7 ? 2 : 3);
      case "BRIBERY_RECORD" -> decided.plusYears(5);
      case "PRACTITIONER_MISCONDUCT" -> u < 0.5 ? decided.plusYears(5) : null;
      case "A_TAXPAYER" -> decided.plusYears(1).minusDays(1);
      case "CONTRACT_ABIDING" -> decided.plusYears(2).minusDays(1);
      default -> null;
    };
  }

  String note(String status) {
    return switch (status) {
      case "OBJECTED" -> "当事人提出异议";
      case "ACTIVE" -> "异议不成立，恢复";
      case "REVOKED" -> "经复核认定错误，撤销";
      case "REPAIRED" -> list.equals("ABNORMAL_OPERATION") ? "移出经营异常名录" : "信用修复";
      case "RELEASED" -> "法院决定解除对该自然人的限制";
      default -> "";
    };
  }
}
