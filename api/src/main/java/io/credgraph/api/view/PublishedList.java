package io.credgraph.api.view;

import io.credgraph.model.ListKind;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A page of a published list on {@code asOf}: the list's code, name and kind, how many entries it
 * has in all, the entries of this page and the cursor of the next.
 */
public record PublishedList(
    String code,
    String name,
    ListKind kind,
    LocalDate asOf,
    long total,
    List<ListEntry> items,
    Optional<String> next) {}
