package dev.isochron.render.texture;

import dev.isochron.render.gl.DecodedImage;
import dev.isochron.render.gl.Texture;
import dev.isochron.render.gl.TextureFilter;
import dev.isochron.render.gl.TextureWrap;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A texture file declared at init ({@code Init.declareTexture}) and loaded or unloaded at any time after it, from any
 * thread: {@link #load()} asks for it, the runtime's loader thread reads and decodes the file, and the render thread
 * uploads it at the start of a later frame, a bounded part per frame ({@link TextureTable}).
 * <p>
 * The texture key is reserved at declaration and stays the handle's: sprites may be drawn with {@link #textureKey()}
 * at any time. Until the texture is {@link #isReady() ready} (and again after {@link #unload()}) the key is bound to a
 * 1x1 transparent placeholder, so such draws show nothing; ask {@link #isReady()} to skip them instead.
 * <p>
 * Threading: {@link #load()}, {@link #unload()} and every query may be called from any thread; all of them are
 * allocation-free. A failed load keeps its message ({@link #failure()}) until the next {@link #load()} or
 * {@link #unload()}. Lifetime: the run's; after the run the handle answers {@link TextureState#UNLOADED}.
 */
public final class TextureHandle
{
    // the states, as the threads move them: the loader thread takes UNLOADED (or FAILED, on a new request) to DECODING
    // and DECODING to DECODED or FAILED; the render thread takes DECODED to READY (or FAILED), and DECODED, READY and
    // FAILED back to UNLOADED when the handle is no longer wanted
    static final int UNLOADED = 0;
    static final int DECODING = 1;
    static final int DECODED = 2;
    static final int READY = 3;
    static final int FAILED = 4;

    private final TextureTable table;
    private final Path path;
    private final String label;
    private final int textureKey;
    private final TextureFilter filter;
    private final TextureWrap wrap;
    private final int expectedWidth;
    private final int expectedHeight;
    private final AtomicInteger state = new AtomicInteger(UNLOADED);
    /** Counts {@link #load()} calls: a failed handle is tried again only for a request made after its failure. */
    private final AtomicInteger loadRequests = new AtomicInteger();
    private volatile boolean wanted;
    private volatile String failure;
    private volatile int width;
    private volatile int height;
    /** The request count a failure answered; written before the state is set to FAILED. */
    private int failedAtRequest;
    /** Written by the loader thread before the state is set to DECODED; the render thread's from then on. */
    private DecodedImage image;
    /** The render thread's: the texture being uploaded, or uploaded. */
    private Texture texture;
    /** The render thread's: rows of {@link #image} uploaded into {@link #texture}. */
    private int uploadedRows;

    TextureHandle(
        final TextureTable table, final Path path, final int textureKey, final TextureFilter filter,
        final TextureWrap wrap, final int expectedWidth, final int expectedHeight)
    {
        this.table = table;
        this.path = path;
        this.label = path.toAbsolutePath().toString();
        this.textureKey = textureKey;
        this.filter = filter;
        this.wrap = wrap;
        this.expectedWidth = expectedWidth;
        this.expectedHeight = expectedHeight;
    }

    /**
     * Asks for the texture: the loader thread reads and decodes it, and a later frame uploads it. Nothing happens
     * when it is loading or ready already; a failed handle is tried again. Any thread; allocation-free.
     */
    public void load()
    {
        wanted = true;
        loadRequests.incrementAndGet();
        table.requestChanged();
    }

    /**
     * Releases the texture at the start of a later frame (a load in progress is dropped when its decode ends); its key
     * draws the transparent placeholder again. Any thread; allocation-free.
     */
    public void unload()
    {
        wanted = false;
        table.requestChanged();
    }

    /** @return whether the texture is uploaded and its key draws it. */
    public boolean isReady()
    {
        return READY == state.get();
    }

    /** @return whether the last load failed ({@link #failure()} says why). */
    public boolean failed()
    {
        return FAILED == state.get();
    }

    /** @return why the last load failed, naming the file (null unless {@link #failed()}). */
    public String failure()
    {
        return FAILED == state.get() ? failure : null;
    }

    /** @return where the texture is; allocation-free (the constants are the enum's). */
    public TextureState state()
    {
        switch (state.get())
        {
            case READY:
                return TextureState.READY;
            case FAILED:
                return TextureState.FAILED;
            case UNLOADED:
                return wanted ? TextureState.LOADING : TextureState.UNLOADED;
            default:
                return TextureState.LOADING;
        }
    }

    /**
     * @return the key sprites are drawn with, reserved at declaration, in [1,
     *         {@link dev.isochron.render.batch.SpriteBatch#MAX_TEXTURE_KEY}]: the image once {@link #isReady()},
     *         the transparent placeholder before.
     */
    public int textureKey()
    {
        return textureKey;
    }

    /** @return the image's width in pixels once {@link #isReady()}, 0 before. */
    public int width()
    {
        return width;
    }

    /** @return the image's height in pixels once {@link #isReady()}, 0 before. */
    public int height()
    {
        return height;
    }

    /** @return the file, as declared. */
    public Path path()
    {
        return path;
    }

    /** @return the file's absolute path, as messages name it. */
    public String label()
    {
        return label;
    }

    /** @return the filter the texture is made with. */
    public TextureFilter filter()
    {
        return filter;
    }

    /** @return the wrap mode the texture is made with. */
    public TextureWrap wrap()
    {
        return wrap;
    }

    // ---- the loader thread's side ----

    /**
     * Claims the handle for decoding when it is wanted and unloaded, or failed before the latest request.
     *
     * @return the request count the decode answers, or -1 when there is nothing to decode.
     */
    int claimForDecode()
    {
        if (!wanted)
        {
            return -1;
        }
        final int s = state.get();
        final int requests = loadRequests.get();
        if (UNLOADED == s || (FAILED == s && requests != failedAtRequest))
        {
            if (state.compareAndSet(s, DECODING))
            {
                return requests;
            }
        }
        return -1;
    }

    /** Publishes a decoded image to the render thread. Loader thread, after {@link #claimForDecode()}. */
    void decoded(final DecodedImage decoded)
    {
        image = decoded;
        state.set(DECODED);
    }

    /** Publishes a failure of the load answering {@code requests}. Loader or render thread. */
    void fail(final String message, final int requests)
    {
        failure = message;
        failedAtRequest = requests;
        state.set(FAILED);
    }

    /** @return the sizes the image must have (0: any): an atlas page's. */
    int expectedWidth()
    {
        return expectedWidth;
    }

    int expectedHeight()
    {
        return expectedHeight;
    }

    // ---- the render thread's side ----

    int stateNow()
    {
        return state.get();
    }

    boolean isWanted()
    {
        return wanted;
    }

    int loadRequests()
    {
        return loadRequests.get();
    }

    DecodedImage image()
    {
        return image;
    }

    Texture texture()
    {
        return texture;
    }

    int uploadedRows()
    {
        return uploadedRows;
    }

    void uploading(final Texture created, final int rows)
    {
        texture = created;
        uploadedRows = rows;
    }

    /** Frees the decoded pixels (the upload is done, or dropped). */
    void releaseImage()
    {
        final DecodedImage decoded = image;
        image = null;
        if (null != decoded)
        {
            decoded.close();
        }
    }

    /** Publishes the uploaded texture: sizes first, then the state. */
    void ready(final int uploadedWidth, final int uploadedHeight)
    {
        width = uploadedWidth;
        height = uploadedHeight;
        state.set(READY);
    }

    /**
     * Takes a no-longer-wanted handle back to UNLOADED after the render thread released its image and texture.
     *
     * @return false when the state changed meanwhile (a failed handle claimed again by the loader).
     */
    boolean unloaded(final int from)
    {
        width = 0;
        height = 0;
        texture = null;
        uploadedRows = 0;
        return state.compareAndSet(from, UNLOADED);
    }
}
