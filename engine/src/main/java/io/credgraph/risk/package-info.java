/**
 * Associated risk (关联风险, DOMAIN.md 6.3) over any {@link io.credgraph.risk.ControlGraph}: an
 * investigative signal, never a sanction.
 */
package io.credgraph.risk;
