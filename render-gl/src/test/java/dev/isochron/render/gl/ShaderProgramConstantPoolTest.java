package dev.isochron.render.gl;

import dev.isochron.engine.testing.ClassConstants;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link ShaderProgram}'s per-frame setters must not make HotSpot allocate on the render thread: the first C2
 * compile of a method resolves every String literal of its class on the calling thread (see
 * {@link ShaderCompiler}), so the class file must hold no {@code CONSTANT_String} at all.
 */
class ShaderProgramConstantPoolTest
{
    @Test
    void shouldKeepStringConstantsOutOfTheClassWhoseSettersRunEveryFrame() throws IOException
    {
        assertEquals(List.of(), ClassConstants.stringConstants(ShaderProgram.class),
            "move these literals to ShaderCompiler: their resolution at the first C2 compile of a per-frame " +
            "setter allocates on the render thread");
    }

    @Test
    void shouldFindTheStringConstantsOfAClassThatHasThem() throws IOException
    {
        assertTrue(ClassConstants.stringConstants(ShaderCompiler.class).contains("glUniformMatrix4fv"));
    }
}
