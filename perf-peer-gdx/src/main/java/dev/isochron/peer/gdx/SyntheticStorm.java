package dev.isochron.peer.gdx;

import com.badlogic.gdx.Input;
import com.badlogic.gdx.InputEventQueue;

import java.util.concurrent.locks.LockSupport;

/**
 * The demo's synthetic input storm ({@code SyntheticInputSource} at {@code --input-rate R}: a mouse drag along a
 * Lissajous path at 0.70 R, a scroll storm at 0.25 R, key mashing at 0.05 R, seeded as the demo seeds it) written into
 * a libGDX {@link InputEventQueue}, the queue libGDX's own GLFW callbacks write into ({@code DefaultLwjgl3Input}): each
 * duty cycle reads the clock once, emits every event due, stamped with that time, as the OS would deliver a burst, then
 * parks up to 200 us, as the engine's producer thread does. Scroll amounts are negated as libGDX's backend negates
 * GLFW's.
 * <p>
 * Thread: its own daemon thread ({@link #start}); the queue's methods are synchronized, which is libGDX's hand-off.
 */
final class SyntheticStorm implements Runnable
{
    /** Thread name. */
    static final String THREAD = "peer-input-synthetic";
    /** Moves per drag stroke, as the demo's default. */
    static final int STROKE_MOVES = 240;
    /** The most events one stream emits per cycle; further behind, it skips and resynchronises. */
    static final int MAX_EVENTS_PER_WORK = 4096;
    /** Longest park between cycles, as the engine's default idle strategy. */
    static final long PARK_NS = 200_000L;

    private static final int MOUSE = 0;
    private static final int SCROLL = 1;
    private static final int KEYS = 2;
    private static final int STREAMS = 3;

    private final InputEventQueue queue;
    private final double centerX;
    private final double centerY;
    private final double radius;
    private final long[] periodNs = new long[STREAMS];
    private final long[] nextDueNs = new long[STREAMS];
    private final long[] emitted = new long[STREAMS];
    private long random;
    private int heldKey = -1;
    private int mouseX;
    private int mouseY;
    private volatile boolean running = true;
    private volatile long totalEmitted;
    private volatile long skipped;
    private Thread thread;

    /**
     * @param queue  where the events go.
     * @param rateHz events per second in all, > 0.
     * @param seed   the demo's seed.
     * @param width  framebuffer width: the path's centre is its middle.
     * @param height framebuffer height.
     */
    SyntheticStorm(final InputEventQueue queue, final double rateHz, final long seed, final int width, final int height)
    {
        this.queue = queue;
        periodNs[MOUSE] = period(rateHz * 0.70);
        periodNs[SCROLL] = period(rateHz * 0.25);
        periodNs[KEYS] = period(rateHz * 0.05);
        centerX = width * 0.5;
        centerY = height * 0.5;
        radius = Math.min(width, height) * 0.4;
        random = seed == 0 ? 0x9E3779B97F4A7C15L : seed;
        mouseX = (int)centerX;
        mouseY = (int)centerY;
    }

    private static long period(final double hz)
    {
        return hz > 0 ? Math.max(1, Math.round(1e9 / hz)) : 0;
    }

    /** Starts the thread. @return it. */
    Thread start()
    {
        thread = new Thread(this, THREAD);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Stops the thread and waits for it. */
    void stop()
    {
        running = false;
        if (null != thread)
        {
            try
            {
                thread.join(5_000);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** @return events emitted so far; any thread. */
    long emitted()
    {
        return totalEmitted;
    }

    /** @return events skipped because a stream fell behind; any thread. */
    long skipped()
    {
        return skipped;
    }

    @Override
    public void run()
    {
        final long start = System.nanoTime();
        for (int s = 0; s < STREAMS; s++)
        {
            nextDueNs[s] = start;
        }
        while (running)
        {
            final long now = System.nanoTime();
            int work = 0;
            for (int s = 0; s < STREAMS; s++)
            {
                final long period = periodNs[s];
                if (period == 0)
                {
                    continue;
                }
                int count = 0;
                while (nextDueNs[s] <= now && count < MAX_EVENTS_PER_WORK)
                {
                    emit(s, now);
                    nextDueNs[s] += period;
                    count++;
                }
                if (nextDueNs[s] <= now)
                {
                    skipped += (now - nextDueNs[s]) / period + 1;
                    nextDueNs[s] = now + period;
                }
                work += count;
            }
            totalEmitted += work;
            if (work == 0)
            {
                LockSupport.parkNanos(PARK_NS);
            }
        }
    }

    private void emit(final int stream, final long now)
    {
        final long n = emitted[stream]++;
        switch (stream)
        {
            case MOUSE:
            {
                final long phase = n % (STROKE_MOVES + 2L);
                if (phase == 0)
                {
                    queue.touchDown(mouseX, mouseY, 0, Input.Buttons.LEFT, now);
                }
                else if (phase == STROKE_MOVES + 1L)
                {
                    queue.touchUp(mouseX, mouseY, 0, Input.Buttons.LEFT, now);
                }
                else
                {
                    final double t = (double)n * (2.0 * Math.PI / 997.0);
                    mouseX = (int)(centerX + radius * StrictMath.sin(3.0 * t));
                    mouseY = (int)(centerY + radius * StrictMath.sin(2.0 * t));
                    queue.touchDragged(mouseX, mouseY, 0, now);
                }
                break;
            }
            case SCROLL:
            {
                final long r = nextRandom();
                final float step = (r & 1) == 0 ? 1f : -1f;
                if ((r & 0x70) == 0)
                {
                    queue.scrolled(-step, 0f, now);
                }
                else
                {
                    queue.scrolled(0f, -step, now);
                }
                break;
            }
            default:
                if (heldKey < 0)
                {
                    heldKey = Input.Keys.A + (int)Long.remainderUnsigned(nextRandom(), 26);
                    queue.keyDown(heldKey, now);
                }
                else
                {
                    queue.keyUp(heldKey, now);
                    heldKey = -1;
                }
                break;
        }
    }

    private long nextRandom()
    {
        long x = random;
        x ^= x >>> 12;
        x ^= x << 25;
        x ^= x >>> 27;
        random = x;
        return x * 0x2545F4914F6CDD1DL;
    }
}
