package dev.isochron.render.hud;

import dev.isochron.render.text.TextBuffer;

/**
 * The HUD's text lines, formatted into reused {@link TextBuffer}s with integer and fixed-point arithmetic (no String
 * is built): milliseconds with one decimal, rounded half up. Render thread; allocation-free after construction.
 */
final class HudLines
{
    /** Most text lines: {@link HudOverlay#BASE_LINE_COUNT}, and the run p99's. */
    static final int MAX_COUNT = HudOverlay.BASE_LINE_COUNT + 1;

    private final TextBuffer[] lines = new TextBuffer[MAX_COUNT];
    private int count;

    HudLines(final int lineCapacity)
    {
        for (int i = 0; i < MAX_COUNT; i++)
        {
            lines[i] = new TextBuffer(lineCapacity);
        }
    }

    /** @return lines built by the last {@link #build}. */
    int count()
    {
        return count;
    }

    /** @return line {@code index}, in [0, {@link #count()}) (the caller checks). */
    TextBuffer line(final int index)
    {
        return lines[index];
    }

    /** Rebuilds the lines from the history's frame times and the figures. */
    void build(final FrameTimeHistory history, final HudFigures figures)
    {
        final long lastNs = history.lastNs();
        final int n = history.size();
        final long sumNs = history.sumNs();

        // FPS 60  frame 16.7 ms
        final TextBuffer fps = lines[0].clear();
        fps.append(Labels.FPS).append(n == 0 || sumNs == 0 ? 0 : (n * 1_000_000_000L + sumNs / 2) / sumNs);
        appendMs(fps.append(Labels.FRAME), lastNs);

        // p99 16.7 ms  max 18.2 ms
        final long max = history.maxNs();
        appendMs(lines[1].clear().append(Labels.P99), history.percentileNs(99.0));
        appendMs(lines[1].append(Labels.MAX), max);

        // stalls 2 in warm-up (>25.0 ms) / stalls 0 after warm-up (>25.0 ms) / stalls 2 (>25.0 ms)
        final String window = history.warmupFrames() == 0 ? Labels.NONE
            : history.inWarmup() ? Labels.IN_WARMUP : Labels.AFTER_WARMUP;
        final TextBuffer stallLine = lines[2].clear().append(Labels.STALLS).append(history.stalls()).append(window);
        appendMs(stallLine.append(Labels.STALL_THRESHOLD), history.stallThresholdNs()).append(')');

        // GC 3 after warm-up  max pause 1.2 ms
        final TextBuffer gcLine = lines[3].clear().append(Labels.GC).append(figures.gcCount()).append(window);
        appendMs(gcLine.append(Labels.MAX_PAUSE), figures.gcMaxPauseNs());

        // render alloc 0 B last frame
        lines[4].clear().append(Labels.ALLOC).append(figures.allocatedBytesPerFrame()).append(Labels.BYTES_LAST_FRAME);

        // input p99 0.4 ms  drops 0
        appendMs(lines[5].clear().append(Labels.INPUT_P99), figures.inputP99Ns()).append(Labels.DROPS)
            .append(figures.inputDrops());

        count = HudOverlay.BASE_LINE_COUNT;
        if (figures.hasMetrics())
        {
            // run p99 16.7 ms  1200 frames
            appendMs(lines[6].clear().append(Labels.RUN_P99), figures.runP99Ns())
                .append(Labels.SEPARATOR).append(figures.runFrames()).append(Labels.FRAMES);
            count = HudOverlay.BASE_LINE_COUNT + 1;
        }
    }

    /** Appends {@code ns} as milliseconds with one decimal, rounded half up, and " ms". */
    static TextBuffer appendMs(final TextBuffer text, final long ns)
    {
        if (ns < 0)
        {
            text.append('-');
        }
        final long tenths = (Math.abs(ns) + 50_000) / 100_000;
        return text.append(tenths / 10).append('.').append((char)('0' + tenths % 10)).append(Labels.MS);
    }

    /**
     * The label text, read per frame from fields that are not compile-time constants, so that HudLines holds no
     * String constant: the first C2 compile of a per-frame method would otherwise resolve every literal of the class
     * on the render thread mid-run (see {@code ClassConstants} in the engine test-jar). Initialised by the first
     * {@code build}, in the HUD's constructor.
     */
    private static final class Labels
    {
        static final String FPS;
        static final String FRAME;
        static final String P99;
        static final String MAX;
        static final String STALLS;
        static final String STALL_THRESHOLD;
        static final String GC;
        static final String MAX_PAUSE;
        static final String ALLOC;
        static final String BYTES_LAST_FRAME;
        static final String NONE;
        static final String IN_WARMUP;
        static final String AFTER_WARMUP;
        static final String INPUT_P99;
        static final String DROPS;
        static final String RUN_P99;
        static final String SEPARATOR;
        static final String FRAMES;
        static final String MS;

        static
        {
            // assigned here, not in the declarations, so that javac does not copy them into HudLines
            FPS = "FPS ";
            FRAME = "  frame ";
            P99 = "p99 ";
            MAX = "  max ";
            STALLS = "stalls ";
            STALL_THRESHOLD = " (>";
            GC = "GC ";
            MAX_PAUSE = "  max pause ";
            ALLOC = "render alloc ";
            BYTES_LAST_FRAME = " B last frame";
            NONE = "";
            IN_WARMUP = " in warm-up";
            AFTER_WARMUP = " after warm-up";
            INPUT_P99 = "input p99 ";
            DROPS = "  drops ";
            RUN_P99 = "run p99 ";
            SEPARATOR = "  ";
            FRAMES = " frames";
            MS = " ms";
        }

        private Labels()
        {
        }
    }
}
