package io.kirinuki.search;

import java.time.LocalDate;

/**
 * One search hit.
 *
 * @param type {@code post} or {@code article}
 * @param outlet canonical outlet name, or null
 * @param date the document's date, or null when unknown
 * @param snippet HTML-escaped text with the matches in {@code <mark>…</mark>}
 * @param postId the quoting post of an article, null for a post
 */
public record Hit(
    String id,
    String type,
    String title,
    String outlet,
    LocalDate date,
    String snippet,
    String postId,
    float score) {}
