package dev.isochron.render.runtime;

import dev.isochron.render.Isochron;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FramePathLiteralsTest
{
    @Test
    void shouldResolveTheApplicationTheFrameClassesAndEveryRuntimeClassOnceTheFirstFrameEnded()
    {
        final FramePathLiterals literals =
            FramePathLiterals.start(new RuntimeConfig().frameClasses(Scenery.class), new Game());

        literals.firstFrameEnded();
        literals.close();

        assertTrue(literals.available());
        assertEquals(2 + FramePathLiterals.RUNTIME_CLASSES.size(), literals.classes());
        assertTrue(literals.literals() >= 2, () -> "resolved " + literals.literals());
    }

    @Test
    void shouldReportTheResolvedClassesOfARunAndLeaveNoThreadBehind()
    {
        final RunResult result = Isochron.run(new TestScene(10), ApplicationRunnerTest.headless(Threading.MULTI).frames(5));

        final Matcher classes = Pattern.compile("\"literalClassesResolved\"\\s*:\\s*([0-9.]+)")
            .matcher(result.report().toJson());
        assertTrue(classes.find(), result.report().toJson());
        assertEquals(1 + FramePathLiterals.RUNTIME_CLASSES.size(), (int)Double.parseDouble(classes.group(1)));
        assertEquals(List.of(), liveResolverThreads());
    }

    @Test
    void shouldResolveNothingAndEndWhenClosedBeforeTheFirstFrameEnded()
    {
        final FramePathLiterals literals = FramePathLiterals.start(new RuntimeConfig(), new Game());

        literals.close();

        assertFalse(literals.available());
        assertEquals(0, literals.literals());
        assertEquals(List.of(), liveResolverThreads());
    }

    @Test
    void shouldStartNoThreadWhenTurnedOff()
    {
        final FramePathLiterals literals = FramePathLiterals.start(new RuntimeConfig().resolveLiterals(false), new Game());
        assertEquals(List.of(), liveResolverThreads());

        literals.firstFrameEnded();
        literals.close();

        assertFalse(literals.available());
        assertEquals(0, literals.literals());
    }

    @Test
    void shouldListOnlyClassesThatExist()
    {
        final ArrayList<String> missing = new ArrayList<>();
        for (final String name : FramePathLiterals.RUNTIME_CLASSES)
        {
            try
            {
                Class.forName(name, false, getClass().getClassLoader());
            }
            catch (final ClassNotFoundException ex)
            {
                missing.add(name);
            }
        }
        assertEquals(new ArrayList<String>(), missing);
    }

    static final class Game
    {
        @Override
        public String toString()
        {
            return "a game";
        }
    }

    static final class Scenery
    {
        @Override
        public String toString()
        {
            return "some scenery";
        }
    }

    private static List<String> liveResolverThreads()
    {
        final List<String> names = new ArrayList<>();
        for (final Thread thread : Thread.getAllStackTraces().keySet())
        {
            if (thread.isAlive() && FramePathLiterals.THREAD_NAME.equals(thread.getName()))
            {
                names.add(thread.getName());
            }
        }
        return names;
    }
}
