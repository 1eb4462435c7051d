package dev.isochron.render.batch;

import dev.isochron.render.gl.GlObjectRegistry;
import dev.isochron.render.gl.GlObjectType;
import dev.isochron.render.gl.NativeBlock;
import dev.isochron.render.gl.ShaderProgram;
import dev.isochron.render.gl.StreamingVertexBuffer;
import dev.isochron.render.gl.Texture;
import dev.isochron.render.gl.TextureFilter;
import dev.isochron.render.gl.TextureWrap;
import org.joml.Matrix4f;
import org.joml.Matrix4fc;
import org.lwjgl.opengl.ARBBaseInstance;
import org.lwjgl.opengl.GL;
import org.lwjgl.opengl.GLCapabilities;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.MemoryUtil;

import static org.lwjgl.opengl.GL11.GL_BLEND;
import static org.lwjgl.opengl.GL11.GL_CULL_FACE;
import static org.lwjgl.opengl.GL11.GL_DEPTH_TEST;
import static org.lwjgl.opengl.GL11.GL_FLOAT;
import static org.lwjgl.opengl.GL11.GL_ONE;
import static org.lwjgl.opengl.GL11.GL_ONE_MINUS_SRC_ALPHA;
import static org.lwjgl.opengl.GL11.GL_SRC_ALPHA;
import static org.lwjgl.opengl.GL11.GL_TEXTURE_2D;
import static org.lwjgl.opengl.GL11.GL_TRIANGLES;
import static org.lwjgl.opengl.GL11.GL_UNSIGNED_BYTE;
import static org.lwjgl.opengl.GL11.GL_UNSIGNED_SHORT;
import static org.lwjgl.opengl.GL11.glBindTexture;
import static org.lwjgl.opengl.GL11.glDisable;
import static org.lwjgl.opengl.GL11.glEnable;
import static org.lwjgl.opengl.GL13.GL_TEXTURE0;
import static org.lwjgl.opengl.GL13.glActiveTexture;
import static org.lwjgl.opengl.GL14.glBlendFuncSeparate;
import static org.lwjgl.opengl.GL15.GL_ELEMENT_ARRAY_BUFFER;
import static org.lwjgl.opengl.GL15.GL_STATIC_DRAW;
import static org.lwjgl.opengl.GL15.glBindBuffer;
import static org.lwjgl.opengl.GL15.glDeleteBuffers;
import static org.lwjgl.opengl.GL15.glGenBuffers;
import static org.lwjgl.opengl.GL15.nglBufferData;
import static org.lwjgl.opengl.GL20.glEnableVertexAttribArray;
import static org.lwjgl.opengl.GL20.glVertexAttribPointer;
import static org.lwjgl.opengl.GL30.GL_HALF_FLOAT;
import static org.lwjgl.opengl.GL30.glBindVertexArray;
import static org.lwjgl.opengl.GL30.glDeleteVertexArrays;
import static org.lwjgl.opengl.GL30.glGenVertexArrays;
import static org.lwjgl.opengl.GL31C.glDrawElementsInstanced;
import static org.lwjgl.opengl.GL32.glDrawElementsBaseVertex;
import static org.lwjgl.opengl.GL33C.glVertexAttribDivisor;
import static org.lwjgl.opengl.GL42C.glDrawElementsInstancedBaseInstance;

/**
 * The OpenGL {@link DrawBackend}: vertices go straight into the frame's segment of a
 * {@link StreamingVertexBuffer} (persistent-mapped where the driver has {@code ARB_buffer_storage},
 * so render workers write the memory GL reads; otherwise staging memory uploaded once per frame),
 * and are drawn with {@code glDrawElementsBaseVertex} over a static 16-bit quad index buffer, one
 * call per texture run.
 * <p>
 * Draws are recorded during the frame (with their texture and projection) and issued at
 * {@link #endFrame()}, after the streaming buffer has ended the frame's writing: so every
 * source's vertices are complete and visible to GL before the first draw, and the fallback path
 * uploads once per frame. Pixels therefore appear after {@code endFrame()}.
 * <p>
 * Instanced sprites ({@link #reserveInstances}, {@link #drawInstances}): {@link SpriteInstanceLayout} records are
 * reserved from the same frame segment as the quads (on a 320-byte block boundary) and drawn with their own program
 * ({@code sprite_instanced.vert}, which builds each sprite's four corners from {@code gl_VertexID}, and the batch's
 * fragment shader) and vertex array, whose five attributes advance once per instance, each sprite drawn with the first
 * quad's six indices of the static index buffer: the very triangles of the vertex path. Where GL 4.2 or
 * {@code ARB_base_instance} exists, each run is one {@code glDrawElementsInstancedBaseInstance} with the attributes
 * pointed once at the start of the buffer; on plain GL 3.3 the attributes are re-pointed at the run's first record and
 * the run drawn with {@code glDrawElementsInstanced}. Draws of both kinds keep their recorded order.
 * <p>
 * Textures are named by keys: {@link #bindTexture(int, int)} maps a key to a GL texture name;
 * key {@link ShapeBatch#WHITE_TEXTURE_KEY} is the backend's own 1x1 white texture. Drawing leaves
 * this backend's program, vertex array, blend state (straight alpha) and texture unit 0 bound;
 * other renderers on the same context must bind their own state.
 * <p>
 * Thread: construct, draw and close on the thread that owns the GL context (the render thread);
 * per-frame methods are allocation-free. Its GL objects are registered in the context's
 * {@link GlObjectRegistry}, so a backend not closed shows up in the context's leak report. After
 * {@link #close()}, every per-frame method, {@link #bindTexture} and {@link #whiteTexture()} throw
 * {@link IllegalStateException} ("used after close()"), checked first: {@link #reserveQuads} would otherwise hand
 * out addresses in the unmapped or freed vertex memory of a frame begun before the close. The counters still
 * answer.
 * <p>
 * Checking mode (the context's, {@link GlObjectRegistry#checked()}): every reservation is asserted to lie inside the
 * frame's segment ({@link StreamingVertexBuffer#checkWrite}); the streaming buffer's guard bands are verified at every
 * {@link #endFrame()}, the shader's matrix memory at every projection it is given, and the start-up index memory
 * before it is uploaded; the GL entry points check that the calling thread owns the context.
 */
public final class GlDrawBackend implements DrawBackend
{
    /** Most projection changes per frame (including the one given to {@code beginFrame}). */
    public static final int MAX_PROJECTIONS_PER_FRAME = 64;

    private static final int SEGMENTS = StreamingVertexBuffer.DEFAULT_SEGMENT_COUNT;
    private static final int QUAD_PROGRAM = 1;
    private static final int INSTANCE_ATTRIBUTES = 5;
    private static final int INSTANCE_PROGRAM = 2;

    private final int capacityQuads;
    private final int[] textures = new int[SpriteBatch.MAX_TEXTURE_KEY + 1];
    private final ShaderProgram program;
    private final int projectionLocation;
    private final StreamingVertexBuffer vertices;
    private final int vertexArray;
    private final int indexBuffer;
    private final Texture whiteTexture;
    private final boolean checked;
    // the instanced sprite path: null / 0 where GL lacks instanced arrays
    private final ShaderProgram instanceProgram;
    private final int instanceProjectionLocation;
    private final int instanceArray;
    private final boolean baseInstance;
    private final boolean baseInstanceCore;

    // the frame's recorded draws: a negative texture marks a projection change (-1 - projection index)
    private final int[] commandTexture;
    private final int[] commandFirstVertex;
    private final int[] commandQuads;
    private final boolean[] commandInstanced;
    private final Matrix4f[] projections = new Matrix4f[MAX_PROJECTIONS_PER_FRAME];
    private int commands;
    private int projectionCount;

    private long segment;
    private int reservedQuads;
    private boolean inFrame;
    private boolean closed;
    private long drawCalls;

    /**
     * Creates the program, buffers and white texture; the GL context must be current.
     *
     * @param capacityQuads quads of vertex memory per frame, in [1, 2^22].
     */
    public GlDrawBackend(final int capacityQuads)
    {
        this(capacityQuads, false);
    }

    /**
     * As {@link #GlDrawBackend(int)}; {@code forceStagingUpload} makes the streaming buffer use its
     * orphan-and-upload path even where persistent mapping exists (tests, driver workarounds).
     */
    public GlDrawBackend(final int capacityQuads, final boolean forceStagingUpload)
    {
        this(capacityQuads, forceStagingUpload, false);
    }

    /**
     * As {@link #GlDrawBackend(int, boolean)}; {@code withoutBaseInstance} draws instanced sprite runs the plain GL 3.3
     * way (the instance attributes re-pointed at each run's first record, {@code glDrawArraysInstanced}) even where
     * {@code glDrawArraysInstancedBaseInstance} exists (tests of the GL 3.3 path, driver workarounds).
     */
    public GlDrawBackend(final int capacityQuads, final boolean forceStagingUpload, final boolean withoutBaseInstance)
    {
        if (capacityQuads < 1 || capacityQuads > (1 << 22))
        {
            throw Constants.badCapacityQuads(capacityQuads);
        }
        this.capacityQuads = capacityQuads;
        for (int i = 0; i < MAX_PROJECTIONS_PER_FRAME; i++)
        {
            projections[i] = new Matrix4f();
        }
        commandTexture = new int[capacityQuads + MAX_PROJECTIONS_PER_FRAME];
        commandFirstVertex = new int[capacityQuads + MAX_PROJECTIONS_PER_FRAME];
        commandQuads = new int[capacityQuads + MAX_PROJECTIONS_PER_FRAME];
        commandInstanced = new boolean[capacityQuads + MAX_PROJECTIONS_PER_FRAME];

        final GlObjectRegistry registry = GlObjectRegistry.current();
        checked = registry.checked();
        program = Constants.program();
        projectionLocation = Constants.projectionLocation(program);
        program.use();
        program.setInt(Constants.textureLocation(program), 0);

        // whole 320-byte blocks per segment: every segment starts on a line and a record index (SpriteInstanceLayout)
        final int segmentQuads = SpriteInstanceLayout.instanceStartQuad(capacityQuads);
        vertices = new StreamingVertexBuffer(Constants.verticesName(),
            segmentQuads * QuadVertexLayout.BYTES_PER_QUAD, SEGMENTS, forceStagingUpload);
        vertexArray = glGenVertexArrays();
        registry.register(GlObjectType.VERTEX_ARRAY, vertexArray, Constants.vertexArrayName());
        glBindVertexArray(vertexArray);
        vertices.bind();
        final int stride = QuadVertexLayout.BYTES_PER_VERTEX;
        glEnableVertexAttribArray(0);
        glVertexAttribPointer(0, 2, GL_FLOAT, false, stride, QuadVertexLayout.POSITION_OFFSET);
        glEnableVertexAttribArray(1);
        glVertexAttribPointer(1, 2, GL_FLOAT, false, stride, QuadVertexLayout.UV_OFFSET);
        glEnableVertexAttribArray(2);
        glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, true, stride, QuadVertexLayout.COLOUR_OFFSET);

        indexBuffer = glGenBuffers();
        registry.register(GlObjectType.BUFFER, indexBuffer, Constants.indexBufferName());
        glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, indexBuffer);
        final int quads = QuadVertexLayout.MAX_QUADS_PER_DRAW;
        final long indexBytes = (long)quads * QuadVertexLayout.INDICES_PER_QUAD * 2;
        final NativeBlock indices = NativeBlock.allocate(Constants.indexMemoryName(), indexBytes, 16, false, checked);
        try
        {
            QuadVertexLayout.writeQuadIndices(indices.address(), quads);
            indices.verify();
            nglBufferData(GL_ELEMENT_ARRAY_BUFFER, indexBytes, indices.address(), GL_STATIC_DRAW);
        }
        finally
        {
            indices.free();
        }
        glBindVertexArray(0);

        final GLCapabilities caps = GL.getCapabilities();
        if (caps.OpenGL33)
        {
            instanceProgram = Constants.instanceProgram();
            instanceProjectionLocation = Constants.projectionLocation(instanceProgram);
            instanceProgram.use();
            instanceProgram.setInt(Constants.textureLocation(instanceProgram), 0);
            baseInstanceCore = caps.OpenGL42;
            baseInstance = !withoutBaseInstance && (caps.OpenGL42 || caps.GL_ARB_base_instance);
            instanceArray = glGenVertexArrays();
            registry.register(GlObjectType.VERTEX_ARRAY, instanceArray, Constants.instanceArrayName());
            glBindVertexArray(instanceArray);
            vertices.bind();
            // the quads' static index pattern: its first six indices make each record's two triangles
            glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, indexBuffer);
            for (int attribute = 0; attribute < INSTANCE_ATTRIBUTES; attribute++)
            {
                glEnableVertexAttribArray(attribute);
                glVertexAttribDivisor(attribute, 1);
            }
            // with base instance the attributes stay at the buffer's start: a draw names its first record
            pointInstanceAttributes(0L);
            glBindVertexArray(0);
        }
        else
        {
            instanceProgram = null;
            instanceProjectionLocation = -1;
            instanceArray = 0;
            baseInstance = false;
            baseInstanceCore = false;
        }
        program.use();

        try (MemoryStack stack = MemoryStack.stackPush())
        {
            final long texel = stack.nmalloc(4, 4);
            MemoryUtil.memPutInt(texel, Rgba.WHITE);
            whiteTexture = Texture.fromRgba(Constants.whiteTextureName(), 1, 1, texel, TextureFilter.NEAREST,
                TextureWrap.CLAMP_TO_EDGE);
        }
        textures[ShapeBatch.WHITE_TEXTURE_KEY] = whiteTexture.textureName();
    }

    /**
     * Maps {@code textureKey} to the GL texture {@code glTextureName} (owned by the caller).
     * Start-up or between frames; allocation-free.
     *
     * @param textureKey in [1, {@link SpriteBatch#MAX_TEXTURE_KEY}] (key 0 is the white texture).
     */
    public void bindTexture(final int textureKey, final int glTextureName)
    {
        checkOpen();
        if (textureKey < 1 || textureKey > SpriteBatch.MAX_TEXTURE_KEY)
        {
            throw Constants.badTextureKey(textureKey);
        }
        if (glTextureName <= 0)
        {
            throw Constants.badTextureName(glTextureName);
        }
        textures[textureKey] = glTextureName;
    }

    /** @return the GL name of the backend's 1x1 white texture. */
    public int whiteTexture()
    {
        checkOpen();
        return whiteTexture.textureName();
    }

    /** @return quads of vertex memory per frame. */
    public int capacityQuads()
    {
        return capacityQuads;
    }

    /** @return whether vertices are written into persistent-mapped GL memory (false: staging + upload). */
    public boolean isPersistent()
    {
        return vertices.isPersistent();
    }

    /**
     * @return whether instanced sprite runs are drawn with {@code glDrawArraysInstancedBaseInstance} (GL 4.2 or
     * {@code ARB_base_instance}) rather than by re-pointing the instance attributes per run.
     */
    public boolean usesBaseInstance()
    {
        return baseInstance;
    }

    /** @return draw calls issued since construction. */
    public long drawCalls()
    {
        return drawCalls;
    }

    public void beginFrame(final Matrix4fc projection)
    {
        checkOpen();
        if (inFrame)
        {
            throw Constants.beginTwice();
        }
        segment = vertices.beginFrame();
        reservedQuads = 0;
        commands = 0;
        projectionCount = 0;
        inFrame = true;
        projection(projection);
    }

    public void projection(final Matrix4fc projection)
    {
        checkInFrame();
        if (projectionCount == MAX_PROJECTIONS_PER_FRAME)
        {
            throw Constants.tooManyProjections();
        }
        projections[projectionCount].set(projection);
        commandTexture[commands] = -1 - projectionCount;
        commands++;
        projectionCount++;
    }

    public long reserveQuads(final int quadCount)
    {
        checkInFrame();
        final long address =
            QuadVertexLayout.reservationAddress(this, segment, capacityQuads, reservedQuads, quadCount);
        if (checked)
        {
            vertices.checkWrite(address, (long)quadCount * QuadVertexLayout.BYTES_PER_QUAD);
        }
        reservedQuads += quadCount;
        return address;
    }

    /** @return whether GL has instanced arrays (GL 3.3), so that {@link #reserveInstances} and {@link #drawInstances} work. */
    public boolean drawsInstances()
    {
        return null != instanceProgram;
    }

    public long reserveInstances(final int instanceCount)
    {
        checkInFrame();
        if (null == instanceProgram)
        {
            throw Constants.noInstancing();
        }
        final long address =
            SpriteInstanceLayout.reservationAddress(this, segment, capacityQuads, reservedQuads, instanceCount);
        if (checked)
        {
            vertices.checkWrite(address, (long)instanceCount * SpriteInstanceLayout.BYTES_PER_INSTANCE);
        }
        reservedQuads = SpriteInstanceLayout.instanceStartQuad(reservedQuads) +
            SpriteInstanceLayout.quadsForInstances(instanceCount);
        return address;
    }

    public void drawInstances(final long address, final int textureKey, final int firstInstance, final int instanceCount)
    {
        checkOpen();
        if (null == instanceProgram)
        {
            throw Constants.noInstancing();
        }
        final int texture = textures[textureKey];
        if (texture == 0)
        {
            throw Constants.unboundTexture(textureKey);
        }
        final int c = commands;
        commandTexture[c] = texture;
        // the reservation starts on a block boundary of the segment, so on a whole record
        commandFirstVertex[c] = (int)((address - segment) / SpriteInstanceLayout.BYTES_PER_INSTANCE) + firstInstance;
        commandQuads[c] = instanceCount;
        commandInstanced[c] = true;
        commands = c + 1;
    }

    /** Nothing to do: the vertices are uploaded (or already visible) when the frame ends. */
    public void commitQuads(final long address, final int quadCount)
    {
    }

    public void drawQuads(final long address, final int textureKey, final int firstQuad, final int quadCount)
    {
        checkOpen();
        final int texture = textures[textureKey];
        if (texture == 0)
        {
            throw Constants.unboundTexture(textureKey);
        }
        final int c = commands;
        commandTexture[c] = texture;
        commandFirstVertex[c] = (int)((address - segment) / QuadVertexLayout.BYTES_PER_VERTEX) +
            firstQuad * QuadVertexLayout.VERTICES_PER_QUAD;
        commandQuads[c] = quadCount;
        commandInstanced[c] = false;
        commands = c + 1;
    }

    /**
     * Ends the streaming buffer's frame (uploading on the fallback path) and issues the recorded draws, switching
     * between the quad and the instanced program where the kind of draw changes; each program gets the projection in
     * force before its next draw.
     */
    public void endFrame()
    {
        checkInFrame();
        inFrame = false;
        final long offset = vertices.endFrame(reservedQuads * QuadVertexLayout.BYTES_PER_QUAD);
        final int baseVertex = (int)(offset / QuadVertexLayout.BYTES_PER_VERTEX);
        // segments are whole 320-byte blocks apart, so the frame's offset is a whole record too
        final int baseRecord = (int)(offset / SpriteInstanceLayout.BYTES_PER_INSTANCE);
        program.use();
        glBindVertexArray(vertexArray);
        glEnable(GL_BLEND);
        glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
        glDisable(GL_DEPTH_TEST);
        glDisable(GL_CULL_FACE);
        glActiveTexture(GL_TEXTURE0);
        int boundTexture = -1;
        int boundProgram = QUAD_PROGRAM;
        int projection = -1;
        int quadProjection = -1;
        int instanceProjection = -1;
        for (int c = 0, n = commands; c < n; c++)
        {
            final int texture = commandTexture[c];
            if (texture < 0)
            {
                projection = -1 - texture;
                continue;
            }
            final boolean instanced = commandInstanced[c];
            if (instanced)
            {
                if (boundProgram != INSTANCE_PROGRAM)
                {
                    instanceProgram.use();
                    glBindVertexArray(instanceArray);
                    if (!baseInstance)
                    {
                        // glVertexAttribPointer takes the buffer bound to GL_ARRAY_BUFFER
                        vertices.bind();
                    }
                    boundProgram = INSTANCE_PROGRAM;
                }
                if (instanceProjection != projection)
                {
                    instanceProgram.setMatrix4(instanceProjectionLocation, projections[projection]);
                    instanceProjection = projection;
                }
            }
            else
            {
                if (boundProgram != QUAD_PROGRAM)
                {
                    program.use();
                    glBindVertexArray(vertexArray);
                    boundProgram = QUAD_PROGRAM;
                }
                if (quadProjection != projection)
                {
                    program.setMatrix4(projectionLocation, projections[projection]);
                    quadProjection = projection;
                }
            }
            if (texture != boundTexture)
            {
                glBindTexture(GL_TEXTURE_2D, texture);
                boundTexture = texture;
            }
            if (instanced)
            {
                drawInstanceRun(baseRecord + commandFirstVertex[c], commandQuads[c]);
            }
            else
            {
                glDrawElementsBaseVertex(GL_TRIANGLES, commandQuads[c] * QuadVertexLayout.INDICES_PER_QUAD,
                    GL_UNSIGNED_SHORT, 0L, baseVertex + commandFirstVertex[c]);
            }
            drawCalls++;
        }
        commands = 0;
    }

    /**
     * One run of {@code count} records from record {@code first} of the buffer: the first quad's six indices of the
     * static index buffer once per record, so each sprite is the vertex path's two triangles, vertex for vertex.
     */
    private void drawInstanceRun(final int first, final int count)
    {
        if (baseInstance)
        {
            if (baseInstanceCore)
            {
                glDrawElementsInstancedBaseInstance(GL_TRIANGLES, QuadVertexLayout.INDICES_PER_QUAD,
                    GL_UNSIGNED_SHORT, 0L, count, first);
            }
            else
            {
                ARBBaseInstance.glDrawElementsInstancedBaseInstance(GL_TRIANGLES, QuadVertexLayout.INDICES_PER_QUAD,
                    GL_UNSIGNED_SHORT, 0L, count, first);
            }
            return;
        }
        pointInstanceAttributes((long)first * SpriteInstanceLayout.BYTES_PER_INSTANCE);
        glDrawElementsInstanced(GL_TRIANGLES, QuadVertexLayout.INDICES_PER_QUAD, GL_UNSIGNED_SHORT, 0L, count);
    }

    /**
     * Points the instanced vertex array's five attributes at the record at byte {@code offset} of the vertex buffer
     * (bound to {@code GL_ARRAY_BUFFER}, the instanced vertex array bound). Allocation-free.
     */
    private static void pointInstanceAttributes(final long offset)
    {
        final int stride = SpriteInstanceLayout.BYTES_PER_INSTANCE;
        glVertexAttribPointer(0, 2, GL_FLOAT, false, stride, offset + SpriteInstanceLayout.POSITION_OFFSET);
        glVertexAttribPointer(1, 4, GL_HALF_FLOAT, false, stride, offset + SpriteInstanceLayout.CORNERS_OFFSET);
        glVertexAttribPointer(2, 1, GL_FLOAT, false, stride, offset + SpriteInstanceLayout.ANGLE_OFFSET);
        glVertexAttribPointer(3, 4, GL_UNSIGNED_BYTE, true, stride, offset + SpriteInstanceLayout.COLOUR_OFFSET);
        glVertexAttribPointer(4, 4, GL_UNSIGNED_SHORT, true, stride, offset + SpriteInstanceLayout.UV_OFFSET);
    }

    /** Deletes the GL objects; the context must be current. Idempotent. */
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        final GlObjectRegistry registry = GlObjectRegistry.current();
        glBindVertexArray(0);
        glDeleteVertexArrays(vertexArray);
        registry.remove(GlObjectType.VERTEX_ARRAY, vertexArray);
        if (null != instanceProgram)
        {
            glDeleteVertexArrays(instanceArray);
            registry.remove(GlObjectType.VERTEX_ARRAY, instanceArray);
            instanceProgram.close();
        }
        glDeleteBuffers(indexBuffer);
        registry.remove(GlObjectType.BUFFER, indexBuffer);
        vertices.close();
        whiteTexture.close();
        program.close();
    }

    private void checkOpen()
    {
        if (closed)
        {
            throw Constants.closed();
        }
    }

    /** Closed first: a frame begun before {@link #close()} is still marked in progress. */
    private void checkInFrame()
    {
        checkOpen();
        if (!inFrame)
        {
            throw Constants.notInFrame();
        }
    }

    /**
     * The shader resources, GL object labels and error messages, in a class of their own so that GlDrawBackend holds
     * no String constant: the first C2 compile of a per-frame method would otherwise resolve them on the render
     * thread mid-run (see {@code ClassConstants} in the engine test-jar).
     */
    private static final class Constants
    {
        private static final String SHADER_DIR = "dev/isochron/render/shaders/";

        private Constants()
        {
        }

        static ShaderProgram program()
        {
            return ShaderProgram.fromResources("batch", SHADER_DIR + "batch.vert", SHADER_DIR + "batch.frag");
        }

        static ShaderProgram instanceProgram()
        {
            return ShaderProgram.fromResources("sprite_instanced", SHADER_DIR + "sprite_instanced.vert",
                SHADER_DIR + "batch.frag");
        }

        static String instanceArrayName()
        {
            return "instanced sprite vertex array";
        }

        static IllegalStateException noInstancing()
        {
            return new IllegalStateException("GlDrawBackend cannot draw instanced sprites: this GL has no instanced " +
                "arrays (GL 3.3); draw the sprite batch itself, as quads (RuntimeConfig.spritePath(SpritePath.VERTICES))");
        }

        static int projectionLocation(final ShaderProgram program)
        {
            return program.uniformLocation("u_projection");
        }

        static int textureLocation(final ShaderProgram program)
        {
            return program.uniformLocation("u_texture");
        }

        static String verticesName()
        {
            return "batch quad vertices";
        }

        static String indexMemoryName()
        {
            return "GlDrawBackend quad index memory (start-up)";
        }

        static String vertexArrayName()
        {
            return "batch quad vertex array";
        }

        static String indexBufferName()
        {
            return "batch quad index buffer";
        }

        static String whiteTextureName()
        {
            return "batch 1x1 white texture";
        }

        static IllegalArgumentException badCapacityQuads(final int capacityQuads)
        {
            return new IllegalArgumentException("capacityQuads must be in [1, 4194304], was " + capacityQuads);
        }

        static IllegalArgumentException badTextureKey(final int textureKey)
        {
            return new IllegalArgumentException("textureKey must be in [1, " + SpriteBatch.MAX_TEXTURE_KEY +
                "] (0 is the white texture), was " + textureKey);
        }

        static IllegalArgumentException badTextureName(final int glTextureName)
        {
            return new IllegalArgumentException("glTextureName must be a texture name > 0, was " + glTextureName);
        }

        static IllegalStateException closed()
        {
            return new IllegalStateException("GlDrawBackend used after close(): its program, buffers and vertex " +
                "memory are released");
        }

        static IllegalStateException beginTwice()
        {
            return new IllegalStateException("GlDrawBackend.beginFrame called twice without endFrame");
        }

        static IllegalStateException tooManyProjections()
        {
            return new IllegalStateException("GlDrawBackend takes at most " + MAX_PROJECTIONS_PER_FRAME +
                " projections per frame");
        }

        static IllegalStateException unboundTexture(final int textureKey)
        {
            return new IllegalStateException("no texture is bound to key " + textureKey +
                ": call GlDrawBackend.bindTexture(" + textureKey + ", glTextureName) after uploading it");
        }

        static IllegalStateException notInFrame()
        {
            return new IllegalStateException("GlDrawBackend: call beginFrame before drawing and endFrame once after");
        }
    }
}
