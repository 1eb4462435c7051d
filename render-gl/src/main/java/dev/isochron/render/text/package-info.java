/**
 * Text: fonts baked into glyph atlases (the built-in bitmap font and TrueType files through
 * stb_truetype, validated first) covering Latin-1's printable characters, glyph quads drawn through a
 * {@link dev.isochron.render.batch.SpriteBatch}, blocks wrapped and aligned to a width
 * ({@link dev.isochron.render.text.TextLayout}, {@link dev.isochron.render.text.TextAlign}), and
 * {@link dev.isochron.render.text.TextBuffer} for HUD strings formatted without allocation.
 * <p>
 * Threads: fonts are loaded once at start-up on any thread (loading allocates and reads files);
 * drawing and formatting run on the thread that records the batch and are allocation-free.
 */
package dev.isochron.render.text;
