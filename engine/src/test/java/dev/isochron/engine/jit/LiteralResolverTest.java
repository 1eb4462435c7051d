package dev.isochron.engine.jit;

import dev.isochron.engine.testing.ChildProcess;
import dev.isochron.engine.testing.ClassConstants;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LiteralResolverTest
{
    private static final int CALLS = 300_000;
    private static final AtomicBoolean INITIALIZED = new AtomicBoolean();

    @Test
    void shouldReachTheConstantPoolWithTheFlagsTheBuildGivesEveryTestJvm()
    {
        final LiteralResolver resolver = LiteralResolver.probe();

        assertTrue(resolver.available(), resolver.unavailableReason());
    }

    @Test
    void shouldResolveEveryStringConstantOfAClass() throws IOException
    {
        final int resolved = LiteralResolver.probe().resolve(WithLiterals.class);

        assertEquals(ClassConstants.stringConstants(WithLiterals.class).size(), resolved);
    }

    @Test
    void shouldStepOverTheSecondSlotOfLongAndDoubleConstants() throws IOException
    {
        final int resolved = LiteralResolver.probe().resolve(WithWideConstants.class);

        assertEquals(List.of("before the long", "after the double"), ClassConstants.stringConstants(WithWideConstants.class));
        assertEquals(2, resolved);
    }

    @Test
    void shouldResolveWithoutInitializingTheClass() throws IOException
    {
        final int resolved = LiteralResolver.probe().resolve(NeverInitialized.class);

        assertEquals(ClassConstants.stringConstants(NeverInitialized.class).size(), resolved);
        assertFalse(INITIALIZED.get(), "resolving ran NeverInitialized's static initializer");
    }

    @Test
    void shouldSkipAClassThatIsNotOnTheClassPath()
    {
        assertEquals(-1, LiteralResolver.probe().resolve("dev.isochron.NoSuchClass", getClass().getClassLoader()));
    }

    @Test
    void shouldResolveNothingWhenUnavailable()
    {
        final LiteralResolver resolver = LiteralResolver.unavailable("turned off");

        assertEquals(0, resolver.resolve(WithLiterals.class));
        assertEquals("turned off", resolver.unavailableReason());
    }

    /**
     * The JVM behaviour the resolver exists for; if a JDK stops allocating here, this fails and says the resolver (and
     * the frame-path classes' nested message classes) can go, and that the next test no longer proves anything.
     */
    @Test
    void shouldAllocateOnTheCallingThreadAtTheFirstC2CompileOfAClassWithUnresolvedLiterals()
    {
        final long allocated = Driver.allocatedWhileCalling(new ColdCounter(), CALLS);

        assertTrue(allocated > 0, "the first C2 compile of ColdCounter.step allocated nothing on the calling thread");
    }

    @Test
    void shouldKeepTheFirstC2CompileOfAResolvedClassAllocationFree() throws IOException
    {
        final ResolvedCounter counter = new ResolvedCounter();
        assertEquals(ClassConstants.stringConstants(ResolvedCounter.class).size(),
            LiteralResolver.probe().resolve(ResolvedCounter.class));

        assertEquals(0, Driver.allocatedWhileCalling(counter, CALLS));
    }

    @Test
    void shouldNameTheMissingFlagsWhenTheJdkHidesTheConstantPool() throws InterruptedException
    {
        // without ChildProcess.ENGINE_JVM_FLAGS: the child lacks the exports the resolver needs
        final String output = ChildProcess.javaMain(ProbeMain.class).limit(Duration.ofSeconds(60)).run()
            .requireFinished().output();

        assertTrue(output.startsWith("unavailable: the JDK's constant pool is not reachable"), output);
        assertTrue(output.contains(LiteralResolver.REQUIRED_FLAGS), output);
    }

    /** Prints whether the resolver is available in this JVM. */
    public static final class ProbeMain
    {
        public static void main(final String[] args)
        {
            final LiteralResolver resolver = LiteralResolver.probe();
            System.out.println(resolver.available() ? "available" : "unavailable: " + resolver.unavailableReason());
        }
    }

    /** Initializing it would set {@link #INITIALIZED}; only resolving touches it. */
    static final class NeverInitialized
    {
        static
        {
            INITIALIZED.set(true);
        }

        static String message()
        {
            return "a literal of a class nobody initializes";
        }
    }

    static final class WithLiterals
    {
        static String first()
        {
            return "first";
        }

        static String second()
        {
            return "second";
        }

        static String third()
        {
            return "third";
        }
    }

    static final class WithWideConstants
    {
        static long first(final long value)
        {
            return "before the long".length() + value + 1_234_567_890_123L;
        }

        static double second(final double ratio)
        {
            return ratio * 3.25e7 + "after the double".length();
        }
    }

    /** Counts; the literals are on a path never taken, as in an engine class's error message. */
    interface Counter
    {
        int step(int value);
    }

    /** Its literals are never resolved before the loop. */
    static final class ColdCounter implements Counter
    {
        private int total;

        public int step(final int value)
        {
            if (value < 0)
            {
                throw new IllegalArgumentException("value must be >= 0, was " + value + ": a message never built");
            }
            total += value;
            return total;
        }
    }

    /** The same as {@link ColdCounter}, a class of its own so that its first C2 compile is its own. */
    static final class ResolvedCounter implements Counter
    {
        private int total;

        public int step(final int value)
        {
            if (value < 0)
            {
                throw new IllegalArgumentException("value must be >= 0, was " + value + ": a message never built");
            }
            total += value;
            return total;
        }
    }

    /** Calls a counter in a loop and reads the calling thread's allocation; holds no literal of its own. */
    static final class Driver
    {
        static long allocatedWhileCalling(final Counter counter, final int calls)
        {
            final com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
            int sink = 0;
            final long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < calls; i++)
            {
                sink += counter.step(i & 1023);
            }
            final long after = threads.getCurrentThreadAllocatedBytes();
            return sink == 42 ? -1 : after - before;
        }
    }
}
