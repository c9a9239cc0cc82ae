package io.credgraph.model;

/** The crime of a CRIMINAL_PENALTY record, as far as appointment rules distinguish it. */
public enum Crime {
  CORRUPTION,
  BRIBERY,
  EMBEZZLEMENT,
  MISAPPROPRIATION,
  /** 破坏社会主义市场经济秩序罪. */
  ECONOMIC_ORDER,
  OTHER;

  /** Crimes named in Company Law art. 146/178 (2) and MER art. 12 (2). */
  public boolean barsOffice() {
    return this != OTHER;
  }
}
