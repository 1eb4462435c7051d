package dev.isochron.render.runtime;

import dev.isochron.render.context.GlContextException;

/**
 * Runs one {@link Application} to its end, as Aeron's media driver runs its agents: a {@link RunContext} made and
 * concluded once (every object of the run, created in start-up order, each closed by whoever created it), a runner for
 * the threading mode ({@link MultiThreadedRunner} or {@link SingleThreadedRunner}) that makes, runs and joins the
 * threads, the shutdown through {@link Closing} with the run's one error handler (runner first, then the context), and
 * the report assembled apart ({@link RunReportAssembly}). Blocks the calling thread, which becomes the
 * platform thread (it must be the process's main thread for a window on macOS).
 * <p>
 * Not API: {@link dev.isochron.render.Isochron#run} is the entry point, and the one caller; this class is public only
 * because {@code Isochron} is in another package.
 * <p>
 * A context that cannot be made is thrown as the {@link GlContextException} itself (what was tried, what to install),
 * after the same clean shutdown.
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
     * @throws GlContextException       when no GL context could be made (nothing was started, nothing is left).
     * @throws IllegalStateException    when the JVM lacks the flag Agrona needs (checked first; see {@link JvmFlags}).
     */
    public static <S> RunResult run(final Application<S> app, final RuntimeConfig config)
    {
        JvmFlags.check();
        if (null == app)
        {
            throw RuntimeMessages.nullApp();
        }
        if (null == config)
        {
            throw RuntimeMessages.nullConfig();
        }
        config.conclude();
        return execute(new RunContext<>(app, config));
    }

    private static <S> RunResult execute(final RunContext<S> run)
    {
        final FailureRecorder failures = run.failures();
        AutoCloseable runner = null;
        try
        {
            run.conclude();
            if (Threading.MULTI == run.config().threading())
            {
                final MultiThreadedRunner<S> multi = new MultiThreadedRunner<>(run);
                runner = multi;
                multi.run();
            }
            else
            {
                final SingleThreadedRunner<S> single = new SingleThreadedRunner<>(run);
                runner = single;
                single.run();
            }
        }
        catch (final ApplicationFailure ex)
        {
            failures.record(ex);
        }
        catch (final Throwable ex)
        {
            if (ex != run.contextFailure())
            {
                failures.record(Phase.RUNTIME, ex);
            }
        }
        finally
        {
            // the runner's threads first, then what the context created
            Closing.closeAll(run.errorHandler(), runner, run);
        }
        final GlContextException contextFailure = run.contextFailure();
        if (null != contextFailure)
        {
            final ApplicationFailure later = failures.failure();
            if (null != later)
            {
                contextFailure.addSuppressed(later);
            }
            throw contextFailure;
        }
        final ApplicationFailure failure = failures.failure();
        if (null != failure)
        {
            throw failure;
        }
        return RunReportAssembly.finish(run);
    }
}
