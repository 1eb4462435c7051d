package dev.isochron.render.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.MemoryUtil;

import java.nio.ByteBuffer;
import java.nio.IntBuffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lwjgl.stb.STBImage.stbi_failure_reason;
import static org.lwjgl.stb.STBImage.stbi_image_free;
import static org.lwjgl.stb.STBImage.stbi_info_from_memory;
import static org.lwjgl.stb.STBImage.stbi_load_from_memory;

/**
 * Fuzzes the image decode path of {@link dev.isochron.render.gl.TextureLoader#decode}: the same off-heap copy and
 * the same {@code stbi_load_from_memory(..., 4)} call, without the GL upload that follows it. Whatever the bytes,
 * the decode must either fail with a reason (which {@code decode} turns into its documented
 * {@code IllegalArgumentException}) or return exactly width x height x 4 bytes with the dimensions
 * {@code stbi_info_from_memory} announced.
 * <p>
 * The Java front-end has no size caps before decoding: neither on the encoded length nor on the announced
 * dimensions (stb_image allows up to 2^24 pixels per side); {@code Texture} refuses sides outside [1, 16384] only
 * after stb_image has decoded the whole image, so a few bytes of header can make the decode ask for gigabytes. This target skips
 * the full decode of images that announce more than {@value #MAX_FUZZ_PIXELS} pixels, so the fuzzer does not spend
 * its budget on allocation; the missing cap is reported in docs/reliability.md. stb_image is native: a memory error
 * in it ends the JVM rather than failing the test.
 */
class TextureDecodeFuzzTest
{
    private static final long MAX_FUZZ_PIXELS = 1L << 22;

    @FuzzTest(maxDuration = "20s")
    void fuzzDecodeLikeTextureLoader(final byte[] encoded)
    {
        final ByteBuffer input = MemoryUtil.memAlloc(Math.max(1, encoded.length));
        try (MemoryStack stack = MemoryStack.stackPush())
        {
            input.put(encoded).flip();
            final IntBuffer width = stack.mallocInt(1);
            final IntBuffer height = stack.mallocInt(1);
            final IntBuffer channels = stack.mallocInt(1);
            if (stbi_info_from_memory(input, width, height, channels))
            {
                // stbi_info reports a top-down BMP's height as negative (seed bmp-top-down-negative-height, found by
                // this target); stbi_load reports it positive. A size cap built on stbi_info must use the magnitude.
                if (Math.abs((long)width.get(0)) * Math.abs((long)height.get(0)) > MAX_FUZZ_PIXELS)
                {
                    return;
                }
            }
            final int infoWidth = Math.abs(width.get(0));
            final int infoHeight = Math.abs(height.get(0));
            final ByteBuffer pixels = stbi_load_from_memory(input, width, height, channels, 4);
            if (null == pixels)
            {
                assertNotNull(stbi_failure_reason(), "a failed decode has a reason");
                return;
            }
            try
            {
                // stb_image "decodes" some empty images (seed bmp-35x0-zero-height, found by this target: a BMP
                // header with height 0 gives 35x0 and 0 bytes); decode hands them to Texture, whose size check
                // refuses them with decode's documented IllegalArgumentException, so they are allowed here.
                assertTrue(width.get(0) >= 0 && height.get(0) >= 0, width.get(0) + "x" + height.get(0));
                assertEquals(4L * width.get(0) * height.get(0), pixels.remaining(), "RGBA8 bytes");
                assertEquals(infoWidth, width.get(0), "width as stbi_info announced (magnitude)");
                assertEquals(infoHeight, height.get(0), "height as stbi_info announced (magnitude)");
            }
            finally
            {
                stbi_image_free(pixels);
            }
        }
        finally
        {
            MemoryUtil.memFree(input);
        }
    }
}
