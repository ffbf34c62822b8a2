package io.kirinuki.search;

import java.util.List;
import java.util.Map;

/**
 * The answer to a {@link SearchRequest}: one page of hits plus facet counts over all matches.
 *
 * @param facets facet name ({@code type}, {@code outlet}, {@code year}, {@code month}) to values,
 *     counted over every match, not only this page
 */
public record SearchResult(
    String query,
    long total,
    int page,
    int size,
    long tookMs,
    List<Hit> hits,
    Map<String, List<FacetValue>> facets) {}
