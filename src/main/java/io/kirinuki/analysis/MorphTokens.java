package io.kirinuki.analysis;

import org.apache.lucene.analysis.TokenStream;

/**
 * The morph and reading token streams of one text, made by a single Kuromoji pass ({@link
 * Analyzers#analyzeOnce}); each stream is single-use, for a pre-analysed field.
 *
 * @param morph exactly what {@link Analyzers#morph()} makes of the text
 * @param reading exactly what {@link Analyzers#reading()} makes of the text
 */
public record MorphTokens(TokenStream morph, TokenStream reading) {}
