package dev.isochron.peer.gdx;

import com.badlogic.gdx.Application;

import java.util.concurrent.locks.LockSupport;

/**
 * The demo's chart feed ({@code dev.isochron.demo.chart.ChartFeed}): one row of the four signals per millisecond of
 * wall time, delivered in bursts (it wakes every 2-40 ms, with the demo's xorshift sequence, and sends everything
 * due), as a network feed would. libGDX's way to hand data from another thread to the render thread is
 * {@link Application#postRunnable}: each burst becomes one runnable carrying a new array of its rows, which libGDX
 * runs on the render thread before the next frame.
 * <p>
 * Thread: its own daemon thread ({@link #start}).
 */
final class ChartFeed implements Runnable
{
    /** Thread name. */
    static final String THREAD = "peer-chart-feed";

    private final Application app;
    private final ChartPeer chart;
    private final long startSample;
    private long nextSample;
    private long random = 0x2545F4914F6CDD1DL;
    private volatile boolean running = true;
    private volatile long bursts;
    private Thread thread;

    ChartFeed(final Application app, final ChartPeer chart, final long firstSample)
    {
        this.app = app;
        this.chart = chart;
        this.startSample = firstSample;
        this.nextSample = firstSample;
    }

    Thread start()
    {
        thread = new Thread(this, THREAD);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

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

    /** @return bursts posted so far; any thread. */
    long bursts()
    {
        return bursts;
    }

    @Override
    public void run()
    {
        final long startNs = System.nanoTime();
        while (running)
        {
            final long now = System.nanoTime();
            final long due = startSample + (now - startNs) / 1_000_000L;
            final int rows = (int)Math.min(Integer.MAX_VALUE / ChartSignals.SERIES, due - nextSample);
            if (rows > 0)
            {
                final long first = nextSample;
                final float[] values = new float[rows * ChartSignals.SERIES];
                for (int r = 0; r < rows; r++)
                {
                    for (int s = 0; s < ChartSignals.SERIES; s++)
                    {
                        values[r * ChartSignals.SERIES + s] = ChartSignals.value(s, first + r);
                    }
                }
                nextSample = first + rows;
                app.postRunnable(() -> chart.append(first, values));
                bursts++;
            }
            random ^= random << 13;
            random ^= random >>> 7;
            random ^= random << 17;
            final long sleepNs = 2_000_000L + ((random >>> 1) % 38_000_000L);
            final long wakeNs = now + sleepNs;
            while (running && System.nanoTime() < wakeNs)
            {
                LockSupport.parkNanos(wakeNs - System.nanoTime());
            }
        }
    }
}
