package dev.isochron.render.runtime;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Keeps the run's first failure as an {@link ApplicationFailure} (phase and thread name), attaches later ones to it
 * as suppressed, and sets the exit signal so every runtime thread winds down. Any thread; the failure path
 * allocates, nothing else touches it.
 */
final class FailureRecorder
{
    private final AtomicReference<ApplicationFailure> first = new AtomicReference<>();
    private final ExitSignal exit;

    FailureRecorder(final ExitSignal exit)
    {
        this.exit = exit;
    }

    void record(final Phase phase, final Throwable error)
    {
        record(new ApplicationFailure(phase, Thread.currentThread().getName(), error));
    }

    void record(final ApplicationFailure failure)
    {
        if (!first.compareAndSet(null, failure))
        {
            final ApplicationFailure existing = first.get();
            synchronized (existing)
            {
                existing.addSuppressed(failure);
            }
        }
        exit.fail();
    }

    boolean hasFailed()
    {
        return null != first.get();
    }

    ApplicationFailure failure()
    {
        return first.get();
    }
}
