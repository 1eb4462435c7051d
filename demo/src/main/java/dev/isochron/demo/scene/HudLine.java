package dev.isochron.demo.scene;

import dev.isochron.render.runtime.RuntimeStats;
import dev.isochron.render.text.TextBuffer;

/**
 * The one-line HUD the demo scenes show at the top left: the scene's own figures followed by the
 * runtime's frame time, stalls and GC count, and when input arrives (the storm scene) the input
 * events, their 99th percentile latency and the drops. The engine mode builds it in a reused
 * {@link TextBuffer} with integer and fixed-point formatting; the naive mode builds a new string
 * with {@link String#format} every frame (docs/architecture.md, "The stalls it removes": per-frame text).
 * <p>
 * Thread: the render thread. Allocation: {@link #engine} is allocation-free; {@link #naive} is not,
 * by design.
 */
public final class HudLine
{
    private final TextBuffer text = new TextBuffer(160);

    /** @return the buffer the scene appends its own figures to, cleared. Allocation-free. */
    public TextBuffer begin()
    {
        return text.clear();
    }

    /** Appends the runtime's figures to the scene's and returns the line. Allocation-free. */
    public TextBuffer engine(final RuntimeStats stats)
    {
        return engine(stats.lastFrameTimeNs(), stats.stalls(), stats.gcCount(), stats.inputEvents(),
            stats.inputLatencyP99Ns(), stats.inputDrops());
    }

    /** Appends the given figures to the scene's and returns the line. Allocation-free. */
    public TextBuffer engine(
        final long lastFrameTimeNs,
        final long stalls,
        final long gcCount,
        final long inputEvents,
        final long inputLatencyP99Ns,
        final long inputDrops)
    {
        text.append("  frame ").appendFixed(lastFrameTimeNs / 1e6, 1)
            .append(" ms  stalls ").append(stalls)
            .append("  gc ").append(gcCount);
        if (inputEvents > 0)
        {
            text.append("  input ").append(inputEvents)
                .append(" p99 ").appendFixed(inputLatencyP99Ns / 1e6, 2)
                .append(" ms drops ").append(inputDrops);
        }
        return text;
    }

    /** The same line, built the naive way: a new formatted string per frame. */
    public static String naive(final String sceneFigures, final RuntimeStats stats)
    {
        final String line = String.format("%s  frame %.1f ms  stalls %d  gc %d",
            sceneFigures, stats.lastFrameTimeNs() / 1e6, stats.stalls(), stats.gcCount());
        if (stats.inputEvents() > 0)
        {
            return line + String.format("  input %d p99 %.2f ms drops %d",
                stats.inputEvents(), stats.inputLatencyP99Ns() / 1e6, stats.inputDrops());
        }
        return line;
    }
}
