package dev.isochron.render.runtime;

import dev.isochron.render.Isochron;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FramePathLiteralsTest
{
    @Test
    void shouldResolveTheApplicationTheFrameClassesAndEveryRuntimeClassOnceTheFirstFrameEnded()
    {
        final FramePathLiterals literals =
            FramePathLiterals.start(new MeasurementConfig().frameClasses(Scenery.class), new Game());

        literals.firstFrameEnded();
        literals.close();

        assertTrue(literals.available());
        assertEquals(2 + FramePathLiterals.RUNTIME_CLASSES.size(), literals.classes());
        assertTrue(literals.literals() >= 2, () -> "resolved " + literals.literals());
    }

    /**
     * The path that crashed the JVM: an interface given as a frame class, read unlinked. The crash itself is
     * tested in a child JVM (the engine's LiteralResolverKindTest); this is the runtime counting it as resolved.
     */
    @Test
    void shouldResolveAnInterfaceGivenAsAFrameClass()
    {
        final FramePathLiterals literals =
            FramePathLiterals.start(new MeasurementConfig().frameClasses(SceneryStep.class), new Game());

        literals.firstFrameEnded();
        literals.close();

        assertEquals(2 + FramePathLiterals.RUNTIME_CLASSES.size(), literals.classes());
    }

    @Test
    void shouldReportTheResolvedClassesOfARunAndLeaveNoThreadBehind()
    {
        final RunResult result = Isochron.run(new TestScene(10), ApplicationRunnerTest.headless(Threading.MULTI)
            .measurement(ApplicationRunnerTest.measured().frames(5)));

        assertEquals(1 + FramePathLiterals.RUNTIME_CLASSES.size(),
            (int)result.report().extraValue("literalClassesResolved"));
        assertFalse(ApplicationRunnerTest.liveRuntimeThreads().contains(FramePathLiterals.THREAD_NAME));
    }

    @Test
    void shouldResolveNothingAndEndWhenClosedBeforeTheFirstFrameEnded()
    {
        final FramePathLiterals literals = FramePathLiterals.start(new MeasurementConfig(), new Game());

        literals.close();

        assertFalse(literals.available());
        assertEquals(0, literals.literals());
        assertFalse(ApplicationRunnerTest.liveRuntimeThreads().contains(FramePathLiterals.THREAD_NAME));
    }

    @Test
    void shouldStartNoThreadWhenTurnedOff()
    {
        final FramePathLiterals literals = FramePathLiterals.start(new MeasurementConfig().resolveLiterals(false), new Game());
        assertFalse(ApplicationRunnerTest.liveRuntimeThreads().contains(FramePathLiterals.THREAD_NAME));

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

    /** Never used but here, so nothing links it before the resolver does. */
    interface SceneryStep
    {
        String NAME = "a step of the scenery";

        default String describe()
        {
            return NAME + " described";
        }
    }
}
