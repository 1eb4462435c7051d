package dev.isochron.render.runtime;

import dev.isochron.engine.thread.WorkerFailureException;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Keeps the run's first failure as an {@link ApplicationFailure} (phase and thread name: a render worker's own name
 * for a {@link WorkerFailureException}, else the recording thread's), attaches later ones to it
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
        // a render worker's failure is rethrown by the render thread's join: name the worker, not the render thread
        final String threadName = error instanceof WorkerFailureException ?
            ((WorkerFailureException)error).workerName() : Thread.currentThread().getName();
        record(new ApplicationFailure(phase, threadName, error));
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
