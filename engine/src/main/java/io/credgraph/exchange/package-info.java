/**
 * Loading departmental batches in the exchange format ({@code EXCHANGE.md}): {@link
 * io.credgraph.exchange.ExchangeLoader}.
 *
 * <h2>Decisions</h2>
 *
 * <ul>
 *   <li><b>Batch identity</b>: the SHA-256 of the content after gunzip. A renamed copy, or the same
 *       content gzipped, is the same batch and is not loaded twice ({@code ALREADY_LOADED}, the
 *       store version is unchanged).
 *   <li><b>Two passes</b>: the first computes the hash and refuses, before anything is stored,
 *       corrupt gzip, binary data (a NUL byte), a {@code .gz} name on plain data and an empty
 *       batch; the second streams the lines. Lines longer than {@link
 *       io.credgraph.exchange.LoadOptions#maxLineBytes()} (1 MiB) are rejected without being held;
 *       memory does not depend on the batch size.
 *   <li><b>Department</b> of a fact: the line's {@code department}, else the caller's ({@code
 *       --department}), else the first word of the file name that starts with a letter ({@code
 *       003-court-2024.jsonl}: {@code COURT}). Provenance is department, batch name, batch hash and
 *       line number; a pending fact keeps the provenance of the line that delivered it.
 *   <li><b>Crash safety</b>: every {@code chunkLines} lines (5,000) are one write, ending with the
 *       batch's {@code Checkpoint} (last line, complete). A load run again skips the committed
 *       lines. Rejections of a chunk are reported only after it commits, so the rejection file of
 *       an interrupted run holds exactly the rejections of the committed lines (give the new run a
 *       new file; the CLI does by default).
 *   <li><b>Pending facts</b>: a relation, end, record or status whose subject, liable person or
 *       released person is not stored waits as a {@code PendingFact} (id: batch hash and line) on
 *       the first missing key; when a later line or batch delivers that subject, the waiting facts
 *       are applied in delivery order (batch order, then line) in the same write, and removed. A
 *       status for a record that waits, waits too; a status for a record nobody delivered is
 *       rejected.
 *   <li><b>Conflicts</b> are stored, flagged and queryable: a subject delivered under another name
 *       takes the new name and keeps every name with its source in the attribute {@code
 *       nameVariants}; two legal representatives at once and shareholder ratios above 1 are
 *       computed from the relations ({@link io.credgraph.exchange.ConflictReport}); the load report
 *       lists those of the organisations each batch touched. A record id delivered again with
 *       another decision keeps the first and is flagged in the load report only.
 *   <li><b>Fields</b>: unknown fields of subject, relation and record lines are kept as attributes
 *       (text as is, other JSON as JSON text); a status line's unknown fields are appended to its
 *       note; an end line's are not kept (an end changes an existing relation). A record line's
 *       {@code status} (with {@code statusOn}, default {@code effectiveFrom}) is the first entry of
 *       its history when the record is new.
 *   <li><b>Store-level refusals</b>: if the store refuses a chunk, the chunk is redone one line per
 *       write, and the lines the store refuses are rejected; the others are stored.
 * </ul>
 */
package io.credgraph.exchange;
