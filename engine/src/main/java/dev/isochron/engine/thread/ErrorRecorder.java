package dev.isochron.engine.thread;

import org.agrona.ErrorHandler;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An {@link ErrorHandler} that never swallows: it keeps the first error together with the name of the
 * thread that raised it, counts every error, and lets the owner read both or rethrow.
 * <p>
 * Threading: {@link #onError(Throwable)} may be called from any thread (the agent's); the accessors from any
 * other. The error path may allocate (the first error's record); the happy path touches nothing.
 */
public final class ErrorRecorder implements ErrorHandler
{
    /** The first error and where it happened. */
    public static final class FirstError
    {
        private final String threadName;
        private final Throwable error;

        FirstError(final String threadName, final Throwable error)
        {
            this.threadName = threadName;
            this.error = error;
        }

        /** @return the name of the thread that raised the error. */
        public String threadName()
        {
            return threadName;
        }

        /** @return the error itself. */
        public Throwable error()
        {
            return error;
        }
    }

    private final String ownerName;
    private final AtomicLong errorCount = new AtomicLong();
    private final AtomicReference<FirstError> firstError = new AtomicReference<>();

    /**
     * @param ownerName names what the errors belong to (the agent's role), for {@link #rethrowIfFailed()}.
     */
    public ErrorRecorder(final String ownerName)
    {
        this.ownerName = ownerName;
    }

    /** Records {@code throwable}: the first one is kept with the current thread's name; all are counted. */
    public void onError(final Throwable throwable)
    {
        errorCount.incrementAndGet();
        if (null == firstError.get())
        {
            firstError.compareAndSet(null, new FirstError(Thread.currentThread().getName(), throwable));
        }
    }

    /** @return the number of errors recorded. */
    public long errorCount()
    {
        return errorCount.get();
    }

    /** @return whether any error was recorded. */
    public boolean hasFailed()
    {
        return null != firstError.get();
    }

    /** @return the first error recorded, or null when none. */
    public FirstError firstError()
    {
        return firstError.get();
    }

    /**
     * Throws when an error was recorded, so the owner cannot forget to look.
     *
     * @throws IllegalStateException naming the owner, the thread, the error count, with the first error as cause.
     */
    public void rethrowIfFailed()
    {
        final FirstError first = firstError.get();
        if (null != first)
        {
            throw new IllegalStateException(ownerName + " failed on thread '" + first.threadName + "': " +
                first.error + " (" + errorCount.get() + " error(s) in all; the first is the cause)", first.error);
        }
    }
}
