package dev.isochron.render.natives;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.EnumSet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The process-wide native-loading lock and phase: no two threads of an Isochron process are inside native-library
 * loading at once.
 * <p>
 * Every call in Isochron that may make the dynamic loader open or close an object runs under {@link #run} or
 * {@link #call}: LWJGL library loads (class initialisers of {@code Library}, {@code GL}, {@code EGL}, {@code GLFW},
 * stb), {@code glfwInit}, window and context creation, {@code eglInitialize}, {@code GL.createCapabilities},
 * {@code glfwTerminate} and {@code eglTerminate}. {@link #preload} is the phase: it loads, once per process and
 * under the lock, the libraries a run needs (the JDK's lazily loaded ones included), so that code running beside it
 * later finds them loaded and loads nothing itself. A start-up warm-up thread that wants to do native work early
 * does it through the same two calls, so it can overlap with the main thread's Java work but never with its native
 * work.
 * <p>
 * The lock is reentrant. For tests, when the environment names a file in {@link #WATCH_ENVIRONMENT}, the native
 * thread id of the thread holding the lock is written there on each outermost acquisition and {@code 0} on release,
 * so that a preloaded loader-watching library can tell loads made under the lock from loads made outside it.
 * <p>
 * Thread: any. Start-up and teardown only; never the frame path (it allocates and may block).
 */
public final class NativeLoading
{
    /** The environment variable naming the file that receives the lock holder's native thread id (tests only). */
    public static final String WATCH_ENVIRONMENT = "ISOCHRON_NATIVE_LOADING_WATCH";

    private static final ReentrantLock LOCK = new ReentrantLock();
    private static final EnumSet<NativeLibrary> LOADED = EnumSet.noneOf(NativeLibrary.class);
    private static final HolderFile HOLDER_FILE = HolderFile.fromEnvironment();

    private NativeLoading()
    {
    }

    /**
     * Runs {@code action} holding the native-loading lock.
     *
     * @param action native loading work: a library load, {@code glfwInit}, a context's creation.
     */
    public static void run(final Runnable action)
    {
        acquire();
        try
        {
            action.run();
        }
        finally
        {
            release();
        }
    }

    /**
     * Calls {@code action} holding the native-loading lock.
     *
     * @param action native loading work that returns a value (a window handle, an EGL display).
     * @param <T>    the value's type.
     * @return what {@code action} returned.
     */
    public static <T> T call(final Supplier<T> action)
    {
        acquire();
        try
        {
            return action.get();
        }
        finally
        {
            release();
        }
    }

    /**
     * Loads each of {@code libraries} not loaded yet, in the order given, under the lock. A library whose load fails
     * is not marked loaded (a later call tries again and fails the same way, where the caller can report it); the
     * failure propagates and the libraries after it are not loaded.
     *
     * @param libraries what the run needs; {@link NativeLibrary#JDK} first, so the JDK's loads never race LWJGL's.
     */
    public static void preload(final NativeLibrary... libraries)
    {
        acquire();
        try
        {
            for (final NativeLibrary library : libraries)
            {
                if (!LOADED.contains(library))
                {
                    library.load();
                    LOADED.add(library);
                }
            }
        }
        finally
        {
            release();
        }
    }

    /** @return whether {@link #preload} has loaded {@code library} in this process. */
    public static boolean isLoaded(final NativeLibrary library)
    {
        acquire();
        try
        {
            return LOADED.contains(library);
        }
        finally
        {
            release();
        }
    }

    /** @return whether the calling thread holds the native-loading lock. */
    public static boolean isHeldByCurrentThread()
    {
        return LOCK.isHeldByCurrentThread();
    }

    private static void acquire()
    {
        LOCK.lock();
        if (1 == LOCK.getHoldCount() && null != HOLDER_FILE)
        {
            HOLDER_FILE.write(HolderFile.currentNativeThreadId());
        }
    }

    private static void release()
    {
        try
        {
            if (1 == LOCK.getHoldCount() && null != HOLDER_FILE)
            {
                HOLDER_FILE.write(0L);
            }
        }
        finally
        {
            LOCK.unlock();
        }
    }

    /** The file a loader-watching test library reads to learn which native thread holds the lock. */
    private static final class HolderFile
    {
        private static final int WIDTH = 20;
        private final FileChannel channel;
        private final ByteBuffer buffer = ByteBuffer.allocate(WIDTH + 1);

        private HolderFile(final FileChannel channel)
        {
            this.channel = channel;
        }

        static HolderFile fromEnvironment()
        {
            final String path = System.getenv(WATCH_ENVIRONMENT);
            if (null == path || path.isEmpty())
            {
                return null;
            }
            try
            {
                return new HolderFile(FileChannel.open(Path.of(path), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE));
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException(WATCH_ENVIRONMENT + "=" + path + " cannot be opened for writing: " +
                    ex.getMessage() + "; unset it or name a writable file", ex);
            }
        }

        /** @return the calling thread's Linux thread id, read from {@code /proc/thread-self} ("pid/task/tid"). */
        static long currentNativeThreadId()
        {
            try
            {
                final String target = Files.readSymbolicLink(Path.of("/proc/thread-self")).toString();
                return Long.parseLong(target.substring(target.lastIndexOf('/') + 1));
            }
            catch (final IOException | RuntimeException ex)
            {
                throw new IllegalStateException(WATCH_ENVIRONMENT + " is set but /proc/thread-self cannot be read " +
                    "(Linux only): " + ex, ex);
            }
        }

        void write(final long threadId)
        {
            final String text = Long.toString(threadId);
            buffer.clear();
            for (int i = text.length(); i < WIDTH; i++)
            {
                buffer.put((byte)' ');
            }
            buffer.put(text.getBytes(StandardCharsets.US_ASCII)).put((byte)'\n').flip();
            try
            {
                channel.write(buffer, 0L);
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException(WATCH_ENVIRONMENT + ": cannot write the lock holder: " +
                    ex.getMessage(), ex);
            }
        }
    }
}
