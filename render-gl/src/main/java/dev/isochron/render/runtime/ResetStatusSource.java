package dev.isochron.render.runtime;

import org.lwjgl.opengl.ARBRobustness;
import org.lwjgl.opengl.GL;
import org.lwjgl.opengl.GL45C;
import org.lwjgl.opengl.GLCapabilities;

import static org.lwjgl.opengl.GL11C.GL_NO_ERROR;

/**
 * Where the render thread reads whether its GL context was lost (a GPU reset): {@code glGetGraphicsResetStatus}
 * (GL 4.5 or KHR_robustness), else {@code glGetGraphicsResetStatusARB} (ARB_robustness), else nothing (always
 * {@code GL_NO_ERROR}). A driver reports a reset only for a context created with a reset notification strategy
 * ({@code LOSE_CONTEXT_ON_RESET}); otherwise the query stays {@code GL_NO_ERROR} and costs one driver call.
 * <p>
 * Threading: the render thread, context current. Allocation-free.
 */
@FunctionalInterface
interface ResetStatusSource
{
    /** A source that never reports a reset (no context, or no robustness extension). */
    ResetStatusSource NONE = () -> GL_NO_ERROR;

    /**
     * @return {@code GL_NO_ERROR}, or {@code GL_GUILTY_CONTEXT_RESET}, {@code GL_INNOCENT_CONTEXT_RESET} or
     * {@code GL_UNKNOWN_CONTEXT_RESET} once the context was lost.
     */
    int graphicsResetStatus();

    /**
     * @return the best source the current context's capabilities offer; render thread, context current.
     */
    static ResetStatusSource forCurrentContext()
    {
        final GLCapabilities capabilities = GL.getCapabilities();
        if (0L != capabilities.glGetGraphicsResetStatus)
        {
            return GL45C::glGetGraphicsResetStatus;
        }
        if (0L != capabilities.glGetGraphicsResetStatusARB)
        {
            return ARBRobustness::glGetGraphicsResetStatusARB;
        }
        return NONE;
    }

    /** @return the symbolic name of a reset status. */
    static String statusName(final int status)
    {
        switch (status)
        {
            case GL_NO_ERROR:
                return "GL_NO_ERROR";
            case GL45C.GL_GUILTY_CONTEXT_RESET:
                return "GL_GUILTY_CONTEXT_RESET: this context caused the reset";
            case GL45C.GL_INNOCENT_CONTEXT_RESET:
                return "GL_INNOCENT_CONTEXT_RESET: another context caused the reset";
            case GL45C.GL_UNKNOWN_CONTEXT_RESET:
                return "GL_UNKNOWN_CONTEXT_RESET: the cause is unknown";
            default:
                return "unknown reset status 0x" + Integer.toHexString(status);
        }
    }
}
