package dev.isochron.render.runtime;

/**
 * Runs one {@link Application} to its end; {@link dev.isochron.render.Isochron#run} is the public entry point.
 * Blocks the calling thread, which becomes the platform thread (it must be the process's main thread for a window
 * on macOS).
 */
public final class ApplicationRunner
{
    private ApplicationRunner()
    {
    }

    /**
     * Runs {@code app} as configured by {@code config} until the window closes, an exit is requested, a limit is
     * reached, or application code throws.
     *
     * @param app    the application.
     * @param config the runtime configuration (concluded here).
     * @param <S>    the render state type.
     * @return why the run ended and its report.
     * @throws ApplicationFailure       when application code or the runtime failed (after a clean shutdown).
     * @throws IllegalArgumentException when the configuration is invalid.
     */
    public static <S> RunResult run(final Application<S> app, final RuntimeConfig config)
    {
        throw new UnsupportedOperationException("runtime implementation lands next");
    }
}
