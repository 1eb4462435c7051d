package dev.isochron.render.context;

import dev.isochron.render.gl.GlErrors;
import dev.isochron.render.gl.GlObjectRegistry;
import dev.isochron.render.gl.GlObjectType;
import org.lwjgl.opengl.GL;
import org.lwjgl.opengl.GLCapabilities;

import static org.lwjgl.opengl.GL30C.*;

/**
 * What every context does on the GL side once current: GL capabilities for the thread, a bound VAO, the
 * object registry made current, renderer/version strings, debug output, and the leak check at close; and the
 * lifecycle every context shares (open, disposed, closed) with its checks and the dispose-before-close step.
 * Render thread only, except the lifecycle checks, which run on whichever thread the context's javadoc allows.
 * {@link #checkOpen()} runs every frame (the contexts' per-frame methods refuse use after close through it), so the
 * class holds no String constant: its messages are in {@link Messages}.
 */
final class GlSession
{
    private final String name;
    private final boolean debug;
    private final boolean checked;
    private final boolean failOnLeak;
    private final GlObjectRegistry registry;
    private final GlFunctions.Source functions;
    private GLCapabilities capabilities;
    private int vertexArray;
    private String renderer;
    private String version;
    private volatile Thread owner;
    private boolean disposed;
    private boolean closed;
    private String leakReport = Messages.noLeaks();

    GlSession(
        final String name, final boolean debug, final boolean checked, final boolean failOnLeak,
        final GlFunctions.Source functions)
    {
        this.name = name;
        this.functions = functions;
        this.debug = debug;
        this.checked = checked;
        this.failOnLeak = failOnLeak;
        this.registry = new GlObjectRegistry(name, checked);
    }

    /** Checks the context may be made current on the calling thread. */
    void checkCanAttach()
    {
        final Thread current = owner;
        if (current != null && current != Thread.currentThread())
        {
            throw Messages.currentElsewhere(name, current);
        }
    }

    /** @return whether this was the first attach (the caller then creates its own GL objects). */
    boolean attach()
    {
        owner = Thread.currentThread();
        GlObjectRegistry.makeCurrent(registry);
        if (capabilities == null)
        {
            capabilities = GlFunctions.createCapabilities(functions);
            renderer = glGetString(GL_RENDERER);
            version = glGetString(GL_VERSION);
            if (!capabilities.OpenGL33)
            {
                throw Messages.noOpenGl33(name, version, renderer);
            }
            if (debug)
            {
                GlErrors.enableDebugOutput(capabilities);
            }
            vertexArray = glGenVertexArrays();
            registry.register(GlObjectType.VERTEX_ARRAY, vertexArray, Messages.vertexArrayLabel(name));
            glBindVertexArray(vertexArray);
            return true;
        }
        GL.setCapabilities(capabilities);
        glBindVertexArray(vertexArray);
        return false;
    }

    void detach()
    {
        GL.setCapabilities(null);
        GlObjectRegistry.makeCurrent(null);
        owner = null;
    }

    boolean isCurrentOnCallingThread()
    {
        return owner == Thread.currentThread();
    }

    boolean isCurrentAnywhere()
    {
        return owner != null;
    }

    boolean hasCapabilities()
    {
        return capabilities != null;
    }

    /** @throws IllegalStateException when the context is closed ("used after close()"). Allocation-free. */
    void checkOpen()
    {
        if (closed)
        {
            throw Messages.usedAfterClose(name);
        }
    }

    /**
     * The check of the context's per-frame GL entry points ({@code bindDrawTarget}, {@code swapBuffers}): refuses use
     * after close, and in checking mode a call from a thread the context is not current on. Allocation-free.
     *
     * @throws IllegalStateException when the context is closed, or (checking mode) not current on the calling thread.
     */
    void checkGlCall()
    {
        checkOpen();
        if (checked && !isCurrentOnCallingThread())
        {
            throw Messages.glCallElsewhere(name, owner);
        }
    }

    /** @return whether the context runs in checking mode. */
    boolean checked()
    {
        return checked;
    }

    /** @throws IllegalStateException when the context is closed or not current on the calling thread. */
    void checkCurrentHere()
    {
        checkOpen();
        if (!isCurrentOnCallingThread())
        {
            throw Messages.notCurrentHere(name);
        }
    }

    /** @throws IllegalStateException when the context's GL side was disposed. */
    void checkNotDisposed()
    {
        if (disposed)
        {
            throw Messages.disposed(name);
        }
    }

    /** @return whether the context's GL side was disposed ({@link #destroyObjects()}). */
    boolean isDisposed()
    {
        return disposed;
    }

    /**
     * The shared first step of a context's {@code close()}: disposes the GL side through the context when it was
     * ever made current and not yet disposed (making it current here first when it is current nowhere), then marks
     * the context closed. The caller then destroys its native context and calls {@link #reportLeaks()}.
     *
     * @param context          the context being closed, whose {@code makeCurrent} and {@code disposeAndRelease}
     *                         are used.
     * @param currentElsewhere the error message after the context's name when it is current on another thread.
     * @return false when the context was already closed (close is idempotent).
     * @throws IllegalStateException when the context is current on another thread.
     */
    boolean beginClose(final GlContext context, final String currentElsewhere)
    {
        if (closed)
        {
            return false;
        }
        if (hasCapabilities() && !disposed)
        {
            if (!isCurrentAnywhere())
            {
                context.makeCurrent();
            }
            else if (!isCurrentOnCallingThread())
            {
                throw Messages.closeElsewhere(name, currentElsewhere);
            }
            context.disposeAndRelease();
        }
        closed = true;
        return true;
    }

    /**
     * Deletes the VAO, keeps the leak report for {@link #reportLeaks()} and marks the context disposed; the
     * context must be current on the calling thread.
     */
    void destroyObjects()
    {
        if (vertexArray != 0)
        {
            glBindVertexArray(0);
            glDeleteVertexArrays(vertexArray);
            registry.remove(GlObjectType.VERTEX_ARRAY, vertexArray);
            vertexArray = 0;
        }
        if (debug)
        {
            GlErrors.disableDebugOutput();
        }
        leakReport = registry.leakReport();
        registry.clear();
        disposed = true;
    }

    /** Throws or prints the leak report of {@link #destroyObjects()} (if any), after the context is gone. */
    void reportLeaks()
    {
        final String report = leakReport;
        if (report.isEmpty())
        {
            return;
        }
        if (failOnLeak)
        {
            throw new IllegalStateException(report);
        }
        Messages.printLeaks(report);
    }

    GlObjectRegistry registry()
    {
        return registry;
    }

    GLCapabilities capabilities()
    {
        return capabilities;
    }

    String renderer()
    {
        if (renderer == null)
        {
            throw Messages.neverCurrent(name, Messages.rendererName());
        }
        return renderer;
    }

    String version()
    {
        if (version == null)
        {
            throw Messages.neverCurrent(name, Messages.versionName());
        }
        return version;
    }

    String name()
    {
        return name;
    }

    /**
     * The messages and labels, in a class of their own so that GlSession holds no String constant: the first C2
     * compile of {@link #checkOpen()}, called every frame, would otherwise resolve them on the render thread mid-run
     * (see {@code ClassConstants} in the engine test-jar).
     */
    private static final class Messages
    {
        private Messages()
        {
        }

        static String noLeaks()
        {
            return "";
        }

        static String vertexArrayLabel(final String name)
        {
            return name + " default VAO";
        }

        static String rendererName()
        {
            return "GL_RENDERER";
        }

        static String versionName()
        {
            return "GL_VERSION";
        }

        static IllegalStateException currentElsewhere(final String name, final Thread current)
        {
            return new IllegalStateException(name + " is current on thread '" + current.getName() +
                "'; release it there before making it current on '" + Thread.currentThread().getName() + "'");
        }

        static GlContextException noOpenGl33(final String name, final String version, final String renderer)
        {
            return new GlContextException(name + ": OpenGL 3.3 core is required, the driver gives " + version +
                " (" + renderer + ")");
        }

        static IllegalStateException closeElsewhere(final String name, final String currentElsewhere)
        {
            return new IllegalStateException(name + currentElsewhere);
        }

        static IllegalStateException usedAfterClose(final String name)
        {
            return new IllegalStateException(name + " used after close(): the context is destroyed");
        }

        static IllegalStateException notCurrentHere(final String name)
        {
            return new IllegalStateException(name + " is not current on thread '" +
                Thread.currentThread().getName() + "'");
        }

        static IllegalStateException glCallElsewhere(final String name, final Thread owner)
        {
            return new IllegalStateException("checked mode: " + name + " was called on thread '" +
                Thread.currentThread().getName() + "', but it is " + (null == owner ? "current on no thread" :
                "current on thread '" + owner.getName() + "'") + ": call it on the thread it is current on");
        }

        static IllegalStateException disposed(final String name)
        {
            return new IllegalStateException(name + " was disposed (disposeAndRelease); it cannot be made " +
                "current again");
        }

        static IllegalStateException neverCurrent(final String name, final String what)
        {
            return new IllegalStateException(name + " has never been made current: " + what + " is not known yet");
        }

        static void printLeaks(final String report)
        {
            System.err.println("[isochron] " + report);
        }
    }
}
