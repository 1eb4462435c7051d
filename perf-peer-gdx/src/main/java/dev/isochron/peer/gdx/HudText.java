package dev.isochron.peer.gdx;

import com.badlogic.gdx.utils.StringBuilder;

/**
 * The demo's HUD line for the peer, built in one reused libGDX {@link StringBuilder} (its {@code append(int)} writes
 * digits without a temporary string), ending with the same runtime figures as the engine's: frame time with one
 * decimal, stalls, GC count, and the input events when there are any.
 * <p>
 * Thread: the render thread.
 */
final class HudText
{
    private final StringBuilder text = new StringBuilder(160);

    /** @return the builder, cleared, for the scene's own figures. */
    StringBuilder begin()
    {
        text.setLength(0);
        return text;
    }

    /** Appends the runtime's figures and returns the line. */
    StringBuilder end(final HudFigures figures)
    {
        text.append("  frame ");
        appendFixed(text, figures.lastFrameNs / 1e6, 1);
        text.append(" ms  stalls ").append(figures.stalls).append("  gc ").append(figures.gcCount);
        if (figures.inputEvents > 0)
        {
            text.append("  input ").append(figures.inputEvents);
        }
        return text;
    }

    /** Appends {@code value} with {@code decimals} decimals (at most 6), without a temporary string. */
    static StringBuilder appendFixed(final StringBuilder sb, final double value, final int decimals)
    {
        double v = value;
        if (v != v)
        {
            return sb.append("NaN");
        }
        if (v < 0)
        {
            sb.append('-');
            v = -v;
        }
        long scale = 1;
        for (int i = 0; i < decimals; i++)
        {
            scale *= 10;
        }
        final long scaled = Math.round(v * scale);
        sb.append(scaled / scale);
        if (decimals > 0)
        {
            sb.append('.');
            final long fraction = scaled % scale;
            for (long digit = scale / 10; digit > 0; digit /= 10)
            {
                sb.append((char)('0' + (fraction / digit) % 10));
            }
        }
        return sb;
    }
}
