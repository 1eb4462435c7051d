package dev.isochron.render.runtime;

import dev.isochron.render.context.GlContextException;
import dev.isochron.render.gl.GlErrors;
import dev.isochron.render.gl.GlException;

import static org.lwjgl.opengl.GL11C.GL_NO_ERROR;
import static org.lwjgl.opengl.GL11C.glGetError;

/**
 * The render thread's checks after each presented GL frame: whether the context was lost ({@link ResetStatusSource})
 * and whether a GL error was raised during the frame. Render thread; allocation-free while neither happened.
 */
final class FrameChecks
{
    private final ResetStatusSource resetStatus;
    private final boolean debugGl;
    private final PhaseTracker phase;

    FrameChecks(final ResetStatusSource resetStatus, final boolean debugGl, final PhaseTracker phase)
    {
        this.resetStatus = resetStatus;
        this.debugGl = debugGl;
        this.phase = phase;
    }

    /**
     * After the frame was presented: a lost context stops the run ({@link GlContextException}); so does a GL error
     * raised during the frame ({@link GlException}), which only debug mode can attribute to its call. Allocation-free
     * while neither happened.
     */
    void afterFrame(final long index)
    {
        final int reset = resetStatus.graphicsResetStatus();
        if (GL_NO_ERROR != reset)
        {
            phase.leave();
            throw Messages.contextLost(index, reset);
        }
        if (debugGl)
        {
            phase.enter(Phase.RENDER);
            GlErrors.check(RenderPipeline.END_OF_FRAME_CALL);
            phase.leave();
            return;
        }
        final int error = glGetError();
        if (GL_NO_ERROR != error)
        {
            phase.enter(Phase.RENDER);
            throw Messages.glError(error, index);
        }
    }

    /** The messages, in a class of their own so that FrameChecks holds no String constant (frame path). */
    private static final class Messages
    {
        private Messages()
        {
        }

        static GlContextException contextLost(final long index, final int reset)
        {
            return new GlContextException("GL context lost during frame " + index + " (" +
                ResetStatusSource.statusName(reset) + "); the device was reset and every GL object of this run is " +
                "gone; end this run and start a new one (Isochron.run) to recreate the context and resources");
        }

        static GlException glError(final int error, final long index)
        {
            return new GlException("GL error " + GlErrors.errorName(error) + " was raised during frame " + index +
                " (found by the runtime's end-of-frame glGetError check, which cannot name the call); run with " +
                "RuntimeConfig.debugGl(true) to have the failing call named");
        }
    }
}
