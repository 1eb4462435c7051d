package dev.isochron.render.texture;

import dev.isochron.render.gl.DecodedImage;
import dev.isochron.render.gl.TextureLoader;

import java.io.UncheckedIOException;
import java.util.concurrent.locks.LockSupport;

/**
 * The body of the run's texture loader thread: walks the declared handles, reads and decodes each one that is wanted
 * and not loaded ({@link TextureLoader#decodeFile}), and hands the pixels to the render thread; parks when there is
 * nothing to do ({@link TextureHandle#load()} unparks it).
 * <p>
 * A failure (a missing or unreadable file, an image stb_image cannot decode or that breaks the limits, an atlas page
 * of another size than its atlas says) fails that handle with a message naming the file; the thread goes on. It uses
 * only native libraries loaded before it started (stb_image, the JDK's NIO). It allocates freely: it is not on the
 * frame path.
 */
final class TextureLoaderThread implements Runnable
{
    private final TextureTable table;

    TextureLoaderThread(final TextureTable table)
    {
        this.table = table;
    }

    public void run()
    {
        final TextureTable table = this.table;
        while (table.running())
        {
            boolean decodedAny = false;
            for (int i = 0, n = table.declaredCount(); i < n && table.running(); i++)
            {
                final TextureHandle handle = table.handle(i);
                final int requests = handle.claimForDecode();
                if (requests >= 0)
                {
                    decode(handle, requests);
                    decodedAny = true;
                }
            }
            if (!decodedAny && table.running())
            {
                LockSupport.park(this);
            }
        }
    }

    private void decode(final TextureHandle handle, final int requests)
    {
        DecodedImage image = null;
        try
        {
            image = TextureLoader.decodeFile(handle.path(), table.limits());
            final int expectedWidth = handle.expectedWidth();
            final int expectedHeight = handle.expectedHeight();
            if ((expectedWidth > 0 && expectedWidth != image.width()) ||
                (expectedHeight > 0 && expectedHeight != image.height()))
            {
                handle.fail("texture " + handle.label() + " is " + image.width() + "x" + image.height() +
                    " pixels, but its atlas says " + expectedWidth + "x" + expectedHeight + ": the atlas's regions " +
                    "would sample the wrong pixels; pack the atlas and its page images again together", requests);
                return;
            }
            handle.decoded(image);
            image = null;
        }
        catch (final UncheckedIOException ex)
        {
            // "texture file <path> not found", or "... cannot be read: <reason>"
            handle.fail(ex.getCause().getMessage(), requests);
        }
        catch (final IllegalArgumentException ex)
        {
            // names the path: stb_image's reason, or the limit the file breaks
            handle.fail(ex.getMessage(), requests);
        }
        catch (final RuntimeException | Error ex)
        {
            handle.fail("texture " + handle.label() + " could not be loaded: " + ex, requests);
        }
        finally
        {
            if (null != image)
            {
                image.close();
            }
            table.decodeEnded();
        }
    }
}
