package dev.isochron.demo;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StartupWarmupTest
{
    @Test
    void shouldFindEveryListedClassOnTheClassPath()
    {
        assertDoesNotThrow(() -> StartupWarmup.loadClasses(StartupWarmup.class.getClassLoader()));
    }

    @Test
    void shouldListEachClassOnce()
    {
        final Set<String> seen = new HashSet<>();
        for (final String name : StartupWarmup.CLASSES)
        {
            assertTrue(seen.add(name), name);
        }
    }

    @Test
    void shouldListTheRuntimeButNotTheCommandLineParser()
    {
        final Set<String> listed = Set.of(StartupWarmup.CLASSES);
        assertTrue(listed.contains("dev.isochron.render.runtime.ApplicationRunner"));
        assertTrue(listed.contains("org.lwjgl.opengl.GL"));
        for (final String name : StartupWarmup.CLASSES)
        {
            assertFalse(name.startsWith("picocli."), name);
        }
    }

    @Test
    void shouldNameAStaleClassInItsFailure()
    {
        final ClassLoader empty = new ClassLoader(null)
        {
        };
        final IllegalStateException ex = assertThrows(IllegalStateException.class,
            () -> StartupWarmup.loadClasses(empty));
        assertTrue(ex.getMessage().contains("is not on the class path") &&
            ex.getMessage().contains("regenerate StartupWarmup.CLASSES"), ex.getMessage());
        assertTrue(ex.getCause() instanceof ClassNotFoundException);
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
