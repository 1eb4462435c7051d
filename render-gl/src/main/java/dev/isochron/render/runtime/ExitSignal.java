package dev.isochron.render.runtime;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The run's one stop flag: the first cause set wins (a failure, a requested exit, a limit, a closed window);
 * every runtime thread polls {@link #isSet()} once per duty cycle. Any thread; allocation-free.
 */
final class ExitSignal
{
    private final AtomicReference<ExitCause> cause = new AtomicReference<>();
    private volatile boolean failed;

    ExitSignal()
    {
        // Load and initialise ExitCause now, at start-up: loading it on the render thread when a frame limit is
        // reached allocated ~9 KB (class loading) inside the measured window.
        cause.set(ExitCause.FRAME_LIMIT);
        cause.set(null);
    }

    void request(final ExitCause exitCause)
    {
        cause.compareAndSet(null, exitCause);
    }

    void fail()
    {
        failed = true;
    }

    boolean isSet()
    {
        return failed || null != cause.get();
    }

    boolean isFailed()
    {
        return failed;
    }

    ExitCause cause()
    {
        return cause.get();
    }
}
