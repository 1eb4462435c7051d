package dev.isochron.render.text;

import dev.isochron.engine.testing.AllocationGate;
import dev.isochron.render.batch.Rgba;
import dev.isochron.render.batch.SpriteBatch;
import org.junit.jupiter.api.Test;

/**
 * Wrapping, measuring and aligning a block that changes every frame — Latin-1 letters, a word wider than the
 * width, newlines, characters outside Latin-1 — allocates nothing in its steady state.
 */
class WrappedTextAllocationTest
{
    private static final String WORDS = "Gr\u00fc\u00dfe aus K\u00f6ln, 21 \u00b0C \u00b1 0.5 \u00b5s " +
        "Donaudampfschifffahrtsgesellschaft\n\u20ac \u4e2d ";

    @Test
    void shouldAllocateNothingPerFrameWrappingMeasuringAndAligning() throws Exception
    {
        try (Font font = BitmapFont.create().textureKey(1))
        {
            final SpriteBatch batch = new SpriteBatch(4096);
            final TextBuffer text = new TextBuffer(512);
            final TextLayout layout = new TextLayout(16);
            final TextAlign[] aligns = TextAlign.values();
            final float[] sink = new float[1];

            AllocationGate.assertSteadyZero("wrapped text frame", 20_000, 2_000, i ->
            {
                text.clear().append(WORDS).append(i).append(' ').appendFixed(i * 0.25, 2);
                batch.clear();
                final float width = 40f + i % 200;
                font.measureWrapped(text, width, 1f + i % 2, layout);
                sink[0] += layout.height() + layout.width() + layout.lineOffset(0, aligns[i % 3]);
                sink[0] += font.drawWrapped(batch, text, 8f, 8f, width, aligns[i % 3], 1f + i % 2, Rgba.WHITE);
            });
        }
    }
}
