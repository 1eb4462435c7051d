package dev.isochron.render.runtime;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FramePathLiteralsTest
{
    @Test
    void shouldResolveTheApplicationTheFrameClassesAndEveryRuntimeClassOnTheClassPath()
    {
        final FramePathLiterals literals =
            FramePathLiterals.resolve(new RuntimeConfig().frameClasses(Scenery.class), new Game());

        assertTrue(literals.available());
        assertEquals(2 + FramePathLiterals.RUNTIME_CLASSES.size(), literals.classes());
        assertTrue(literals.literals() >= 2, () -> "resolved " + literals.literals());
    }

    @Test
    void shouldResolveNothingWhenTurnedOff()
    {
        final FramePathLiterals literals =
            FramePathLiterals.resolve(new RuntimeConfig().resolveLiterals(false), new Game());

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
}
