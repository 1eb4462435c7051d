package dev.isochron.render.gl;

import dev.isochron.render.testing.HeadlessGl;
import dev.isochron.engine.testing.AllocationGate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lwjgl.system.MemoryUtil;

import static dev.isochron.render.testing.HeadlessGl.rgba;
import static org.junit.jupiter.api.Assertions.*;
import static org.lwjgl.opengl.GL20C.*;

@SuppressWarnings("try") // a HeadlessGl resource keeps its context current for the block, unreferenced
class StreamingVertexBufferTest
{
    private static final String VERTEX =
        "#version 330 core\n" +
        "layout(location = 0) in vec2 a_position;\n" +
        "void main()\n" +
        "{\n" +
        "    gl_Position = vec4(a_position, 0.0, 1.0);\n" +
        "}\n";
    /** The flat-colour fragment shader ({@code u_colour}) of {@link ShaderProgramTest}. */
    private static final String FRAGMENT = ShaderProgramTest.FRAGMENT;
    private static final int SIZE = 16;
    private static final int QUAD_BYTES = 6 * 2 * 4;

    @ParameterizedTest(name = "forceFallback={0}")
    @ValueSource(booleans = {false, true})
    void shouldDrawWhatEachFrameWrote(final boolean forceFallback)
    {
        try (HeadlessGl gl = HeadlessGl.open(SIZE, SIZE);
            ShaderProgram program = ShaderProgram.fromSources("flat", VERTEX, FRAGMENT);
            StreamingVertexBuffer vertices = new StreamingVertexBuffer("quads", 4 * QUAD_BYTES, 3, forceFallback))
        {
            assertEquals(!forceFallback, vertices.isPersistent());
            program.use();
            final int colour = program.uniformLocation("u_colour");
            glEnableVertexAttribArray(0);
            for (int frame = 0; frame < 7; frame++)
            {
                // frame f covers columns [2f, 2f + 2) of the 16-pixel-wide target
                final long address = vertices.beginFrame();
                final int written = writeQuad(address, frame * 2, 2, SIZE);
                final long offset = vertices.endFrame(written);
                gl.clear(0f, 0f, 0f, 1f);
                vertices.bind();
                glVertexAttribPointer(0, 2, GL_FLOAT, false, 8, offset);
                program.setVec4(colour, 1f, 1f, 0f, 1f);
                glDrawArrays(GL_TRIANGLES, 0, 6);
                gl.context().swapBuffers();
                gl.readBack();
                assertEquals(2 * SIZE, gl.countMatching(rgba(255, 255, 0, 255), 0), "frame " + frame);
                assertEquals(2 * SIZE, gl.countMatching(frame * 2, 0, 2, SIZE, rgba(255, 255, 0, 255), 0), "frame " + frame);
            }
            assertEquals(7, vertices.frames());
            glDisableVertexAttribArray(0);
        }
    }

    @Test
    void shouldHandOutSegmentsInTurnOnPersistentPath()
    {
        try (HeadlessGl gl = HeadlessGl.open(8, 8);
            StreamingVertexBuffer vertices = new StreamingVertexBuffer("ring", 256, 3, false))
        {
            final long first = vertices.beginFrame();
            assertEquals(0L, vertices.endFrame(16));
            final long second = vertices.beginFrame();
            assertEquals(256L, vertices.endFrame(16));
            final long third = vertices.beginFrame();
            assertEquals(512L, vertices.endFrame(16));
            assertEquals(256L, second - first);
            assertEquals(256L, third - second);
            assertEquals(first, vertices.beginFrame());
            assertEquals(0L, vertices.endFrame(0));
        }
    }

    /**
     * The bound on the CPU's writes into the persistent ring: a segment is handed out again only after the fence
     * placed when the next frame began was waited on (and deleted), so the GPU has read its vertices.
     */
    @Test
    void shouldFenceEachSegmentUntilItIsHandedOutAgain()
    {
        try (HeadlessGl gl = HeadlessGl.open(8, 8);
            StreamingVertexBuffer vertices = new StreamingVertexBuffer("fenced", 64, 3, false))
        {
            vertices.beginFrame();
            vertices.endFrame(0);
            vertices.beginFrame();
            vertices.endFrame(0);
            assertNotEquals(0L, vertices.fence(0), "segment 0 fenced when frame 1 began");
            vertices.beginFrame();
            vertices.endFrame(0);
            vertices.beginFrame();

            assertEquals(0L, vertices.fence(0), "segment 0 handed out again: its fence waited on and deleted");
            assertNotEquals(0L, vertices.fence(1));
            assertNotEquals(0L, vertices.fence(2));
            vertices.endFrame(0);
        }
    }

    @Test
    void shouldRejectMoreBytesThanTheSegmentHolds()
    {
        try (HeadlessGl gl = HeadlessGl.open(8, 8);
            StreamingVertexBuffer vertices = new StreamingVertexBuffer("small", 64, 3, false))
        {
            vertices.beginFrame();
            final IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> vertices.endFrame(65));
            assertEquals("bytesWritten to 'small' must be in [0, 64], was 65", failure.getMessage());
        }
    }

    @Test
    void shouldRejectBeginFrameTwice()
    {
        try (HeadlessGl gl = HeadlessGl.open(8, 8);
            StreamingVertexBuffer vertices = new StreamingVertexBuffer("twice", 64, 3, false))
        {
            vertices.beginFrame();
            final IllegalStateException failure = assertThrows(IllegalStateException.class, vertices::beginFrame);
            assertEquals("beginFrame() called twice on 'twice' without endFrame()", failure.getMessage());
        }
    }

    /** Closed mid-frame: ending the frame would have uploaded from the freed staging memory. */
    @Test
    void shouldRefuseEndFrameAfterClose()
    {
        try (HeadlessGl gl = HeadlessGl.open(8, 8))
        {
            final StreamingVertexBuffer vertices = new StreamingVertexBuffer("closed", 64, 3, true);
            vertices.beginFrame();
            vertices.close();

            final IllegalStateException failure =
                assertThrows(IllegalStateException.class, () -> vertices.endFrame(64));
            assertEquals("StreamingVertexBuffer 'closed' used after close(): its buffer is deleted and its mapped " +
                "or staging memory released", failure.getMessage());
        }
    }

    @Test
    void shouldCloseTwiceWithoutError()
    {
        try (HeadlessGl gl = HeadlessGl.open(8, 8))
        {
            final int before = gl.context().objects().liveCount(GlObjectType.BUFFER);
            final StreamingVertexBuffer vertices = new StreamingVertexBuffer("twice", 64, 3, false);
            vertices.close();
            vertices.close();

            assertEquals(before, gl.context().objects().liveCount(GlObjectType.BUFFER));
        }
    }

    @ParameterizedTest(name = "forceFallback={0}")
    @ValueSource(booleans = {false, true})
    void shouldStreamFramesWithoutAllocating(final boolean forceFallback) throws Exception
    {
        try (HeadlessGl gl = HeadlessGl.open(4, 4);
            ShaderProgram program = ShaderProgram.fromSources("flat", VERTEX, FRAGMENT);
            StreamingVertexBuffer vertices = new StreamingVertexBuffer("frames", 4 * QUAD_BYTES, 3, forceFallback))
        {
            program.use();
            final int colour = program.uniformLocation("u_colour");
            glEnableVertexAttribArray(0);
            AllocationGate.assertSteadyZero("streaming frame", 10_000, 3000, (i) ->
            {
                final long address = vertices.beginFrame();
                final int written = writeQuad(address, i & 3, 1, 4);
                final long offset = vertices.endFrame(written);
                gl.context().bindDrawTarget();
                vertices.bind();
                glVertexAttribPointer(0, 2, GL_FLOAT, false, 8, offset);
                program.setVec4(colour, 1f, 0f, 0f, 1f);
                glDrawArrays(GL_TRIANGLES, 0, 6);
                gl.context().swapBuffers();
            });
            glDisableVertexAttribArray(0);
            assertTrue(vertices.frames() > 13_000);
        }
    }

    /** Writes two triangles covering pixel columns [x, x + w), full height, of a size x size target. */
    private static int writeQuad(final long address, final int x, final int w, final int size)
    {
        final float x0 = 2f * x / size - 1f;
        final float x1 = 2f * (x + w) / size - 1f;
        final float y0 = 1f;
        final float y1 = -1f;
        long a = address;
        a = put(a, x0, y0);
        a = put(a, x1, y0);
        a = put(a, x1, y1);
        a = put(a, x0, y0);
        a = put(a, x1, y1);
        a = put(a, x0, y1);
        return (int)(a - address);
    }

    private static long put(final long address, final float x, final float y)
    {
        MemoryUtil.memPutFloat(address, x);
        MemoryUtil.memPutFloat(address + 4, y);
        return address + 8;
    }

    @Test
    void shouldOrphanTheStagingPathsStoreToTheFramesBytesRoundedUp()
    {
        final int segment = 4 * StreamingVertexBuffer.ORPHAN_GRANULE_BYTES;
        try (HeadlessGl gl = HeadlessGl.open(8, 8);
            StreamingVertexBuffer vertices = new StreamingVertexBuffer("staged", segment, 3, true))
        {
            vertices.beginFrame();
            vertices.endFrame(100);
            assertEquals(StreamingVertexBuffer.ORPHAN_GRANULE_BYTES, glGetBufferParameteri(GL_ARRAY_BUFFER, GL_BUFFER_SIZE));
            vertices.beginFrame();
            vertices.endFrame(segment);
            assertEquals(segment, glGetBufferParameteri(GL_ARRAY_BUFFER, GL_BUFFER_SIZE));
        }
        assertEquals(StreamingVertexBuffer.ORPHAN_GRANULE_BYTES, StagingVertexUpload.orphanBytes(0, 1 << 20));
        assertEquals(2L * StreamingVertexBuffer.ORPHAN_GRANULE_BYTES,
            StagingVertexUpload.orphanBytes(StreamingVertexBuffer.ORPHAN_GRANULE_BYTES + 1, 1 << 20));
        assertEquals(100_000, StagingVertexUpload.orphanBytes(99_999, 100_000), "never past the segment");
    }
}
