package io.credgraph.api.view;

import java.util.Optional;

/**
 * The state of the audit log's hash chain, verified line by line on request: intact or not, the
 * entries and bytes covered, the head hash (to anchor elsewhere), and where and why it breaks.
 */
public record AuditChainView(
    boolean intact,
    long entries,
    String head,
    long bytes,
    Optional<Long> brokenAtLine,
    Optional<String> problem) {}
