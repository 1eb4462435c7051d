package dev.isochron.render.gl;

import dev.isochron.render.context.ContextOptions;
import dev.isochron.render.testing.HeadlessGl;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;
import static org.lwjgl.opengl.GL11C.GL_TEXTURE_2D;
import static org.lwjgl.opengl.GL11C.glBindTexture;

@SuppressWarnings("try") // a HeadlessGl resource keeps its context current for the block, unreferenced
class GlErrorsTest
{
    private static final int NEVER_GENERATED = 987_654;

    @Test
    void shouldNameCallAndErrorWhenCheckFails()
    {
        try (HeadlessGl gl = HeadlessGl.open(8, 8))
        {
            glBindTexture(GL_TEXTURE_2D, NEVER_GENERATED);
            final GlException failure = assertThrows(GlException.class, () -> GlErrors.check("glBindTexture"));
            assertEquals("glBindTexture failed: GL_INVALID_OPERATION", failure.getMessage());
            GlErrors.check("nothing since");
        }
    }

    @Test
    void shouldSkipCheckOutsideDebugMode()
    {
        try (HeadlessGl gl = HeadlessGl.open(8, 8))
        {
            assertFalse(GlErrors.isDebug());
            glBindTexture(GL_TEXTURE_2D, NEVER_GENERATED);
            GlErrors.checkInDebug("glBindTexture");
            assertThrows(GlException.class, () -> GlErrors.check("glBindTexture"));
        }
    }

    @Test
    void shouldAddDebugOutputInDebugMode()
    {
        try (HeadlessGl gl = HeadlessGl.open(new ContextOptions().title("debug").size(8, 8).debug(true)))
        {
            assertTrue(GlErrors.isDebug());
            glBindTexture(GL_TEXTURE_2D, NEVER_GENERATED);
            final GlException failure = assertThrows(GlException.class, () -> GlErrors.checkInDebug("glBindTexture"));
            assertTrue(failure.getMessage().startsWith("glBindTexture failed: GL_INVALID_OPERATION (debug output: "),
                failure.getMessage());
        }
        assertFalse(GlErrors.isDebug());
    }
}
