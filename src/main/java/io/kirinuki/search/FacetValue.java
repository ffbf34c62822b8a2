package io.kirinuki.search;

/** One value of a facet and the number of matching documents that have it. */
public record FacetValue(String value, long count) {}
