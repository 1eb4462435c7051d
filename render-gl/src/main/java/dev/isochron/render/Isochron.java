package dev.isochron.render;

import dev.isochron.render.runtime.Application;
import dev.isochron.render.runtime.ApplicationFailure;
import dev.isochron.render.runtime.ApplicationRunner;
import dev.isochron.render.runtime.RunResult;
import dev.isochron.render.runtime.RuntimeConfig;

/**
 * The entry point: {@code Isochron.run(app, new RuntimeConfig().size(800, 600))} opens a window (or a headless
 * context), starts the simulation and render threads and runs {@code app} until it ends.
 */
public final class Isochron
{
    private Isochron()
    {
    }

    /**
     * Runs {@code app}; blocks the calling thread (call it from {@code main}: it becomes the platform thread that
     * owns the window and pumps OS events).
     *
     * @param app    the application.
     * @param config the runtime configuration.
     * @param <S>    the render state type.
     * @return why the run ended and its report.
     * @throws ApplicationFailure       when application code failed, naming the phase and thread; the run has
     *                                  shut down cleanly by then.
     * @throws IllegalArgumentException when the configuration is invalid.
     * @throws dev.isochron.render.context.GlContextException when no GL context could be made: it names each kind of
     *                                  context tried, its error and what to install; nothing was left running.
     * @throws IllegalStateException    before anything starts, when the JVM was started without
     *                                  {@code --add-opens java.base/jdk.internal.misc=ALL-UNNAMED} (Agrona needs it):
     *                                  the message names each missing flag and how to add it for {@code java},
     *                                  {@code java -jar}, Maven and Gradle.
     */
    public static <S> RunResult run(final Application<S> app, final RuntimeConfig config)
    {
        return ApplicationRunner.run(app, config);
    }

    /**
     * Runs {@code app} with the default configuration.
     *
     * @param app the application.
     * @param <S> the render state type.
     * @return why the run ended and its report.
     */
    public static <S> RunResult run(final Application<S> app)
    {
        return run(app, new RuntimeConfig());
    }
}
