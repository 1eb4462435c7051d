package dev.isochron.render.batch;

import dev.isochron.render.gl.Framebuffer;
import dev.isochron.render.gl.GlObjectRegistry;
import dev.isochron.render.gl.GlObjectType;
import dev.isochron.render.gl.NativeBlock;
import dev.isochron.render.gl.ShaderProgram;
import dev.isochron.render.gl.StreamingVertexBuffer;
import dev.isochron.render.gl.Texture;
import dev.isochron.render.gl.TextureFilter;
import dev.isochron.render.gl.TextureWrap;
import org.joml.Matrix4fc;
import org.lwjgl.opengl.GL;
import org.lwjgl.opengl.GLCapabilities;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.MemoryUtil;

import static org.lwjgl.opengl.GL11.GL_FLOAT;
import static org.lwjgl.opengl.GL11.GL_UNSIGNED_BYTE;
import static org.lwjgl.opengl.GL15.GL_ELEMENT_ARRAY_BUFFER;
import static org.lwjgl.opengl.GL15.GL_STATIC_DRAW;
import static org.lwjgl.opengl.GL15.glBindBuffer;
import static org.lwjgl.opengl.GL15.glDeleteBuffers;
import static org.lwjgl.opengl.GL15.glGenBuffers;
import static org.lwjgl.opengl.GL15.nglBufferData;
import static org.lwjgl.opengl.GL20.glEnableVertexAttribArray;
import static org.lwjgl.opengl.GL20.glVertexAttribPointer;
import static org.lwjgl.opengl.GL30.glBindVertexArray;
import static org.lwjgl.opengl.GL30.glDeleteVertexArrays;
import static org.lwjgl.opengl.GL30.glGenVertexArrays;

/**
 * The OpenGL {@link DrawBackend}: vertices go straight into the frame's segment of a
 * {@link StreamingVertexBuffer} (persistent-mapped where the driver has {@code ARB_buffer_storage},
 * so render workers write the memory GL reads; otherwise staging memory uploaded once per frame),
 * and are drawn with {@code glDrawElementsBaseVertex} over a static 16-bit quad index buffer, one
 * call per texture run.
 * <p>
 * Draws are recorded during the frame into {@link DrawCommands}, with the state they are drawn with (target, clear,
 * viewport, scissor, blend, program and uniform values, projection), and issued at {@link #endFrame()} by
 * {@link GlCommandIssuer}, after the streaming buffer has ended the frame's writing: so every source's vertices are
 * complete and visible to GL before the first draw, and the fallback path uploads once per frame. Pixels therefore
 * appear after {@code endFrame()}.
 * <p>
 * Instanced sprites ({@link #reserveInstances}, {@link #drawInstances}): {@link SpriteInstanceLayout} records are
 * reserved from the same frame segment as the quads (on a 320-byte block boundary) and drawn by
 * {@link GlInstancedSprites}, in order with the quads' draws.
 * <p>
 * Textures are named by keys: {@link #bindTexture(int, int)} maps a key to a GL texture name;
 * key {@link ShapeBatch#WHITE_TEXTURE_KEY} is the backend's own 1x1 white texture. Drawing leaves
 * a program, this backend's vertex array, a blend function and texture unit 0 bound, and the default
 * target bound with its full viewport and no scissor;
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
    public static final int MAX_PROJECTIONS_PER_FRAME = DrawCommands.MAX_PROJECTIONS_PER_FRAME;

    private static final int SEGMENTS = StreamingVertexBuffer.DEFAULT_SEGMENT_COUNT;

    private final int[] textures = new int[SpriteBatch.MAX_TEXTURE_KEY + 1];
    private final ShaderProgram program;
    private final Texture whiteTexture;
    private final boolean checked;
    private final boolean forceStagingUpload;
    private final boolean withoutBaseInstance;
    // the vertex memory and what draws from it: made by allocateVertices, once
    private int capacityQuads;
    private StreamingVertexBuffer vertices;
    private int vertexArray;
    private int indexBuffer;
    private NativeBlock uniformMatrix;
    private DrawCommands commands;
    private GlCommandIssuer issuer;

    private long segment;
    private int reservedQuads;
    private boolean inFrame;
    private boolean closed;

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
        this(forceStagingUpload, withoutBaseInstance, checkCapacity(capacityQuads));
        allocateVertices(capacityQuads);
    }

    /**
     * Makes the program and the white texture. {@code checkedCapacity} is the capacity the public constructor checked
     * before this runs, so that a bad one throws before any GL object exists (0: none yet); it is not kept.
     */
    private GlDrawBackend(final boolean forceStagingUpload, final boolean withoutBaseInstance, final int checkedCapacity)
    {
        this.forceStagingUpload = forceStagingUpload;
        this.withoutBaseInstance = withoutBaseInstance;
        checked = GlObjectRegistry.current().checked();
        program = GlDrawBackendConstants.program();
        program.use();
        program.setInt(program.uniformLocation(GlDrawBackendConstants.textureUniform()), 0);
        try (MemoryStack stack = MemoryStack.stackPush())
        {
            final long texel = stack.nmalloc(4, 4);
            MemoryUtil.memPutInt(texel, Rgba.WHITE);
            whiteTexture = Texture.fromRgba(GlDrawBackendConstants.whiteTextureName(), 1, 1, texel,
                TextureFilter.NEAREST, TextureWrap.CLAMP_TO_EDGE);
        }
        textures[ShapeBatch.WHITE_TEXTURE_KEY] = whiteTexture.textureName();
    }

    /**
     * A backend whose textures can be bound now and whose vertex memory is made later, by
     * {@link #allocateVertices(int)} before the first frame: for a caller that learns the frame's capacity only after
     * registering textures (the runtime, whose passes are added in {@code Application.init}). The GL context must be
     * current.
     */
    public static GlDrawBackend withoutVertices(final boolean forceStagingUpload)
    {
        return new GlDrawBackend(forceStagingUpload, false, 0);
    }

    private static int checkCapacity(final int capacityQuads)
    {
        if (capacityQuads < 1 || capacityQuads > (1 << 22))
        {
            throw GlDrawBackendConstants.badCapacityQuads(capacityQuads);
        }
        return capacityQuads;
    }

    /**
     * Makes the vertex memory ({@code capacityQuads} quads per frame, in [1, 2^22]), the vertex arrays, the index
     * buffer and the instanced sprite path; once, before the first frame (the constructors that take a capacity call
     * it). Start-up.
     */
    public void allocateVertices(final int capacityQuads)
    {
        checkOpen();
        checkCapacity(capacityQuads);
        if (null != vertices)
        {
            throw GlDrawBackendConstants.allocatedTwice();
        }
        this.capacityQuads = capacityQuads;
        commands = new DrawCommands(capacityQuads);
        final GlObjectRegistry registry = GlObjectRegistry.current();
        // whole 320-byte blocks per segment: every segment starts on a line and a record index (SpriteInstanceLayout)
        final int segmentQuads = SpriteInstanceLayout.instanceStartQuad(capacityQuads);
        vertices = new StreamingVertexBuffer(GlDrawBackendConstants.verticesName(),
            segmentQuads * QuadVertexLayout.BYTES_PER_QUAD, SEGMENTS, forceStagingUpload);
        vertexArray = glGenVertexArrays();
        registry.register(GlObjectType.VERTEX_ARRAY, vertexArray, GlDrawBackendConstants.vertexArrayName());
        glBindVertexArray(vertexArray);
        vertices.bind();
        final int stride = QuadVertexLayout.BYTES_PER_VERTEX;
        glEnableVertexAttribArray(0);
        glVertexAttribPointer(0, 2, GL_FLOAT, false, stride, QuadVertexLayout.POSITION_OFFSET);
        glEnableVertexAttribArray(1);
        glVertexAttribPointer(1, 2, GL_FLOAT, false, stride, QuadVertexLayout.UV_OFFSET);
        glEnableVertexAttribArray(2);
        glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, true, stride, QuadVertexLayout.COLOUR_OFFSET);
        indexBuffer = createIndexBuffer(registry, checked);
        glBindVertexArray(0);

        uniformMatrix = NativeBlock.allocate(GlDrawBackendConstants.uniformMatrixName(), 16 * Float.BYTES, 16, false,
            checked);
        final GLCapabilities caps = GL.getCapabilities();
        final GlInstancedSprites instances = caps.OpenGL33 ? new GlInstancedSprites(
            GlDrawBackendConstants.instanceProgram(), vertices, indexBuffer,
            !withoutBaseInstance && (caps.OpenGL42 || caps.GL_ARB_base_instance), caps.OpenGL42) : null;
        issuer = new GlCommandIssuer(commands, textures, vertexArray, program, instances, uniformMatrix.address());
        program.use();
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
            throw GlDrawBackendConstants.badTextureKey(textureKey);
        }
        if (glTextureName <= 0)
        {
            throw GlDrawBackendConstants.badTextureName(glTextureName);
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

    /** @return whether vertices are written into persistent-mapped GL memory (false: staging + upload, or none yet). */
    public boolean isPersistent()
    {
        return null != vertices && vertices.isPersistent();
    }

    /**
     * @return whether instanced sprite runs are drawn with {@code glDrawArraysInstancedBaseInstance} (GL 4.2 or
     * {@code ARB_base_instance}) rather than by re-pointing the instance attributes per run.
     */
    public boolean usesBaseInstance()
    {
        return null != issuer && issuer.usesBaseInstance();
    }

    /** @return draw calls issued since construction. */
    public long drawCalls()
    {
        return null == issuer ? 0 : issuer.drawCalls();
    }

    /** {@inheritDoc} Binds the framebuffer's colour texture to {@code textureKey} too. */
    public int registerTarget(
        final String label, final Framebuffer framebuffer, final int textureKey, final int width, final int height)
    {
        checkOpen();
        if (null == framebuffer)
        {
            throw GlDrawBackendConstants.nullFramebuffer(label);
        }
        bindTexture(textureKey, framebuffer.colorTexture());
        checkAllocated();
        final int id = commands.registerTarget(label, textureKey, width, height);
        issuer.registerTarget(id, framebuffer.framebufferName());
        return id;
    }

    public int registerProgram(final ShaderProgram program)
    {
        checkAllocated();
        if (null == program)
        {
            throw GlDrawBackendConstants.nullProgram();
        }
        final int id = commands.registerProgram();
        issuer.registerProgram(id, program);
        return id;
    }

    public void defaultTarget(final int framebufferName, final int width, final int height)
    {
        checkAllocated();
        commands.defaultTarget(width, height);
        issuer.defaultTarget(framebufferName, width, height);
    }

    public DrawCommands commands()
    {
        return commands;
    }

    public void beginFrame(final Matrix4fc projection)
    {
        checkAllocated();
        if (inFrame)
        {
            throw GlDrawBackendConstants.beginTwice();
        }
        segment = vertices.beginFrame();
        reservedQuads = 0;
        inFrame = true;
        commands.begin(projection);
    }

    public void projection(final Matrix4fc projection)
    {
        checkInFrame();
        commands.projection(projection);
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
        return null != issuer && issuer.drawsInstances();
    }

    public long reserveInstances(final int instanceCount)
    {
        checkInFrame();
        if (!issuer.drawsInstances())
        {
            throw GlDrawBackendConstants.noInstancing();
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
        if (!issuer.drawsInstances())
        {
            throw GlDrawBackendConstants.noInstancing();
        }
        checkBound(textureKey);
        // the reservation starts on a block boundary of the segment, so on a whole record
        commands.draw(DrawCommands.DRAW_INSTANCES, textureKey,
            (int)((address - segment) / SpriteInstanceLayout.BYTES_PER_INSTANCE) + firstInstance, instanceCount);
    }

    /** Nothing to do: the vertices are uploaded (or already visible) when the frame ends. */
    public void commitQuads(final long address, final int quadCount)
    {
    }

    public void drawQuads(final long address, final int textureKey, final int firstQuad, final int quadCount)
    {
        checkOpen();
        checkBound(textureKey);
        commands.draw(DrawCommands.DRAW_QUADS, textureKey, (int)((address - segment) / QuadVertexLayout.BYTES_PER_VERTEX) +
            firstQuad * QuadVertexLayout.VERTICES_PER_QUAD, quadCount);
    }

    private void checkBound(final int textureKey)
    {
        if (textures[textureKey] == 0)
        {
            throw GlDrawBackendConstants.unboundTexture(textureKey);
        }
    }

    /**
     * Ends the streaming buffer's frame (uploading on the fallback path) and issues the recorded commands
     * ({@link GlCommandIssuer}).
     */
    public void endFrame()
    {
        checkInFrame();
        inFrame = false;
        final long offset = vertices.endFrame(reservedQuads * QuadVertexLayout.BYTES_PER_QUAD);
        // segments are whole 320-byte blocks apart, so the frame's offset is a whole record too
        commands.end();
        issuer.issue((int)(offset / QuadVertexLayout.BYTES_PER_VERTEX),
            (int)(offset / SpriteInstanceLayout.BYTES_PER_INSTANCE));
        if (checked)
        {
            uniformMatrix.verify();
        }
    }

    /** Deletes the GL objects; the context must be current. Idempotent. */
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        if (null != vertices)
        {
            final GlObjectRegistry registry = GlObjectRegistry.current();
            glBindVertexArray(0);
            glDeleteVertexArrays(vertexArray);
            registry.remove(GlObjectType.VERTEX_ARRAY, vertexArray);
            issuer.close();
            glDeleteBuffers(indexBuffer);
            registry.remove(GlObjectType.BUFFER, indexBuffer);
            vertices.close();
            uniformMatrix.free();
        }
        whiteTexture.close();
        program.close();
    }

    /** The static 16-bit index buffer of {@link QuadVertexLayout#MAX_QUADS_PER_DRAW} quads, bound to the vertex array. */
    private static int createIndexBuffer(final GlObjectRegistry registry, final boolean checked)
    {
        final int indexBuffer = glGenBuffers();
        registry.register(GlObjectType.BUFFER, indexBuffer, GlDrawBackendConstants.indexBufferName());
        glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, indexBuffer);
        final int quads = QuadVertexLayout.MAX_QUADS_PER_DRAW;
        final long indexBytes = (long)quads * QuadVertexLayout.INDICES_PER_QUAD * 2;
        final NativeBlock indices = NativeBlock.allocate(GlDrawBackendConstants.indexMemoryName(), indexBytes, 16, false, checked);
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
        return indexBuffer;
    }

    private void checkOpen()
    {
        if (closed)
        {
            throw GlDrawBackendConstants.closed();
        }
    }

    /** Closed first; then whether the vertex memory is made. */
    private void checkAllocated()
    {
        checkOpen();
        if (null == vertices)
        {
            throw GlDrawBackendConstants.notAllocated();
        }
    }

    /** Closed first: a frame begun before {@link #close()} is still marked in progress. */
    private void checkInFrame()
    {
        checkOpen();
        if (!inFrame)
        {
            throw GlDrawBackendConstants.notInFrame();
        }
    }
}
