package dev.isochron.render.hud;

import dev.isochron.engine.metrics.FrameMetrics;

/**
 * The HUD's error messages, in a class of their own so that {@link HudOverlay} holds no String constant: the first C2
 * compile of a per-frame method would otherwise resolve them on the render thread mid-run (see
 * {@code ClassConstants} in the engine test-jar). Allocation: builds the exception it returns.
 */
final class HudMessages
{
    private HudMessages()
    {
    }

    static IllegalArgumentException nullMetrics()
    {
        return new IllegalArgumentException("metrics must not be null");
    }

    static IllegalArgumentException nullFont()
    {
        return new IllegalArgumentException("font must not be null");
    }

    static IllegalArgumentException badHistoryFrames(final int historyFrames)
    {
        return new IllegalArgumentException("historyFrames must be in [2, " + HudOverlay.MAX_HISTORY_FRAMES + "], was " +
            historyFrames);
    }

    static IllegalArgumentException badTargetFrameNs(final long targetFrameNs)
    {
        return new IllegalArgumentException("targetFrameNs must be > 0, was " + targetFrameNs);
    }

    static IllegalArgumentException badStallThresholdNs(final long stallThresholdNs)
    {
        return new IllegalArgumentException("stallThresholdNs must be > 0, was " + stallThresholdNs);
    }

    static IllegalArgumentException badWarmupFrames(final int warmupFrames)
    {
        return new IllegalArgumentException("warmupFrames must be in [0, " + FrameMetrics.Context.MAX_WARMUP_FRAMES +
            "], was " + warmupFrames);
    }

    static IllegalArgumentException badScale(final int scale)
    {
        return new IllegalArgumentException("scale must be in [1, " + HudOverlay.MAX_SCALE + "], was " + scale);
    }

    static IndexOutOfBoundsException badLine(final int lineCount, final int index)
    {
        return new IndexOutOfBoundsException("line must be in [0, " + lineCount + "), was " + index);
    }
}
