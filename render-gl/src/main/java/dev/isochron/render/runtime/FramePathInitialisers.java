package dev.isochron.render.runtime;

/**
 * Initialises, on the thread that sets a run up and before any of the run's threads exists, the classes outside
 * Isochron that the frame path reaches and whose static initialisers are heavy, so that no frame runs them.
 * <p>
 * JOML's {@code MemUtil} is the one that matters: the first {@code Matrix4f.get} into off-heap memory (the camera's
 * projection upload in the first frame) initialises it, and through JOML's {@code Options} a {@code DecimalFormat},
 * the JDK's locale data and the lambda machinery: tens of milliseconds on a quiet machine, seconds on a loaded one
 * with the JIT busy, all inside the first frame on the render thread, beside whatever else was initialising classes
 * then. Start-up only.
 */
final class FramePathInitialisers
{
    /** JOML's off-heap access, chosen and initialised once (with JOML's Options). */
    private static final String JOML_MEMORY = "org.joml.MemUtil";

    private FramePathInitialisers()
    {
    }

    /** Runs the static initialisers; a library version without the class has nothing to run. */
    static void initialise()
    {
        try
        {
            Class.forName(JOML_MEMORY, true, FramePathInitialisers.class.getClassLoader());
        }
        catch (final ClassNotFoundException ex)
        {
            // another JOML version: its first use initialises what it has, where it happens
        }
    }
}
