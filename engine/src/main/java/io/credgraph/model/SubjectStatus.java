package io.credgraph.model;

/** Registration status of an organisation (登记状态). Persons have none. */
public enum SubjectStatus {
  /** 存续 / 在业. */
  ACTIVE,
  /** 吊销. */
  REVOKED,
  /** 注销. */
  CANCELLED,
  /** 迁出. */
  MOVED_OUT,
  /** 清算中 / 停业. */
  SUSPENDED
}
