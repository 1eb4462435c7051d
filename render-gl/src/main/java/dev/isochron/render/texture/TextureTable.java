package dev.isochron.render.texture;

import dev.isochron.render.batch.GlDrawBackend;
import dev.isochron.render.gl.Texture;
import dev.isochron.render.gl.TextureFilter;
import dev.isochron.render.gl.TextureLoader;
import dev.isochron.render.gl.TextureWrap;
import dev.isochron.render.natives.NativeLibrary;
import dev.isochron.render.natives.NativeLoading;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The run's textures loaded after init: a fixed-capacity table of {@link TextureHandle}s declared at init, one loader
 * thread that reads and decodes their files, and the render thread's per-frame upload step.
 * <p>
 * The loader thread ({@value Constants#THREAD_NAME_TEXT}) starts with the first declaration, after stb_image was
 * loaded under the native-loading lock (the runtime preloads it in its native-loading phase): it reads files through
 * the JDK's NIO and decodes with stb_image, and so loads no native library of its own. It is stopped by
 * {@link #close()}.
 * <p>
 * {@link #beginFrame()} runs on the render thread at the start of every frame, before the application's render. In a
 * frame where no request changed and no decode ended it reads one volatile counter and returns; otherwise it walks the
 * declared handles: a decoded image is uploaded in rows, about {@link #uploadBytesPerFrame()} bytes and at most
 * {@value #MAX_TEXTURES_CREATED_PER_FRAME} new textures per frame, and a texture no longer wanted is released. All of
 * it allocates nothing, but for what a texture's creation and deletion cost: the frame of a texture's first strip
 * allocates the {@link Texture} object, its label-derived strings and its registry entry (a few hundred bytes on the
 * render thread, once per upload); an unload frees the entry. With the null renderer nothing is uploaded
 * and a completed decode allocates nothing: its pixels are freed and the handle made ready with the image's size.
 * <p>
 * Threading: declarations and {@link #close()} on the render thread (set-up and teardown); {@link #beginFrame()} on
 * the render thread; handles' requests from any thread.
 */
public final class TextureTable implements AutoCloseable
{
    /** Handles a run may declare. */
    public static final int DEFAULT_CAPACITY = 1024;
    /**
     * Bytes of decoded pixels uploaded per frame: the step stops once they are reached, so a frame uploads at most this
     * plus one row (a row is never split; a row of the widest texture is 64 KiB).
     */
    public static final long DEFAULT_UPLOAD_BYTES_PER_FRAME = 4L << 20;
    /** New textures created per frame at most: each asks the driver for its storage. */
    public static final int MAX_TEXTURES_CREATED_PER_FRAME = 4;
    private static final long STOP_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(10);

    private final TextureUploader uploader;
    private final Thread owner;
    private final TextureHandle[] handles;
    private final long uploadBytesPerFrame;
    private final TextureLoader.Limits limits;
    private final AtomicInteger renderWork = new AtomicInteger();
    private final Thread loader;
    private volatile int declared;
    private volatile boolean running = true;
    private boolean started;
    private boolean closed;
    private int renderWorkSeen;
    private boolean unfinished;
    private long bytesUploaded;

    /**
     * @param backend             the GL draw backend the keys are bound in, or null with the null renderer.
     * @param capacity            handles that may be declared, at least 1.
     * @param uploadBytesPerFrame bytes of pixels uploaded per frame at most, at least 1.
     * @param limits              the bounds each file's read and decode keep to.
     */
    public TextureTable(
        final GlDrawBackend backend, final int capacity, final long uploadBytesPerFrame,
        final TextureLoader.Limits limits)
    {
        if (capacity < 1)
        {
            throw Constants.badCapacity(capacity);
        }
        if (uploadBytesPerFrame < 1)
        {
            throw Constants.badUploadBytes(uploadBytesPerFrame);
        }
        if (null == limits)
        {
            throw Constants.nullLimits();
        }
        this.uploader = new TextureUploader(backend);
        this.owner = Thread.currentThread();
        this.handles = new TextureHandle[capacity];
        this.uploadBytesPerFrame = uploadBytesPerFrame;
        this.limits = limits;
        this.loader = new Thread(new TextureLoaderThread(this), Constants.THREAD_NAME);
        loader.setDaemon(true);
    }

    /**
     * Declares a texture file; starts the loader thread on the first call. Render thread, at set-up (the
     * application's init).
     *
     * @param textureKey     the key reserved for it, bound to the transparent placeholder until it is uploaded.
     * @param expectedWidth  the width the image must have, or 0 for any (an atlas page states its size).
     * @param expectedHeight the height the image must have, or 0 for any.
     * @return the handle.
     * @throws IllegalStateException when the table is full or closed.
     */
    public TextureHandle declare(
        final Path path, final TextureFilter filter, final TextureWrap wrap, final int textureKey,
        final int expectedWidth, final int expectedHeight)
    {
        if (null == path || null == filter || null == wrap)
        {
            throw Constants.nullArgument(path, filter, wrap);
        }
        if (Thread.currentThread() != owner)
        {
            throw Constants.notOwner(path, owner);
        }
        if (closed)
        {
            throw Constants.closed(path);
        }
        final int index = declared;
        if (index == handles.length)
        {
            throw Constants.full(handles.length, path);
        }
        final TextureHandle handle =
            new TextureHandle(this, path, textureKey, filter, wrap, expectedWidth, expectedHeight);
        uploader.bindPlaceholder(textureKey);
        handles[index] = handle;
        declared = index + 1;
        if (!started)
        {
            started = true;
            // stb_image's class initialiser only checks that its library is loaded: load it here, under the lock,
            // so that the loader thread never enters native-library loading
            NativeLoading.preload(NativeLibrary.STB);
            NativeLoading.run(Constants::initialiseStbImage);
            loader.start();
        }
        return handle;
    }

    /**
     * Uploads what the loader thread decoded and releases what is no longer wanted, within the per-frame bounds.
     * Render thread, at the start of a frame. Allocation-free but for a texture's creation (see the class comment).
     * A failed upload fails its handle; it never throws.
     *
     * @return bytes of pixels uploaded in this call.
     */
    public long beginFrame()
    {
        final int work = renderWork.get();
        if (work == renderWorkSeen && !unfinished)
        {
            return 0L;
        }
        renderWorkSeen = work;
        unfinished = false;
        long budget = uploadBytesPerFrame;
        int creations = MAX_TEXTURES_CREATED_PER_FRAME;
        final TextureHandle[] handles = this.handles;
        for (int i = 0, n = declared; i < n; i++)
        {
            final TextureHandle handle = handles[i];
            final int state = handle.stateNow();
            if (TextureHandle.DECODED == state)
            {
                if (!handle.isWanted())
                {
                    release(handle, TextureHandle.DECODED);
                }
                else if (budget <= 0L || (null == handle.texture() && 0 == creations))
                {
                    unfinished = true;
                }
                else
                {
                    if (null == handle.texture() && uploader.hasGl())
                    {
                        creations--;
                    }
                    final long uploaded = uploader.upload(handle, budget);
                    budget -= uploaded;
                    if (TextureHandle.DECODED == handle.stateNow())
                    {
                        unfinished = true;
                    }
                }
            }
            else if ((TextureHandle.READY == state || TextureHandle.FAILED == state) && !handle.isWanted())
            {
                release(handle, state);
            }
        }
        final long uploaded = uploadBytesPerFrame - budget;
        bytesUploaded += uploaded;
        return uploaded;
    }

    /** Releases a no-longer-wanted handle; wakes the loader thread when it was asked for again meanwhile. */
    private void release(final TextureHandle handle, final int state)
    {
        if (uploader.release(handle, state) && handle.isWanted())
        {
            // asked for again while it was released: the loader thread skipped it then
            LockSupport.unpark(loader);
        }
    }

    /** A request changed (any thread): the loader thread and the next frame look at the handles again. */
    void requestChanged()
    {
        renderWork.incrementAndGet();
        LockSupport.unpark(loader);
    }

    /** A decode ended (loader thread): the next frame uploads its image or sees its failure. */
    void decodeEnded()
    {
        renderWork.incrementAndGet();
    }

    boolean running()
    {
        return running;
    }

    int declaredCount()
    {
        return declared;
    }

    TextureHandle handle(final int index)
    {
        return handles[index];
    }

    TextureLoader.Limits limits()
    {
        return limits;
    }

    /** @return handles declared so far. */
    public int declared()
    {
        return declared;
    }

    /** @return the most handles that may be declared. */
    public int capacity()
    {
        return handles.length;
    }

    /** @return bytes of pixels uploaded per frame at most. */
    public long uploadBytesPerFrame()
    {
        return uploadBytesPerFrame;
    }

    /** @return uploads completed so far (with the null renderer: decodes made ready). Render thread. */
    public long texturesUploaded()
    {
        return uploader.texturesUploaded();
    }

    /** @return bytes of pixels uploaded so far. Render thread. */
    public long bytesUploaded()
    {
        return bytesUploaded;
    }

    /** @return uploads that failed (the GL refused the texture); their handles say why. Render thread. */
    public long uploadFailures()
    {
        return uploader.uploadFailures();
    }

    /**
     * Stops the loader thread (interrupting a read in progress), then releases every image and texture and the
     * placeholder. Render thread, GL context current; idempotent.
     *
     * @throws IllegalStateException when the loader thread did not end within 10 s (a decode that does not return);
     *                               everything else is released all the same.
     */
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        running = false;
        final boolean ended = stopLoader();
        for (int i = 0, n = declared; i < n; i++)
        {
            final TextureHandle handle = handles[i];
            final int state = handle.stateNow();
            if (!ended && TextureHandle.DECODING == state)
            {
                continue;
            }
            final Texture texture = handle.texture();
            if (null != texture)
            {
                texture.close();
            }
            handle.releaseImage();
            handle.unloaded(state);
        }
        uploader.close();
        if (!ended)
        {
            throw Constants.loaderDidNotEnd(STOP_TIMEOUT_NS);
        }
    }

    /** @return whether the loader thread ended (or never started). */
    private boolean stopLoader()
    {
        if (!started)
        {
            return true;
        }
        loader.interrupt();
        final long deadline = System.nanoTime() + STOP_TIMEOUT_NS;
        boolean interrupted = false;
        try
        {
            while (loader.isAlive())
            {
                final long leftNs = deadline - System.nanoTime();
                if (leftNs <= 0L)
                {
                    return false;
                }
                try
                {
                    loader.join(Math.max(1L, TimeUnit.NANOSECONDS.toMillis(leftNs)));
                }
                catch (final InterruptedException ex)
                {
                    interrupted = true;
                }
            }
            return true;
        }
        finally
        {
            if (interrupted)
            {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * The thread's name and the messages, in a class of their own so that TextureTable holds no String constant:
     * {@link #beginFrame()} runs every frame (see {@code ClassConstants} in the engine test-jar).
     */
    static final class Constants
    {
        static final String THREAD_NAME_TEXT = "isochron-texture-loader";
        static final String THREAD_NAME;

        static
        {
            THREAD_NAME = THREAD_NAME_TEXT;
        }

        private Constants()
        {
        }

        static String placeholderLabel()
        {
            return "texture placeholder (transparent 1x1)";
        }

        static void initialiseStbImage()
        {
            try
            {
                Class.forName("org.lwjgl.stb.STBImage", true, TextureTable.class.getClassLoader());
            }
            catch (final ClassNotFoundException ex)
            {
                throw new IllegalStateException("org.lwjgl.stb.STBImage is not on the class path: add LWJGL's stb jar",
                    ex);
            }
        }

        static IllegalArgumentException badCapacity(final int capacity)
        {
            return new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }

        static IllegalArgumentException badUploadBytes(final long bytes)
        {
            return new IllegalArgumentException("uploadBytesPerFrame must be at least 1, was " + bytes);
        }

        static IllegalArgumentException nullLimits()
        {
            return new IllegalArgumentException("limits must not be null; use TextureLoader.Limits.DEFAULT");
        }

        static IllegalArgumentException nullArgument(final Path path, final TextureFilter filter, final TextureWrap wrap)
        {
            return new IllegalArgumentException("path, filter and wrap must not be null, were " + path + ", " +
                filter + ", " + wrap);
        }

        static IllegalStateException closed(final Path path)
        {
            return new IllegalStateException("texture " + path + " declared after the run's textures were closed: " +
                "declare textures in Application.init");
        }

        static IllegalStateException notOwner(final Path path, final Thread owner)
        {
            return new IllegalStateException("texture " + path + " declared on thread " +
                Thread.currentThread().getName() + ": declare textures in Application.init, on the render thread (" +
                owner.getName() + ")");
        }

        static IllegalStateException full(final int capacity, final Path path)
        {
            return new IllegalStateException("texture " + path + " cannot be declared: at most " + capacity +
                " textures may be declared in a run");
        }

        static String uploadFailed(final String label, final RuntimeException ex)
        {
            return "texture " + label + " was decoded but could not be uploaded: " + ex;
        }

        static IllegalStateException loaderDidNotEnd(final long timeoutNs)
        {
            return new IllegalStateException(THREAD_NAME + " did not end within " +
                TimeUnit.NANOSECONDS.toSeconds(timeoutNs) + " s of the run's end (a read or decode that does not " +
                "return); its textures are released, the thread is left to end on its own (it is a daemon)");
        }
    }
}
