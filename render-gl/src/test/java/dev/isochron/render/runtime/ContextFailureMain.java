package dev.isochron.render.runtime;

import dev.isochron.render.Isochron;
import dev.isochron.render.context.ContextKind;
import dev.isochron.render.context.GlContextException;

import java.util.List;

/**
 * Child-JVM program for {@link ContextFailureTest}, started without {@code DISPLAY} or {@code WAYLAND_DISPLAY}: asks
 * {@link Isochron#run} for a window, which cannot be made. Prints the exception's class and message, the runtime
 * threads alive afterwards, and whether a headless run in the same JVM still works (nothing was left half made);
 * exits 0 when the run threw the context exception itself, nothing was left running and the headless run ended
 * normally, 1 otherwise.
 */
public final class ContextFailureMain
{
    private ContextFailureMain()
    {
    }

    public static void main(final String[] args)
    {
        GlContextException thrown = null;
        try
        {
            Isochron.run(new TestScene(1), ApplicationRunnerTest.headless(Threading.MULTI)
                .context(ContextKind.WINDOW)
                .measurement(ApplicationRunnerTest.measured().frames(3)));
        }
        catch (final GlContextException ex)
        {
            thrown = ex;
        }
        catch (final RuntimeException ex)
        {
            System.out.println("FAIL threw " + ex);
            ex.printStackTrace(System.out);
            System.exit(1);
        }
        final List<String> threadsAfterFailure = ApplicationRunnerTest.liveRuntimeThreads();
        final RunResult headless = Isochron.run(new TestScene(1), ApplicationRunnerTest.headless(Threading.MULTI)
            .measurement(ApplicationRunnerTest.measured().frames(3)));
        final boolean ok = null != thrown && threadsAfterFailure.isEmpty() &&
            ExitCause.FRAME_LIMIT == headless.exitCause() && ApplicationRunnerTest.liveRuntimeThreads().isEmpty();
        System.out.println("MESSAGE " + (null == thrown ? "none" : thrown.getMessage()));
        System.out.println((ok ? "OK" : "FAIL") + " threw=" + (null == thrown ? "nothing" : thrown.getClass().getName()) +
            " threadsAfterFailure=" + threadsAfterFailure + " headlessAfterwards=" + headless.exitCause());
        System.exit(ok ? 0 : 1);
    }
}
