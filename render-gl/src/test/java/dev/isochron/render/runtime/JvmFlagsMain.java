package dev.isochron.render.runtime;

import dev.isochron.render.Isochron;

/**
 * Child-JVM program for {@link JvmFlagsTest}, started with or without the flags Isochron needs: a first app's
 * {@code main}, which builds its configuration and calls {@link Isochron#run} (null renderer, 5 frames). Prints
 * {@code THREW <class>} and {@code MESSAGE <message>} when the run threw, {@code RAN <exit cause>} when it ran.
 */
public final class JvmFlagsMain
{
    private JvmFlagsMain()
    {
    }

    public static void main(final String[] args)
    {
        try
        {
            final RunResult result = Isochron.run(new TestScene(1), new RuntimeConfig()
                .renderer(RendererKind.NULL)
                .measurement(new MeasurementConfig().warmupFrames(0).frames(5)));
            System.out.println("RAN " + result.exitCause());
        }
        catch (final RuntimeException | Error ex)
        {
            System.out.println("THREW " + ex.getClass().getName());
            System.out.println("MESSAGE " + ex.getMessage());
            System.out.println("END");
        }
    }
}
