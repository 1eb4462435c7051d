package dev.isochron.engine.jit;

import dev.isochron.engine.testing.ClassConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link LiteralResolver#resolve(Class)} for every kind of class: each is linked and resolved, or refused with a
 * message that says what to resolve instead.
 * <p>
 * Reading a String of an unlinked class's constant pool crashes the JVM, so the kinds that crashed before (an
 * interface, an annotation type) and a class whose linking fails run in a fresh child JVM, where nothing has linked
 * them yet and a crash fails the test instead of the test run; the child logs class verification (part of linking)
 * and initialization, so the test also sees that the resolver linked the class and did not initialize it. The other
 * kinds are linked by {@code getDeclaredConstructors}, which reaches the VM's {@code link_class} for every class
 * that is not an interface (hidden classes are linked when they are defined), and run here.
 */
class LiteralResolverKindTest
{
    private static final String RESOLVING = "resolving";
    private static final String RESOLVED = "resolved ";
    private static final String REFUSED = "refused: ";
    private static final int CHILD_TIMEOUT_S = 60;
    /** What a JVM's fatal error handler exits with when it dumps no core. */
    private static final int FATAL_ERROR_EXIT = 1;
    private static final AtomicReference<String> SINK = new AtomicReference<>();

    @TempDir
    Path crashDir;

    /** The kind that crashed the JVM: {@code Class.getDeclaredConstructors} never asks the VM about an interface. */
    @Test
    void shouldLinkAndResolveAnInterfaceInAFreshJvm() throws IOException, InterruptedException
    {
        final ChildRun run = runChild(ResolveMain.class, FrameStep.class.getName());

        assertEquals(0, run.exitStatus, run.output);
        assertLinkedWhileResolving(run, FrameStep.class);
        assertTrue(run.output.contains(RESOLVED + ClassConstants.stringConstants(FrameStep.class).size()), run.output);
    }

    @Test
    void shouldLinkAndResolveAnAnnotationTypeInAFreshJvm() throws IOException, InterruptedException
    {
        final ChildRun run = runChild(ResolveMain.class, FrameMarker.class.getName());

        assertEquals(0, run.exitStatus, run.output);
        assertLinkedWhileResolving(run, FrameMarker.class);
        assertTrue(run.output.contains(RESOLVED + ClassConstants.stringConstants(FrameMarker.class).size()),
            run.output);
    }

    /** Its pool is never read: when linking throws, the class is not linked. */
    @Test
    void shouldRefuseAClassWhoseLinkingFailsInAFreshJvm() throws InterruptedException, IOException
    {
        final ChildRun run = runChild(FailedLinkMain.class);

        assertEquals(0, run.exitStatus, run.output);
        assertTrue(run.output.contains(REFUSED + "cannot resolve the literals of " + NeedsMissing.class.getName() +
            ": java.lang.NoClassDefFoundError: " + Missing.class.getName().replace('.', '/')), run.output);
    }

    /**
     * The JVM behaviour the linking guards against, and proof that the child JVM tests above would see it: if a JDK
     * stops crashing here, this fails and says so.
     */
    @Test
    void shouldCrashAJvmThatReadsTheLiteralsOfAnUnlinkedInterface() throws IOException, InterruptedException
    {
        final ChildRun run = runChild(UnlinkedReadMain.class, FrameStep.class.getName());

        assertEquals(FATAL_ERROR_EXIT, run.exitStatus, run.output);
        assertTrue(run.output.contains("SIGSEGV"), run.output);
    }

    @Test
    void shouldResolveAnEnum() throws IOException
    {
        final int resolved = LiteralResolver.probe().resolve(FrameMode.class);

        assertEquals(ClassConstants.stringConstants(FrameMode.class).size(), resolved);
    }

    /** A record's {@code toString} bootstrap names its components in String constants. */
    @Test
    void shouldResolveARecord() throws IOException
    {
        final int resolved = LiteralResolver.probe().resolve(FrameSample.class);

        assertEquals(ClassConstants.stringConstants(FrameSample.class).size(), resolved);
    }

    @Test
    void shouldResolveAnAbstractClass() throws IOException
    {
        final int resolved = LiteralResolver.probe().resolve(FrameLayer.class);

        assertEquals(ClassConstants.stringConstants(FrameLayer.class).size(), resolved);
    }

    @Test
    void shouldResolveAnInnerClass() throws IOException
    {
        final int resolved = LiteralResolver.probe().resolve(FrameInner.class);

        assertEquals(ClassConstants.stringConstants(FrameInner.class).size(), resolved);
    }

    @Test
    void shouldResolveAnAnonymousClass() throws IOException
    {
        final Supplier<String> anonymous = new Supplier<>()
        {
            public String get()
            {
                return "an anonymous class's literal";
            }
        };

        final int resolved = LiteralResolver.probe().resolve(anonymous.getClass());

        assertEquals(ClassConstants.stringConstants(anonymous.getClass()).size(), resolved);
        assertTrue(resolved > 0);
    }

    @Test
    void shouldResolveALocalClass() throws IOException
    {
        final class FrameLocal
        {
            String describe()
            {
                return "a local class's literal";
            }
        }

        final int resolved = LiteralResolver.probe().resolve(FrameLocal.class);

        assertEquals(ClassConstants.stringConstants(FrameLocal.class).size(), resolved);
    }

    @Test
    void shouldResolveAHiddenClass() throws IOException, IllegalAccessException
    {
        final Class<?> hidden = MethodHandles.lookup().defineHiddenClass(classBytes(HiddenScene.class), false)
            .lookupClass();

        final int resolved = LiteralResolver.probe().resolve(hidden);

        assertTrue(hidden.isHidden());
        assertEquals(ClassConstants.stringConstants(HiddenScene.class).size(), resolved);
    }

    /** A lambda proxy is a hidden class whose pool holds none of its lambda's literals: they are in this class. */
    @Test
    void shouldResolveALambdaProxyWhichHoldsNoLiteral()
    {
        final Runnable lambda = () -> SINK.set("a lambda's literal");

        final int resolved = LiteralResolver.probe().resolve(lambda.getClass());

        assertTrue(lambda.getClass().isHidden());
        assertEquals(0, resolved);
    }

    @Test
    void shouldResolveAClassFromAnotherLoader() throws IOException, ClassNotFoundException
    {
        final IsolatingLoader loader = new IsolatingLoader(ForeignScene.class.getName(), "");
        final Class<?> foreign = Class.forName(ForeignScene.class.getName(), false, loader);

        final int resolved = LiteralResolver.probe().resolve(foreign);

        assertNotSame(ForeignScene.class, foreign);
        assertEquals(ClassConstants.stringConstants(ForeignScene.class).size(), resolved);
    }

    @Test
    void shouldRefuseAnArrayClassNamingItsElementClass()
    {
        final IllegalArgumentException ex =
            assertThrows(IllegalArgumentException.class, () -> LiteralResolver.probe().resolve(String[][].class));

        assertEquals("cannot resolve the literals of java.lang.String[][]: an array class has no constant pool; " +
            "resolve its element class java.lang.String instead", ex.getMessage());
    }

    @Test
    void shouldRefuseAnArrayOfAPrimitiveType()
    {
        final IllegalArgumentException ex =
            assertThrows(IllegalArgumentException.class, () -> LiteralResolver.probe().resolve(float[].class));

        assertEquals("cannot resolve the literals of float[]: an array class has no constant pool, nor has its " +
            "element type float; resolve the classes whose methods use it instead", ex.getMessage());
    }

    @Test
    void shouldRefuseAPrimitiveType()
    {
        final IllegalArgumentException ex =
            assertThrows(IllegalArgumentException.class, () -> LiteralResolver.probe().resolve(int.class));

        assertEquals("cannot resolve the literals of int: a primitive type has no constant pool; resolve the " +
            "classes whose methods use it instead", ex.getMessage());
    }

    /** The mistake shows in a run without the flags too. */
    @Test
    void shouldRefuseAnArrayClassWhenUnavailable()
    {
        final LiteralResolver resolver = LiteralResolver.unavailable("turned off");

        assertThrows(IllegalArgumentException.class, () -> resolver.resolve(Object[].class));
    }

    private static void assertLinkedWhileResolving(final ChildRun run, final Class<?> type)
    {
        final int resolving = run.output.indexOf(RESOLVING);
        final int verified = run.output.indexOf("End class verification for: " + type.getName());
        final int resolved = run.output.indexOf(RESOLVED);
        assertTrue(resolving >= 0 && resolving < verified && verified < resolved,
            () -> type.getName() + " was not linked while it was resolved: " + run.output);
        assertFalse(run.output.contains("Initializing '" + type.getName().replace('.', '/')),
            () -> "resolving initialized " + type.getName() + ": " + run.output);
    }

    /** @return {@code log} without the JVM's log lines about classes other than this test's. */
    private static String ownLines(final String log)
    {
        final StringBuilder own = new StringBuilder();
        for (final String line : log.split("\n"))
        {
            if (!line.startsWith("[") || line.contains(LiteralResolverKindTest.class.getSimpleName()))
            {
                own.append(line).append('\n');
            }
        }
        return own.toString();
    }

    private static byte[] classBytes(final Class<?> type) throws IOException
    {
        final String resource = "/" + type.getName().replace('.', '/') + ".class";
        try (InputStream in = type.getResourceAsStream(resource))
        {
            if (in == null)
            {
                throw new IOException(resource + " not found");
            }
            return in.readAllBytes();
        }
    }

    /** Runs {@code main} in a fresh JVM with the resolver's flags, logging class linking and initialization. */
    private ChildRun runChild(final Class<?> main, final String... args) throws IOException, InterruptedException
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Arrays.asList(LiteralResolver.REQUIRED_FLAGS.split(" ")));
        command.add("-Xlog:class+init=info");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:ErrorFile=" + crashDir.resolve("hs_err_pid%p.log"));
        command.add("-XX:-CreateCoredumpOnCrash");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(Arrays.asList(args));
        final Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        final String log = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!child.waitFor(CHILD_TIMEOUT_S, TimeUnit.SECONDS))
        {
            child.destroyForcibly();
            throw new AssertionError(main.getName() + " did not end within " + CHILD_TIMEOUT_S + " s: " + log);
        }
        return new ChildRun(child.exitValue(), ownLines(log));
    }

    private static final class ChildRun
    {
        final int exitStatus;
        final String output;

        ChildRun(final int exitStatus, final String output)
        {
            this.exitStatus = exitStatus;
            this.output = output;
        }
    }

    /** Child JVM: loads the class named by its argument without linking it, then resolves it. */
    public static final class ResolveMain
    {
        public static void main(final String[] args) throws ClassNotFoundException
        {
            final LiteralResolver resolver = LiteralResolver.probe();
            final Class<?> type = Class.forName(args[0], false, ResolveMain.class.getClassLoader());
            System.out.println(RESOLVING);
            System.out.println(RESOLVED + resolver.resolve(type));
        }
    }

    /** Child JVM: resolves a class whose linking fails, in a loader that hides a class its verification needs. */
    public static final class FailedLinkMain
    {
        public static void main(final String[] args) throws ClassNotFoundException
        {
            final LiteralResolver resolver = LiteralResolver.probe();
            final Class<?> type = Class.forName(NeedsMissing.class.getName(), false,
                new IsolatingLoader(NeedsMissing.class.getName(), Missing.class.getName()));
            try
            {
                System.out.println(RESOLVED + resolver.resolve(type));
            }
            catch (final IllegalStateException ex)
            {
                System.out.println(REFUSED + ex.getMessage());
            }
        }
    }

    /** Child JVM: reads the pool of the class named by its argument without linking it, as the resolver once did. */
    public static final class UnlinkedReadMain
    {
        public static void main(final String[] args) throws ReflectiveOperationException
        {
            final Class<?> type = Class.forName(args[0], false, UnlinkedReadMain.class.getClassLoader());
            final Object javaLangAccess =
                Class.forName("jdk.internal.access.SharedSecrets").getMethod("getJavaLangAccess").invoke(null);
            final Object pool = Class.forName("jdk.internal.access.JavaLangAccess")
                .getMethod("getConstantPool", Class.class).invoke(javaLangAccess, type);
            final Class<?> poolType = Class.forName("jdk.internal.reflect.ConstantPool");
            final int size = (int)poolType.getMethod("getSize").invoke(pool);
            for (int i = 1; i < size; i++)
            {
                if ("STRING".equals(poolType.getMethod("getTagAt", int.class).invoke(pool, i).toString()))
                {
                    System.out.println(poolType.getMethod("getStringAt", int.class).invoke(pool, i));
                }
            }
        }
    }

    /**
     * Defines the class named {@code isolated} itself from the test classes' bytes (so it is a class of another
     * loader) and refuses to load {@code hidden}; delegates every other class to the test's loader.
     */
    static final class IsolatingLoader extends ClassLoader
    {
        private final String isolated;
        private final String hidden;

        IsolatingLoader(final String isolated, final String hidden)
        {
            super(LiteralResolverKindTest.class.getClassLoader());
            this.isolated = isolated;
            this.hidden = hidden;
        }

        @Override
        protected Class<?> loadClass(final String name, final boolean resolve) throws ClassNotFoundException
        {
            synchronized (getClassLoadingLock(name))
            {
                if (name.equals(hidden))
                {
                    throw new ClassNotFoundException(name + " is hidden from this loader");
                }
                if (!name.equals(isolated))
                {
                    return super.loadClass(name, resolve);
                }
                final Class<?> loaded = findLoadedClass(name);
                if (loaded != null)
                {
                    return loaded;
                }
                try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class"))
                {
                    if (in == null)
                    {
                        throw new ClassNotFoundException(name + " has no class file beside the tests");
                    }
                    final byte[] bytes = in.readAllBytes();
                    return defineClass(name, bytes, 0, bytes.length);
                }
                catch (final IOException ex)
                {
                    throw new ClassNotFoundException(name, ex);
                }
            }
        }
    }

    /** An interface on the frame path: a default method and a constant, both String constants of its pool. */
    interface FrameStep
    {
        String NAME = "an interface's constant";

        default String describe(final int step)
        {
            return "step " + step + " of " + NAME.length();
        }
    }

    /** An annotation type's constants are String constants; its element defaults are not. */
    @interface FrameMarker
    {
        String PREFIX = "an annotation type's constant";

        String value() default "an element default";
    }

    enum FrameMode
    {
        STEADY,
        CATCHING_UP;

        String describe()
        {
            return "an enum's literal";
        }
    }

    record FrameSample(long nanos, int frame)
    {
    }

    abstract static class FrameLayer
    {
        abstract int depth();

        String describe()
        {
            return "an abstract class's literal, depth " + depth();
        }
    }

    final class FrameInner
    {
        String describe()
        {
            return "an inner class's literal of " + crashDir;
        }
    }

    static final class HiddenScene
    {
        String describe()
        {
            return "a hidden class's literal";
        }
    }

    static final class ForeignScene
    {
        String describe()
        {
            return "a literal of a class from another loader";
        }
    }

    /** Linking it needs {@link Missing} (the verifier checks that it is a {@link Base}). */
    static final class NeedsMissing
    {
        static Base make()
        {
            return new Missing();
        }

        String describe()
        {
            return "a literal of a class that cannot be linked";
        }
    }

    static class Base
    {
    }

    static final class Missing extends Base
    {
    }
}
