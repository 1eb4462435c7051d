package dev.isochron.render.context;

import dev.isochron.render.testing.HeadlessGl;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lwjgl.opengl.GL11C.GL_NO_ERROR;
import static org.lwjgl.opengl.GL11C.glGetError;

@SuppressWarnings("try") // a HeadlessGl resource keeps its context current for the block, unreferenced
class HeadlessDisplayHoldTest
{
    @Test
    void shouldKeepTheDisplayInitialisedForAContextMadeWhileHeld()
    {
        try (HeadlessDisplayHold hold = HeadlessDisplayHold.acquire())
        {
            assertTrue(GlPlatform.isConfigured());
            try (HeadlessGl gl = HeadlessGl.open(32, 32))
            {
                assertEquals(GL_NO_ERROR, glGetError());
            }
            // the context released its reference; the hold keeps the display up for the next one
            try (HeadlessGl gl = HeadlessGl.open(32, 32))
            {
                assertEquals(GL_NO_ERROR, glGetError());
            }
        }
    }

    @Test
    void shouldReleaseItsReferenceOnlyOnce()
    {
        final HeadlessDisplayHold hold = HeadlessDisplayHold.acquire();
        hold.close();
        hold.close();
        // a second release of the display would throw "released more often than acquired" here
        try (HeadlessGl gl = HeadlessGl.open(32, 32))
        {
            assertEquals(GL_NO_ERROR, glGetError());
        }
    }
}
