package io.credgraph.model;

/**
 * The legal form of an enterprise. Appointment rules depend on it: a {@link #COMPANY}'s officers
 * follow the Company Law, every other form's legal representative the Market Entity Registration
 * Regulation.
 */
public enum LegalForm {
  /** 有限责任公司, 股份有限公司. */
  COMPANY,
  /** 非公司企业法人 (全民所有制, 集体所有制 ...). */
  NON_COMPANY_LEGAL_PERSON,
  /** 合伙企业. */
  PARTNERSHIP,
  /** 个人独资企业. */
  SOLE_PROPRIETORSHIP,
  /** 个体工商户. */
  INDIVIDUAL_BUSINESS,
  /** 农民专业合作社. */
  FARMERS_COOPERATIVE,
  /** 分支机构 (分公司, 营业单位). */
  BRANCH,
  /** 外国企业常驻代表机构 and other forms. */
  OTHER;

  public boolean isCompany() {
    return this == COMPANY;
  }
}
