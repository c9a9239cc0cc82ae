package io.credgraph.rules;

/** The business domain a measure belongs to (DOMAIN.md section 5). */
public enum Domain {
  APPOINTMENT,
  GOV_PROCUREMENT,
  PUBLIC_BIDDING,
  SUBSIDY,
  FINANCING,
  HIGH_CONSUMPTION,
  HONOURS,
  MARKET_ACCESS,
  LAND_TRADING,
  CIVIL_SERVICE,
  INSPECTION,
  GREEN_CHANNEL
}
