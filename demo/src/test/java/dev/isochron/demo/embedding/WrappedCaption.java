package dev.isochron.demo.embedding;

import dev.isochron.input.state.InputState;
import dev.isochron.render.batch.Rgba;
import dev.isochron.render.runtime.*;
import dev.isochron.render.text.TextAlign;
import dev.isochron.render.text.TextBuffer;
import dev.isochron.render.text.TextLayout;

/** A caption in the default font, wrapped and centred on a panel sized to fit it, rebuilt every frame. */
public final class WrappedCaption implements Application<long[]> {
    static final float WIDTH = 120;
    private final TextBuffer caption = new TextBuffer(128);
    private final TextLayout layout = new TextLayout(0);
    private long ticks;

    public long[] newRenderState() {
        return new long[1];
    }

    public void update(Tick tick, InputState input) {
        ticks++;
    }

    public void writeRenderState(long[] state) {
        state[0] = ticks;
    }

    public void render(long[] state, Frame frame) {
        caption.clear().append("Grüße aus Köln: 21 °C, ±0.5 µs after tick ").append(state[0]);
        frame.defaultFont().measureWrapped(caption, WIDTH, 1, layout);
        frame.hudShapes().rect(4, 4, WIDTH + 8, layout.height() + 8, Rgba.fromHex(0x203060FF));
        frame.hudTextWrapped(caption, 8, 8, WIDTH, TextAlign.CENTRE, 1, Rgba.WHITE);
    }
}
