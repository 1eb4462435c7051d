package dev.isochron.render.gl;

import org.lwjgl.opengl.GLCapabilities;
import org.lwjgl.opengl.GLDebugMessageCallback;
import org.lwjgl.opengl.GLDebugMessageCallbackI;

import static org.lwjgl.opengl.GL43C.*;

/**
 * GL error checks. {@link #check(String)} always checks {@code glGetError} and names the call;
 * {@link #checkInDebug(String)} does so only in debug mode, which a context turns on when created with
 * {@code ContextOptions.debug(true)}: then KHR_debug output (GL 4.3) is enabled synchronously and its error
 * messages are kept, to be thrown by the next check naming the call.
 * <p>
 * Debug mode is process-wide (one render thread per process is the design): closing a debug context turns it
 * off. Threads: render thread. Allocation: both checks are allocation-free when there is no error.
 */
public final class GlErrors
{
    private static volatile boolean debug;
    private static volatile String pendingDebugMessage;
    private static GLDebugMessageCallback callback;

    private GlErrors()
    {
    }

    /** @return whether debug mode is on. */
    public static boolean isDebug()
    {
        return debug;
    }

    /**
     * Throws when GL has recorded an error (or a KHR_debug error message) since the last check.
     *
     * @param call the call just made, named in the message, e.g. {@code "glBufferStorage"}.
     * @throws GlException naming the call and the error(s).
     */
    public static void check(final String call)
    {
        final int error = glGetError();
        final String message = pendingDebugMessage;
        if (error != GL_NO_ERROR || message != null)
        {
            fail(call, error, message);
        }
    }

    /** {@link #check(String)} when debug mode is on; nothing otherwise. Allocation-free when there is no error. */
    public static void checkInDebug(final String call)
    {
        if (debug)
        {
            check(call);
        }
    }

    /**
     * Turns on debug mode; with KHR_debug (or GL 4.3), synchronous debug output whose errors are thrown by the
     * next check. Called by contexts created with debug on; render thread.
     */
    public static synchronized void enableDebugOutput(final GLCapabilities capabilities)
    {
        debug = true;
        pendingDebugMessage = null;
        if (capabilities.OpenGL43 || capabilities.GL_KHR_debug)
        {
            if (callback == null)
            {
                callback = GLDebugMessageCallback.create(new DebugListener());
            }
            glEnable(GL_DEBUG_OUTPUT);
            glEnable(GL_DEBUG_OUTPUT_SYNCHRONOUS);
            glDebugMessageCallback(callback, 0L);
        }
    }

    /** Turns debug mode off and unhooks the debug callback from the current context; render thread. */
    public static synchronized void disableDebugOutput()
    {
        debug = false;
        pendingDebugMessage = null;
        if (callback != null)
        {
            glDebugMessageCallback(null, 0L);
            glDisable(GL_DEBUG_OUTPUT);
        }
    }

    /** @return the symbolic name of a {@code glGetError} code. */
    public static String errorName(final int error)
    {
        return Messages.errorName(error);
    }

    private static void fail(final String call, final int firstError, final String debugMessage)
    {
        if (debugMessage != null)
        {
            pendingDebugMessage = null;
        }
        throw Messages.failure(call, firstError, debugMessage);
    }

    /**
     * The messages, apart: {@link #check} runs every frame, and HotSpot resolves all String literals of a class on the
     * thread that asks for its first C2 compile (see {@link dev.isochron.engine.jit}).
     */
    private static final class Messages
    {
        static String errorName(final int error)
        {
            switch (error)
            {
                case GL_NO_ERROR:
                    return "GL_NO_ERROR";
                case GL_INVALID_ENUM:
                    return "GL_INVALID_ENUM";
                case GL_INVALID_VALUE:
                    return "GL_INVALID_VALUE";
                case GL_INVALID_OPERATION:
                    return "GL_INVALID_OPERATION";
                case GL_INVALID_FRAMEBUFFER_OPERATION:
                    return "GL_INVALID_FRAMEBUFFER_OPERATION";
                case GL_OUT_OF_MEMORY:
                    return "GL_OUT_OF_MEMORY";
                case GL_STACK_UNDERFLOW:
                    return "GL_STACK_UNDERFLOW";
                case GL_STACK_OVERFLOW:
                    return "GL_STACK_OVERFLOW";
                default:
                    return "unknown GL error 0x" + Integer.toHexString(error);
            }
        }

        static GlException failure(final String call, final int firstError, final String debugMessage)
        {
            final StringBuilder message = new StringBuilder();
            message.append(call).append(" failed:");
            int error = firstError;
            int guard = 0;
            while (error != GL_NO_ERROR && guard++ < 16)
            {
                message.append(' ').append(errorName(error));
                error = glGetError();
            }
            if (debugMessage != null)
            {
                message.append(" (debug output: ").append(debugMessage).append(')');
            }
            return new GlException(message.toString());
        }
    }

    private static final class DebugListener implements GLDebugMessageCallbackI
    {
        public void invoke(
            final int source, final int type, final int id, final int severity, final int length, final long message,
            final long userParam)
        {
            if (type == GL_DEBUG_TYPE_ERROR && pendingDebugMessage == null)
            {
                pendingDebugMessage = GLDebugMessageCallback.getMessage(length, message);
            }
        }
    }
}
