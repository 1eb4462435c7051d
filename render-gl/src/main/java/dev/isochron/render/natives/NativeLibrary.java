package dev.isochron.render.natives;

import org.lwjgl.egl.EGL;
import org.lwjgl.glfw.GLFW;
import org.lwjgl.system.Configuration;
import org.lwjgl.system.Library;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A native library (or group of them) that an Isochron run loads, and how to load it; {@link NativeLoading#preload}
 * loads each under the native-loading lock, once per process.
 * <p>
 * The JDK entries matter as much as LWJGL's: the JDK loads {@code libmanagement}, {@code libjimage} or
 * {@code libnet} lazily, on whichever thread first touches a class that needs it, and such a load racing LWJGL's
 * library-path lookup is one half of the loader deadlock.
 */
public enum NativeLibrary
{
    /**
     * The JDK's lazily loaded libraries a run uses: {@code libnio}, {@code libnet}, {@code libjimage},
     * {@code libmanagement} and {@code libmanagement_ext} (the runtime's GC monitor and per-thread allocation
     * meter), and {@code libverify}, the verifier the JVM loads the first time it links a class file older than
     * Java 6 (JOML's are Java 1.2).
     */
    JDK
    {
        @Override
        void load()
        {
            initialise("java.net.InetAddress", null);
            initialise("sun.nio.ch.IOUtil", null);
            initialise("jdk.internal.jimage.NativeImageBuffer", null);
            try (FileChannel channel = FileChannel.open(Path.of(System.getProperty("java.home"), "release"),
                StandardOpenOption.READ))
            {
                channel.size();
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException(ex);
            }
            ManagementFactory.getRuntimeMXBean().getStartTime();
            ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            ManagementFactory.getPlatformMXBean(com.sun.management.ThreadMXBean.class).getCurrentThreadAllocatedBytes();
            for (final GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans())
            {
                bean.getName();
            }
            link("org.joml.Vector2f");
        }
    },

    /** LWJGL's own JNI library ({@code liblwjgl}), which every other LWJGL binding needs first. */
    LWJGL
    {
        @Override
        void load()
        {
            Library.initialize();
        }
    },

    /** LWJGL's stb bindings ({@code liblwjgl_stb}): image decoding, PNG writing, TrueType. */
    STB
    {
        @Override
        void load()
        {
            initialise("org.lwjgl.stb.LibSTB", NativeLibrary.class.getClassLoader());
        }
    },

    /** GLFW ({@code libglfw}, bundled with LWJGL); {@code glfwInit}'s own loads happen where it is called. */
    GLFW_LIBRARY
    {
        @Override
        void load()
        {
            GLFW.getLibrary();
        }
    },

    /** The system's {@code libEGL.so.1}, through LWJGL's library-path lookup (the lookup of LWJGL issue 1148). */
    EGL_LIBRARY
    {
        @Override
        void load()
        {
            EGL.getCapabilities();
        }
    },

    /**
     * LWJGL's OpenGL bindings ({@code liblwjgl_opengl}), with LWJGL's explicit GL initialisation already on
     * ({@code GlPlatform.configureOnce()} sets it and then creates the one function provider), so that no system GL
     * library is looked up here.
     */
    OPENGL
    {
        @Override
        void load()
        {
            if (!Configuration.OPENGL_EXPLICIT_INIT.get(false))
            {
                throw new IllegalStateException("NativeLibrary.OPENGL preloaded before LWJGL's explicit GL " +
                    "initialisation was set: call GlPlatform.configureOnce(), which preloads it");
            }
            initialise("org.lwjgl.opengl.GL", NativeLibrary.class.getClassLoader());
        }
    };

    /**
     * Loads the library; called under the native-loading lock, once per process.
     *
     * @throws RuntimeException or LinkageError when the library is missing; the caller reports it.
     */
    abstract void load();

    /** Links (and so verifies) a class without initialising it. */
    private static void link(final String className)
    {
        try
        {
            Class.forName(className, false, NativeLibrary.class.getClassLoader()).getDeclaredConstructors();
        }
        catch (final ClassNotFoundException ex)
        {
            throw new IllegalStateException(className + " is not on the class path: add JOML's jar", ex);
        }
    }

    /** Initialises a class whose static initialiser loads a library; a JDK without the class has no such load. */
    private static void initialise(final String className, final ClassLoader loader)
    {
        try
        {
            Class.forName(className, true, loader);
        }
        catch (final ClassNotFoundException ex)
        {
            if (null != loader)
            {
                throw new IllegalStateException(className + " is not on the class path: add LWJGL's jars", ex);
            }
            // a JDK without this internal class has no such lazily loaded library to protect
        }
    }
}
