package dev.isochron.input.synthetic;

import dev.isochron.input.queue.InputProducer;
import org.agrona.concurrent.Agent;
import org.lwjgl.glfw.GLFW;

/**
 * Injects realistic input streams through an {@link InputProducer} at configured rates: a mouse drag
 * along a Lissajous path, scroll storms, key mashing and typed text (see {@link SyntheticInputConfig}).
 * <p>
 * Each duty cycle reads the producer's clock once and emits every event due by then, stamped with that
 * time, exactly as an OS thread would capture a burst; a stream more than
 * {@code maxEventsPerWork} events behind skips the rest and resynchronises (counted). The streams'
 * content depends only on the seed and the number of events emitted, so under a manual clock the
 * output is deterministic.
 * <p>
 * Thread: run by one {@code AgentRunner} thread (or stepped by one test thread via
 * {@link #produceUntil(long)}). Allocation-free per duty cycle.
 */
public final class SyntheticInputSource implements Agent
{
    private static final int MOUSE = 0;
    private static final int SCROLL = 1;
    private static final int KEYS = 2;
    private static final int TEXT = 3;
    private static final int STREAMS = 4;

    private final InputProducer producer;
    private final int strokeMoves;
    private final double centerX;
    private final double centerY;
    private final double radius;
    private final int[] text;
    private final int maxEventsPerWork;
    private final long[] periodNs = new long[STREAMS];
    private final long[] nextDueNs = new long[STREAMS];
    private final long[] emitted = new long[STREAMS];
    private boolean started;
    private long random;
    private int heldKey = -1;
    private volatile long totalEmitted;
    private volatile long refused;
    private volatile long skipped;

    /**
     * @param producer the producer to write through; used only by this source's thread from now on.
     * @param config   the streams and their rates; copied.
     */
    public SyntheticInputSource(final InputProducer producer, final SyntheticInputConfig config)
    {
        this.producer = producer;
        strokeMoves = config.strokeMoves();
        centerX = config.pathCenterX();
        centerY = config.pathCenterY();
        radius = config.pathRadius();
        text = config.text();
        maxEventsPerWork = config.maxEventsPerWork();
        periodNs[MOUSE] = period(config.mouseDragHz());
        periodNs[SCROLL] = period(config.scrollStormHz());
        periodNs[KEYS] = period(config.keyMashHz());
        periodNs[TEXT] = period(config.textHz());
        random = config.seed() == 0 ? 0x9E3779B97F4A7C15L : config.seed();
    }

    /** {@inheritDoc} */
    public int doWork()
    {
        return produceUntil(producer.clock().nanoTime());
    }

    /**
     * Emits every event due by {@code nowNs}, stamped with {@code nowNs}, then flushes coalesced motion.
     * The first call starts every stream's schedule at {@code nowNs}. Allocation-free.
     *
     * @param nowNs the producer clock's time now.
     * @return the number of events emitted.
     */
    public int produceUntil(final long nowNs)
    {
        if (!started)
        {
            started = true;
            for (int s = 0; s < STREAMS; s++)
            {
                nextDueNs[s] = nowNs;
            }
        }
        int work = 0;
        for (int s = 0; s < STREAMS; s++)
        {
            final long period = periodNs[s];
            if (period == 0)
            {
                continue;
            }
            int count = 0;
            while (nextDueNs[s] <= nowNs && count < maxEventsPerWork)
            {
                emit(s, nowNs);
                nextDueNs[s] += period;
                count++;
            }
            if (nextDueNs[s] <= nowNs)
            {
                skipped += (nowNs - nextDueNs[s]) / period + 1;
                nextDueNs[s] = nowNs + period;
            }
            work += count;
        }
        if (work > 0)
        {
            producer.flushMotion();
            totalEmitted += work;
        }
        return work;
    }

    /** {@inheritDoc} */
    public String roleName()
    {
        return Messages.roleName();
    }

    /** @return events emitted (written or not); any thread. */
    public long emitted()
    {
        return totalEmitted;
    }

    /** @return events the producer could not write (ring full: dropped or coalesced); any thread. */
    public long refused()
    {
        return refused;
    }

    /** @return events skipped because a stream fell more than {@code maxEventsPerWork} behind; any thread. */
    public long skipped()
    {
        return skipped;
    }

    private void emit(final int stream, final long nowNs)
    {
        final long n = emitted[stream]++;
        final boolean written;
        switch (stream)
        {
            case MOUSE:
                written = emitDrag(n, nowNs);
                break;
            case SCROLL:
            {
                final long r = nextRandom();
                final double step = (r & 1) == 0 ? 1.0 : -1.0;
                written = (r & 0x70) == 0 ? producer.scrollAt(nowNs, step, 0) : producer.scrollAt(nowNs, 0, step);
                break;
            }
            case KEYS:
                if (heldKey < 0)
                {
                    heldKey = GLFW.GLFW_KEY_A + (int)Long.remainderUnsigned(nextRandom(), 26);
                    written = producer.keyAt(nowNs, heldKey, heldKey, GLFW.GLFW_PRESS, 0);
                }
                else
                {
                    written = producer.keyAt(nowNs, heldKey, heldKey, GLFW.GLFW_RELEASE, 0);
                    heldKey = -1;
                }
                break;
            default:
                written = producer.codePointAt(nowNs, text[(int)(n % text.length)]);
                break;
        }
        if (!written)
        {
            refused++;
        }
    }

    private boolean emitDrag(final long n, final long nowNs)
    {
        // A stroke is: press, strokeMoves moves, release.
        final long phase = n % (strokeMoves + 2L);
        if (phase == 0)
        {
            return producer.mouseButtonAt(nowNs, GLFW.GLFW_MOUSE_BUTTON_LEFT, GLFW.GLFW_PRESS, 0);
        }
        if (phase == strokeMoves + 1L)
        {
            return producer.mouseButtonAt(nowNs, GLFW.GLFW_MOUSE_BUTTON_LEFT, GLFW.GLFW_RELEASE, 0);
        }
        final double t = (double)n * (2.0 * Math.PI / 997.0);
        final double x = centerX + radius * StrictMath.sin(3.0 * t);
        final double y = centerY + radius * StrictMath.sin(2.0 * t);
        return producer.mouseMoveAt(nowNs, x, y);
    }

    private long nextRandom()
    {
        // xorshift64*: deterministic, allocation-free.
        long x = random;
        x ^= x >>> 12;
        x ^= x << 25;
        x ^= x >>> 27;
        random = x;
        return x * 0x2545F4914F6CDD1DL;
    }

    private static long period(final double hz)
    {
        return hz == 0 ? 0 : Math.max(1L, Math.round(1e9 / hz));
    }

    /**
     * The role name, in a class of its own so that SyntheticInputSource holds no String constant: the first C2
     * compile of {@link #doWork()} would otherwise resolve it on the input thread, allocating there once mid-run
     * (see {@code ClassConstants} in the engine test-jar).
     */
    private static final class Messages
    {
        private Messages()
        {
        }

        static String roleName()
        {
            return "synthetic-input";
        }
    }
}
