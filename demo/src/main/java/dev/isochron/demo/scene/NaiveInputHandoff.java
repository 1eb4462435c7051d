package dev.isochron.demo.scene;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import dev.isochron.input.state.InputState;

/**
 * The naive mode's input path, reproducing the first stall of docs/architecture.md ("The stalls it removes") on purpose: for every input
 * event a new event object and a capturing lambda are handed to an {@link ExecutorService}; the
 * handler runs on a pool thread and posts a new result object back to the UI (simulation) thread
 * through a concurrent queue, which applies the results it finds at its next tick. Each event thus
 * costs several allocations and two thread hops, and the result arrives a tick or more late.
 * <p>
 * Thread: {@link #submit} and {@link #applyPosted} on the simulation thread; the handlers on the
 * executor's threads. This is the counter-example: it allocates per event by design.
 */
public final class NaiveInputHandoff implements AutoCloseable
{
    /** A new one per event, as a UI toolkit's event object. */
    public static final class PointerEvent
    {
        final double x;
        final double y;
        final boolean pressed;
        final double scrollY;
        final long tick;

        PointerEvent(final double x, final double y, final boolean pressed, final double scrollY, final long tick)
        {
            this.x = x;
            this.y = y;
            this.pressed = pressed;
            this.scrollY = scrollY;
            this.tick = tick;
        }
    }

    /** A new one per handled event, posted back to the UI thread. */
    public static final class PointerResult
    {
        final double x;
        final double y;
        final boolean pressed;
        final double scrollY;

        PointerResult(final double x, final double y, final boolean pressed, final double scrollY)
        {
            this.x = x;
            this.y = y;
            this.pressed = pressed;
            this.scrollY = scrollY;
        }
    }

    private final ExecutorService executor = Executors.newFixedThreadPool(2, runnable ->
    {
        final Thread thread = new Thread(runnable, "naive-input-handler");
        thread.setDaemon(true);
        return thread;
    });
    private final ConcurrentLinkedQueue<PointerResult> posted = new ConcurrentLinkedQueue<>();
    private double mouseX = Double.NaN;
    private double mouseY = Double.NaN;
    private boolean pressed;
    private double scrollY;
    private long handled;

    /**
     * Hands each of the tick's events to the executor as a new object and lambda. The tick's input is
     * aggregated by the runtime, so every event of the tick carries the tick's pointer state; what
     * matters here is the per-event object, closure and thread hop.
     */
    public void submit(final InputState input, final long tick)
    {
        final int events = input.eventsThisTick();
        for (int i = 0; i < events; i++)
        {
            final PointerEvent event = new PointerEvent(
                input.mouseX(), input.mouseY(), input.isButtonDown(0), input.scrollY() / Math.max(1, events), tick);
            executor.submit(() -> posted.add(handle(event)));
        }
    }

    /** Applies the results the handlers posted since the last call (the "UI thread" side). */
    public void applyPosted()
    {
        PointerResult result;
        while (null != (result = posted.poll()))
        {
            mouseX = result.x;
            mouseY = result.y;
            pressed = result.pressed;
            scrollY += result.scrollY;
            handled++;
        }
    }

    /** @return the pointer's x as last posted back, NaN before any event. */
    public double mouseX()
    {
        return mouseX;
    }

    /** @return the pointer's y as last posted back, NaN before any event. */
    public double mouseY()
    {
        return mouseY;
    }

    /** @return whether the primary button was down in the last posted event. */
    public boolean pressed()
    {
        return pressed;
    }

    /** @return the scroll posted back since the last call, and resets it. */
    public double takeScrollY()
    {
        final double s = scrollY;
        scrollY = 0;
        return s;
    }

    /** @return events whose results were applied. */
    public long handled()
    {
        return handled;
    }

    private static PointerResult handle(final PointerEvent event)
    {
        return new PointerResult(event.x, event.y, event.pressed, event.scrollY);
    }

    /** Stops the executor, waiting briefly for queued handlers. */
    public void close()
    {
        executor.shutdownNow();
        try
        {
            executor.awaitTermination(1, TimeUnit.SECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
