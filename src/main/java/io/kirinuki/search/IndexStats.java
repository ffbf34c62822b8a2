package io.kirinuki.search;

import java.time.LocalDate;

/**
 * What an index holds, as {@code kirinuki stats} prints it.
 *
 * @param outlets number of distinct canonical outlets among the articles
 * @param firstDate earliest known document date, or null
 * @param lastDate latest known document date, or null
 * @param sizeBytes bytes of the index files on disk
 */
public record IndexStats(
    long posts, long articles, long outlets, LocalDate firstDate, LocalDate lastDate, long sizeBytes) {}
