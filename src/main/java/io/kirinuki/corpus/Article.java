package io.kirinuki.corpus;

import java.time.LocalDate;

/**
 * One newspaper article quoted in a post: the {@code ●headline} block with its outlet/date line.
 *
 * @param id stable id derived from the article's content (the same article quoted by two posts has
 *     the same id)
 * @param title the headline exactly as written after the {@code ●}
 * @param outlet canonical outlet name ({@code 読売新聞}), or null when the page names none
 * @param outletRaw the outlet as written ({@code 読売}), or null
 * @param date publication date, or null when it cannot be known
 * @param author byline when the outlet line carries one, or null
 * @param body the article text, page furniture removed
 */
public record Article(
    String id,
    String title,
    String outlet,
    String outletRaw,
    LocalDate date,
    String author,
    String body) {}
