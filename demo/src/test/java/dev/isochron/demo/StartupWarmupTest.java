package dev.isochron.demo;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StartupWarmupTest
{
    @Test
    void shouldFindEveryListedClassOnTheClassPath()
    {
        assertEquals(List.of(), StartupWarmup.loadClasses(StartupWarmup.class.getClassLoader(),
            StartupWarmup.classes()), "classes missing from the class path: run demo/regenerate-startup-classes.sh");
    }

    @Test
    void shouldReadTheListFromItsResourceWithoutItsComments()
    {
        final List<String> names = StartupWarmup.classes();
        assertTrue(names.size() > 500, "classes listed: " + names.size());
        for (final String name : names)
        {
            assertFalse(name.startsWith("#") || name.isBlank(), name);
        }
    }

    @Test
    void shouldListEachClassOnce()
    {
        final Set<String> seen = new HashSet<>();
        for (final String name : StartupWarmup.classes())
        {
            assertTrue(seen.add(name), name);
        }
    }

    @Test
    void shouldListTheRuntimeButNotTheCommandLineParser()
    {
        final Set<String> listed = Set.copyOf(StartupWarmup.classes());
        assertTrue(listed.contains("dev.isochron.render.runtime.ApplicationRunner"));
        assertTrue(listed.contains("org.lwjgl.opengl.GL"));
        for (final String name : listed)
        {
            assertFalse(name.startsWith("picocli."), name);
        }
    }

    /** A newer JDK without one of the listed classes: the warm-up neither throws nor stops at it. */
    @Test
    void shouldSkipAMissingClassAndLoadTheRest()
    {
        final List<String> requested = new ArrayList<>();
        final ClassLoader recording = new ClassLoader(StartupWarmupTest.class.getClassLoader())
        {
            @Override
            protected Class<?> loadClass(final String name, final boolean resolve) throws ClassNotFoundException
            {
                requested.add(name);
                return super.loadClass(name, resolve);
            }
        };

        final List<String> missing = StartupWarmup.loadClasses(recording,
            List.of("jdk.internal.gone.InANewerJdk", "dev.isochron.demo.DemoSettings", "also.Gone"));

        assertEquals(List.of("jdk.internal.gone.InANewerJdk", "also.Gone"), missing);
        assertEquals(List.of("jdk.internal.gone.InANewerJdk", "dev.isochron.demo.DemoSettings", "also.Gone"),
            requested);
    }

    @Test
    void shouldRunOnADaemonThreadNamedForIt() throws InterruptedException
    {
        final Thread thread = StartupWarmup.start(false);
        assertTrue(thread.isDaemon());
        assertEquals(StartupWarmup.THREAD_NAME, thread.getName());
        thread.join();
    }
}
