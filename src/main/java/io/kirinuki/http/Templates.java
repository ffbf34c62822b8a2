package io.kirinuki.http;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.List;

/**
 * The page templates ({@code src/main/jte}), compiled to classes at build time by jte-maven-plugin;
 * HTML mode escapes every {@code ${…}} for its context, so only what a template marks {@code
 * $unsafe} (the searcher's snippets) is printed raw.
 */
final class Templates {
  static final String SEARCH = "search.jte";
  static final String DOCUMENT = "document.jte";
  static final String ERROR = "error.jte";

  private static final String PACKAGE = "io.kirinuki.http";

  private final TemplateEngine engine;

  /** Loads every template now, so that a missing one stops the server at startup. */
  Templates() {
    engine =
        TemplateEngine.createPrecompiled(
            null, ContentType.Html, Templates.class.getClassLoader(), PACKAGE);
    for (String name : List.of(SEARCH, DOCUMENT, ERROR)) {
      engine.prepareForRendering(name);
    }
  }

  String render(String name, Object model) {
    StringOutput output = new StringOutput(16 * 1024);
    engine.render(name, model, output);
    return output.toString();
  }
}
