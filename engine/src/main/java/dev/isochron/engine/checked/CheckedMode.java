package dev.isochron.engine.checked;

/**
 * The switch of Isochron's checking mode, read once: {@code -Disochron.checked=true} on the JVM's command line (or
 * the system property set before this class initialises) turns it on for the whole process.
 * <p>
 * What it turns on, where each part lives: guard bytes around the off-heap memory Isochron allocates and writes on
 * the frame path, verified at the end of each frame and at close ({@link GuardedRegion}); bounds assertions on
 * every vertex reservation and slice; a check that each GL entry point of the frame path runs on the thread that
 * owns the GL context; LWJGL's debug allocator, whose leaks LWJGL reports at exit. docs/reliability.md lists them.
 * <p>
 * Cost when off: {@link #ENABLED} is a static final, so a branch on it is folded away by the JIT. Components that
 * can also be switched on per object (a constructor flag, {@code RuntimeConfig.checked}) take their default from
 * {@link #ENABLED} and keep it in a final field: off, that is one load and a never-taken branch per checked call
 * (a few per frame, none per quad), which C2 compiles as an uncommon trap. Allocation: none either way, unless a
 * check fails.
 */
public final class CheckedMode
{
    /** Whether {@code -Disochron.checked=true} was given: read once, when this class initialises. */
    public static final boolean ENABLED = Property.read();

    private CheckedMode()
    {
    }

    /** @return the system property that switches checking mode on: {@code isochron.checked}. */
    public static String propertyName()
    {
        return Property.name();
    }

    /** The property's name, in a class of its own so that CheckedMode, read on the frame path, holds no String. */
    private static final class Property
    {
        private Property()
        {
        }

        static String name()
        {
            return "isochron.checked";
        }

        static boolean read()
        {
            return Boolean.parseBoolean(System.getProperty(name(), "false").trim());
        }
    }
}
