package dev.isochron.render.context;

import dev.isochron.render.gl.GlErrors;
import dev.isochron.render.gl.GlObjectRegistry;
import dev.isochron.render.gl.GlObjectType;
import org.lwjgl.opengl.GL;
import org.lwjgl.opengl.GLCapabilities;

import static org.lwjgl.opengl.GL30C.*;

/**
 * What every context does on the GL side once current: GL capabilities for the thread, a bound VAO, the
 * object registry made current, renderer/version strings, debug output, and the leak check at close.
 * Render thread only.
 */
final class GlSession
{
    private final String name;
    private final boolean debug;
    private final boolean failOnLeak;
    private final GlObjectRegistry registry;
    private GLCapabilities capabilities;
    private int vertexArray;
    private String renderer;
    private String version;
    private volatile Thread owner;

    GlSession(final String name, final boolean debug, final boolean failOnLeak)
    {
        this.name = name;
        this.debug = debug;
        this.failOnLeak = failOnLeak;
        this.registry = new GlObjectRegistry(name);
    }

    /** Checks the context may be made current on the calling thread. */
    void checkCanAttach()
    {
        final Thread current = owner;
        if (current != null && current != Thread.currentThread())
        {
            throw new IllegalStateException(name + " is current on thread '" + current.getName() +
                "'; release it there before making it current on '" + Thread.currentThread().getName() + "'");
        }
    }

    /** @return whether this was the first attach (the caller then creates its own GL objects). */
    boolean attach()
    {
        owner = Thread.currentThread();
        GlObjectRegistry.makeCurrent(registry);
        if (capabilities == null)
        {
            capabilities = GL.createCapabilities();
            renderer = glGetString(GL_RENDERER);
            version = glGetString(GL_VERSION);
            if (!capabilities.OpenGL33)
            {
                throw new GlContextException(name + ": OpenGL 3.3 core is required, the driver gives " + version +
                    " (" + renderer + ")");
            }
            if (debug)
            {
                GlErrors.enableDebugOutput(capabilities);
            }
            vertexArray = glGenVertexArrays();
            registry.register(GlObjectType.VERTEX_ARRAY, vertexArray, name + " default VAO");
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

    /** Deletes the VAO and checks for leaks; the context must be current on the calling thread. */
    String destroyObjects()
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
        final String report = registry.leakReport();
        registry.clear();
        return report;
    }

    /** Throws or prints the leak report, after the context is gone. */
    void reportLeaks(final String report)
    {
        if (report.isEmpty())
        {
            return;
        }
        if (failOnLeak)
        {
            throw new IllegalStateException(report);
        }
        System.err.println("[isochron] " + report);
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
            throw new IllegalStateException(name + " has never been made current: GL_RENDERER is not known yet");
        }
        return renderer;
    }

    String version()
    {
        if (version == null)
        {
            throw new IllegalStateException(name + " has never been made current: GL_VERSION is not known yet");
        }
        return version;
    }

    String name()
    {
        return name;
    }
}
