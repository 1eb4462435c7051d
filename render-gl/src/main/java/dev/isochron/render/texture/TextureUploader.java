package dev.isochron.render.texture;

import dev.isochron.render.batch.GlDrawBackend;
import dev.isochron.render.gl.DecodedImage;
import dev.isochron.render.gl.Texture;
import dev.isochron.render.gl.TextureFilter;
import dev.isochron.render.gl.TextureWrap;
import org.lwjgl.system.MemoryStack;

/**
 * The GL side of run-time textures, on the render thread: binds declared keys to the transparent placeholder,
 * uploads a decoded image in row strips into a texture it creates, binds the key to it once all rows are in, and
 * releases it again. With the null renderer (no backend) an upload only frees the pixels and makes the handle ready.
 * <p>
 * Threading: the render thread, GL context current. Allocation: {@link #upload} allocates only when it creates a
 * texture (the {@link Texture} object, its strings and registry entry) and when an upload fails (the message);
 * {@link #release} only what deleting a texture costs.
 */
final class TextureUploader
{
    private final GlDrawBackend backend;
    private Texture placeholder;
    private int placeholderName;
    private long texturesUploaded;
    private long uploadFailures;

    /** @param backend the GL draw backend the keys are bound in, or null with the null renderer. */
    TextureUploader(final GlDrawBackend backend)
    {
        this.backend = backend;
    }

    /** @return whether uploads make textures (false with the null renderer). */
    boolean hasGl()
    {
        return null != backend;
    }

    /** Binds a declared key to the placeholder (made on the first call). */
    void bindPlaceholder(final int textureKey)
    {
        if (null == backend)
        {
            return;
        }
        if (null == placeholder)
        {
            try (MemoryStack stack = MemoryStack.stackPush())
            {
                placeholder = Texture.fromRgba(TextureTable.Constants.placeholderLabel(), 1, 1, stack.calloc(4),
                    TextureFilter.NEAREST, TextureWrap.CLAMP_TO_EDGE);
            }
            placeholderName = placeholder.textureName();
        }
        backend.bindTexture(textureKey, placeholderName);
    }

    /**
     * Uploads the next rows of a decoded image, at least one and at most {@code budget} bytes of them (all of it, and
     * nothing to GL, with the null renderer); the last strip makes the handle ready. A GL failure fails the handle.
     *
     * @return the bytes uploaded.
     */
    long upload(final TextureHandle handle, final long budget)
    {
        final DecodedImage image = handle.image();
        final int width = image.width();
        final int height = image.height();
        if (null == backend)
        {
            handle.releaseImage();
            handle.ready(width, height);
            texturesUploaded++;
            return 0L;
        }
        try
        {
            Texture texture = handle.texture();
            if (null == texture)
            {
                // made without mipmaps: each row update would rebuild them; they are made once the rows are in
                final TextureFilter filter = TextureFilter.LINEAR_MIPMAP == handle.filter() ? TextureFilter.LINEAR :
                    handle.filter();
                texture = Texture.fromRgba(handle.label(), width, height, 0L, filter, handle.wrap());
                handle.uploading(texture, 0);
            }
            final long rowBytes = 4L * width;
            final int done = handle.uploadedRows();
            final int rows = (int)Math.min(height - done, Math.max(1L, budget / rowBytes));
            texture.update(0, done, width, rows, image.address() + done * rowBytes);
            handle.uploading(texture, done + rows);
            if (done + rows == height)
            {
                if (handle.filter() != texture.filter())
                {
                    texture.setSampling(handle.filter(), handle.wrap());
                }
                backend.bindTexture(handle.textureKey(), texture.textureName());
                handle.releaseImage();
                handle.ready(width, height);
                texturesUploaded++;
            }
            return rows * rowBytes;
        }
        catch (final RuntimeException ex)
        {
            uploadFailures++;
            final Texture texture = handle.texture();
            handle.uploading(null, 0);
            handle.releaseImage();
            if (null != texture)
            {
                texture.close();
            }
            handle.fail(TextureTable.Constants.uploadFailed(handle.label(), ex), handle.loadRequests());
            return 0L;
        }
    }

    /**
     * Drops a handle's image and texture, its key drawing the placeholder again.
     *
     * @param from the state the handle is released from.
     * @return whether the handle went back to unloaded (false: the loader thread claimed a failed one meanwhile).
     */
    boolean release(final TextureHandle handle, final int from)
    {
        final Texture texture = handle.texture();
        if (null != texture)
        {
            if (TextureHandle.READY == from)
            {
                backend.bindTexture(handle.textureKey(), placeholderName);
            }
            texture.close();
        }
        handle.releaseImage();
        return handle.unloaded(from);
    }

    /** Deletes the placeholder; render thread, at the end of the run. */
    void close()
    {
        if (null != placeholder)
        {
            placeholder.close();
            placeholder = null;
        }
    }

    long texturesUploaded()
    {
        return texturesUploaded;
    }

    long uploadFailures()
    {
        return uploadFailures;
    }
}
