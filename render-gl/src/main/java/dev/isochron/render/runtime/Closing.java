package dev.isochron.render.runtime;

import org.agrona.ErrorHandler;

/**
 * The shutdown's one way to close several things: each in the order given, a null skipped, and each failure, an
 * {@link Error} included, handed to the run's error handler while the rest are closed all the same. Agrona's
 * {@code CloseHelper.closeAll(ErrorHandler, ...)} catches only {@link Exception}: an {@link Error} from one close
 * (a {@link LinkageError}, an {@link OutOfMemoryError}) would skip every later one, leaving a thread running or a
 * window open, where the runtime's shutdown has always recorded any {@link Throwable} and gone on.
 * <p>
 * Threading: the caller's thread, at shutdown only (the varargs array is allocated per call).
 */
final class Closing
{
    private Closing()
    {
    }

    /**
     * @param errorHandler where each close's failure goes.
     * @param closeables   what to close, in order; nulls are skipped.
     */
    static void closeAll(final ErrorHandler errorHandler, final AutoCloseable... closeables)
    {
        for (int i = 0; i < closeables.length; i++)
        {
            final AutoCloseable closeable = closeables[i];
            if (null != closeable)
            {
                try
                {
                    closeable.close();
                }
                catch (final Throwable ex)
                {
                    errorHandler.onError(ex);
                }
            }
        }
    }
}
