package io.kirinuki.http;

/**
 * What the HTML error page shows.
 *
 * @param status the HTTP status
 * @param title a short Japanese heading
 * @param message one Japanese sentence saying what to do next
 */
record ErrorPage(int status, String title, String message) {}
