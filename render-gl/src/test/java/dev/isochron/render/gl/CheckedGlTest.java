package dev.isochron.render.gl;

import dev.isochron.engine.checked.GuardBand;
import dev.isochron.engine.checked.GuardBandException;
import dev.isochron.engine.testing.AllocationGate;
import dev.isochron.render.context.ContextOptions;
import dev.isochron.render.testing.HeadlessGl;
import org.joml.Matrix4f;
import org.junit.jupiter.api.Test;
import org.lwjgl.system.MemoryUtil;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static dev.isochron.render.testing.HeadlessGl.rgba;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lwjgl.opengl.GL11C.GL_PACK_ALIGNMENT;
import static org.lwjgl.opengl.GL11C.GL_PACK_ROW_LENGTH;
import static org.lwjgl.opengl.GL11C.GL_PACK_SKIP_PIXELS;
import static org.lwjgl.opengl.GL11C.GL_PACK_SKIP_ROWS;
import static org.lwjgl.opengl.GL11C.glPixelStorei;

/**
 * Checking mode on a checked headless context: a deliberate write one byte outside each guarded block of GL-side
 * memory (the persistent ring, the staging memory, the uniform matrix memory, the read-back memory) is reported naming
 * the memory, the offset and the bytes found; a reservation outside the frame's segment is refused; every frame-path
 * GL entry point refuses a thread that does not own the context; and the checks allocate nothing.
 */
@SuppressWarnings("try") // a HeadlessGl resource keeps its context current for the block, unreferenced
class CheckedGlTest
{
    private static final int SEGMENT_BYTES = 800;
    private static final byte OVERWRITE = 0x2a;

    private static HeadlessGl checkedGl()
    {
        return HeadlessGl.open(new ContextOptions().title("checked").size(8, 8).checked(true));
    }

    @Test
    void shouldMarkTheRegistryOfACheckedContextChecked()
    {
        try (HeadlessGl gl = checkedGl())
        {
            assertTrue(gl.context().objects().checked());
            assertTrue(gl.framebuffer().isChecked());
        }
        try (HeadlessGl gl = HeadlessGl.open(new ContextOptions().title("unchecked").size(8, 8).checked(false)))
        {
            assertFalse(gl.context().objects().checked());
        }
    }

    @Test
    void shouldReportAOneByteOverflowOfAPersistentSegmentAtEndFrame()
    {
        try (HeadlessGl gl = checkedGl();
            StreamingVertexBuffer vertices = new StreamingVertexBuffer("ring", SEGMENT_BYTES, 3, false))
        {
            assertTrue(vertices.isPersistent());
            vertices.beginFrame();
            vertices.endFrame(0);
            final long segment = vertices.beginFrame();
            MemoryUtil.memPutByte(segment + SEGMENT_BYTES, OVERWRITE);

            final GuardBandException ex = assertThrows(GuardBandException.class, () -> vertices.endFrame(SEGMENT_BYTES));
            assertEquals("StreamingVertexBuffer 'ring' persistent-mapped segment 1", ex.memoryName());
            assertEquals(SEGMENT_BYTES, ex.offset());
            assertEquals(OVERWRITE, ex.found()[0]);
            assertTrue(ex.getMessage().contains("offset 800 (0 bytes past its end) holds 2a fd fd"), ex.getMessage());
            MemoryUtil.memPutByte(segment + SEGMENT_BYTES, GuardBand.PATTERN_BYTE);
        }
    }

    @Test
    void shouldKeepPersistentSegmentsApartByTheGuardBandsAndOffsetsInWholeQuads()
    {
        try (HeadlessGl gl = checkedGl();
            StreamingVertexBuffer vertices = new StreamingVertexBuffer("ring", SEGMENT_BYTES, 3, false))
        {
            final int stride = SEGMENT_BYTES + StreamingVertexBuffer.RING_GUARD_BYTES;
            final long first = vertices.beginFrame();
            assertEquals(StreamingVertexBuffer.RING_GUARD_BYTES, vertices.endFrame(SEGMENT_BYTES));
            final long second = vertices.beginFrame();
            assertEquals(StreamingVertexBuffer.RING_GUARD_BYTES + stride, vertices.endFrame(SEGMENT_BYTES));
            assertEquals(stride, second - first);
            assertEquals(0, StreamingVertexBuffer.RING_GUARD_BYTES % 80, "draw offsets stay whole quads");
            assertEquals(0, StreamingVertexBuffer.RING_GUARD_BYTES % 64, "segments keep their 64-byte alignment");
        }
    }

    @Test
    void shouldReportAWriteBeforeTheStagingMemoryBeforeItIsUploaded()
    {
        try (HeadlessGl gl = checkedGl();
            StreamingVertexBuffer vertices = new StreamingVertexBuffer("staged", SEGMENT_BYTES, 3, true))
        {
            final long staging = vertices.beginFrame();
            MemoryUtil.memPutByte(staging - 1, OVERWRITE);

            final GuardBandException ex = assertThrows(GuardBandException.class, () -> vertices.endFrame(SEGMENT_BYTES));
            assertEquals("StreamingVertexBuffer 'staged' staging memory", ex.memoryName());
            assertEquals(-1, ex.offset());
            MemoryUtil.memPutByte(staging - 1, GuardBand.PATTERN_BYTE);
        }
    }

    @Test
    void shouldReportAnOverflowFoundOnlyAtCloseAndStillRelease()
    {
        try (HeadlessGl gl = checkedGl())
        {
            final int buffersBefore = gl.context().objects().liveCount(GlObjectType.BUFFER);
            final StreamingVertexBuffer vertices = new StreamingVertexBuffer("closing", SEGMENT_BYTES, 3, true);
            final long staging = vertices.beginFrame();
            vertices.endFrame(0);
            MemoryUtil.memPutByte(staging + SEGMENT_BYTES + 5, OVERWRITE);

            final GuardBandException ex = assertThrows(GuardBandException.class, vertices::close);
            assertEquals(SEGMENT_BYTES + 5, ex.offset());
            assertThrows(IllegalStateException.class, vertices::bind, "released although its bands were overwritten");
            assertEquals(buffersBefore, gl.context().objects().liveCount(GlObjectType.BUFFER));
        }
    }

    @Test
    void shouldRefuseAWriteOutsideTheFramesSegment()
    {
        try (HeadlessGl gl = checkedGl();
            StreamingVertexBuffer vertices = new StreamingVertexBuffer("ring", SEGMENT_BYTES, 3, false))
        {
            final long segment = vertices.beginFrame();
            vertices.checkWrite(segment, SEGMENT_BYTES);

            final IllegalStateException ex =
                assertThrows(IllegalStateException.class, () -> vertices.checkWrite(segment + 80, SEGMENT_BYTES));
            assertEquals("checked mode: a write of 800 bytes at 0x" + Long.toHexString(segment + 80) +
                " into StreamingVertexBuffer 'ring' leaves this frame's segment [0x" + Long.toHexString(segment) +
                ", +800)", ex.getMessage());
            vertices.endFrame(0);
            assertThrows(IllegalStateException.class, () -> vertices.checkWrite(segment, 0), "outside a frame");
        }
    }

    @Test
    void shouldReportAnOverflowOfTheUniformMatrixMemoryAtTheNextSetMatrix4()
    {
        try (HeadlessGl gl = checkedGl();
            ShaderProgram program = ShaderProgram.fromSources("flat", ShaderProgramTest.VERTEX, ShaderProgramTest.FRAGMENT))
        {
            program.use();
            MemoryUtil.memPutByte(program.matrixAddress() + 64, OVERWRITE);

            final GuardBandException ex =
                assertThrows(GuardBandException.class, () -> program.setMatrix4(-1, new Matrix4f()));
            assertEquals("ShaderProgram 'flat' uniform matrix memory", ex.memoryName());
            assertEquals(64, ex.offset());
            MemoryUtil.memPutByte(program.matrixAddress() + 64, GuardBand.PATTERN_BYTE);
        }
    }

    @Test
    void shouldReadBackTightlyWhateverPackStateTheApplicationLeft()
    {
        try (HeadlessGl gl = checkedGl())
        {
            gl.clear(1f, 0f, 0f, 1f);
            // a row length of twice the width made GL write twice the read-back memory, 256 bytes past its end; three
            // skipped pixels alone wrote 12 bytes past it (checking mode named them: offset 256 holds ff 00 00 ff ...)
            glPixelStorei(GL_PACK_ROW_LENGTH, 16);
            glPixelStorei(GL_PACK_SKIP_ROWS, 1);
            glPixelStorei(GL_PACK_SKIP_PIXELS, 3);
            glPixelStorei(GL_PACK_ALIGNMENT, 8);

            gl.framebuffer().readPixels();

            assertEquals(64, gl.countMatching(rgba(255, 0, 0, 255), 0), "every pixel, each once");
        }
    }

    @Test
    void shouldReportAnOverflowOfTheReadBackMemoryAtTheNextReadBack()
    {
        try (HeadlessGl gl = checkedGl())
        {
            final long end = MemoryUtil.memAddress(gl.framebuffer().pixels()) + 8 * 8 * 4;
            MemoryUtil.memPutByte(end + 63, OVERWRITE);

            final GuardBandException ex = assertThrows(GuardBandException.class, () -> gl.framebuffer().readPixels());
            assertEquals("Framebuffer 'EGL headless context 'checked' 8x8 draw target' read-back memory", ex.memoryName());
            assertEquals(8 * 8 * 4 + 63, ex.offset());
            MemoryUtil.memPutByte(end + 63, GuardBand.PATTERN_BYTE);
        }
    }

    @Test
    void shouldRefuseEveryFramePathGlEntryPointOnAThreadThatDoesNotOwnTheContext() throws Exception
    {
        try (HeadlessGl gl = checkedGl();
            ShaderProgram program = ShaderProgram.fromSources("flat", ShaderProgramTest.VERTEX, ShaderProgramTest.FRAGMENT);
            StreamingVertexBuffer vertices = new StreamingVertexBuffer("ring", SEGMENT_BYTES, 3, false);
            Texture texture = Texture.fromRgba("white", 1, 1, 0L, TextureFilter.NEAREST, TextureWrap.CLAMP_TO_EDGE))
        {
            final String owner = Thread.currentThread().getName();
            assertRefusedElsewhere(vertices::beginFrame, "StreamingVertexBuffer 'ring'", owner);
            assertRefusedElsewhere(() -> { vertices.bind(); return null; }, "StreamingVertexBuffer 'ring'", owner);
            assertRefusedElsewhere(() -> { program.use(); return null; }, "ShaderProgram 'flat'", owner);
            assertRefusedElsewhere(() -> { program.setMatrix4(-1, new Matrix4f()); return null; }, "ShaderProgram 'flat'",
                owner);
            assertRefusedElsewhere(() -> { texture.bind(0); return null; }, "Texture 'white'", owner);
            assertRefusedElsewhere(() -> { gl.framebuffer().bind(); return null; },
                "Framebuffer 'EGL headless context 'checked' 8x8 draw target'", owner);
            final String swap = refusedElsewhere(() -> { gl.context().swapBuffers(); return null; });
            assertEquals("checked mode: EGL headless context 'checked' 8x8 was called on thread 'isochron-test-" +
                "intruder', but it is current on thread '" + owner + "': call it on the thread it is current on", swap);
            assertFalse(refusedElsewhere(() -> { gl.context().bindDrawTarget(); return null; }).isEmpty(),
                "bindDrawTarget refused");

            vertices.beginFrame();
            vertices.endFrame(0);
            program.use();
            texture.bind(0);
        }
    }

    @Test
    void shouldRunTheCheckedFramePathWithoutAllocating() throws Exception
    {
        try (HeadlessGl gl = checkedGl();
            ShaderProgram program = ShaderProgram.fromSources("flat", ShaderProgramTest.VERTEX, ShaderProgramTest.FRAGMENT);
            StreamingVertexBuffer ring = new StreamingVertexBuffer("ring", SEGMENT_BYTES, 3, false);
            StreamingVertexBuffer staged = new StreamingVertexBuffer("staged", SEGMENT_BYTES, 3, true))
        {
            final Matrix4f projection = new Matrix4f();
            program.use();
            AllocationGate.assertSteadyZero("checked frame path", 2_000, 1_000, i ->
            {
                final long segment = ring.beginFrame();
                ring.checkWrite(segment, SEGMENT_BYTES);
                ring.endFrame(SEGMENT_BYTES);
                staged.beginFrame();
                staged.endFrame(SEGMENT_BYTES);
                program.setMatrix4(-1, projection);
                gl.context().bindDrawTarget();
                gl.context().swapBuffers();
            });
        }
    }

    private static void assertRefusedElsewhere(final Supplier<Object> call, final String user, final String owner)
        throws Exception
    {
        assertEquals("checked mode: " + user + " was called on thread 'isochron-test-intruder', but its GL context " +
            "EGL headless context 'checked' 8x8 is current on thread '" + owner + "': a GL call from a thread that does not " +
            "own the context goes to another context or to none; call it on the render thread", refusedElsewhere(call));
    }

    /** @return the message of the IllegalStateException {@code call} throws on another thread, or "" if none. */
    private static String refusedElsewhere(final Supplier<Object> call) throws Exception
    {
        final CompletableFuture<String> result = new CompletableFuture<>();
        final Thread intruder = new Thread(() ->
        {
            try
            {
                call.get();
                result.complete("");
            }
            catch (final Throwable ex)
            {
                result.complete(ex instanceof IllegalStateException ? ex.getMessage() : ex.toString());
            }
        }, "isochron-test-intruder");
        intruder.start();
        try
        {
            return result.get(30, TimeUnit.SECONDS);
        }
        catch (final ExecutionException ex)
        {
            throw new AssertionError(ex);
        }
    }
}
