package dev.isochron.render.batch;

import dev.isochron.render.gl.GlObjectRegistry;
import dev.isochron.render.gl.GlObjectType;
import dev.isochron.render.gl.ShaderProgram;
import dev.isochron.render.gl.Texture;
import dev.isochron.render.gl.TextureFilter;
import dev.isochron.render.gl.TextureWrap;
import org.joml.Matrix4fc;
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
import static org.lwjgl.opengl.GL15.GL_ARRAY_BUFFER;
import static org.lwjgl.opengl.GL15.GL_ELEMENT_ARRAY_BUFFER;
import static org.lwjgl.opengl.GL15.GL_STATIC_DRAW;
import static org.lwjgl.opengl.GL15.GL_STREAM_DRAW;
import static org.lwjgl.opengl.GL15.glBindBuffer;
import static org.lwjgl.opengl.GL15.glDeleteBuffers;
import static org.lwjgl.opengl.GL15.glGenBuffers;
import static org.lwjgl.opengl.GL15.nglBufferData;
import static org.lwjgl.opengl.GL15.nglBufferSubData;
import static org.lwjgl.opengl.GL20.glEnableVertexAttribArray;
import static org.lwjgl.opengl.GL20.glVertexAttribPointer;
import static org.lwjgl.opengl.GL30.glBindVertexArray;
import static org.lwjgl.opengl.GL30.glDeleteVertexArrays;
import static org.lwjgl.opengl.GL30.glGenVertexArrays;
import static org.lwjgl.opengl.GL32.glDrawElementsBaseVertex;

/**
 * The OpenGL {@link DrawBackend}: vertices go to off-heap staging memory (filled by the batches'
 * slices, possibly on render workers), are uploaded with one {@code glBufferSubData} per
 * committed source into a stream buffer orphaned every frame (so the driver never makes the CPU
 * wait for the previous frame's draws), and are drawn with {@code glDrawElementsBaseVertex} over
 * a static 16-bit quad index buffer, one call per texture run.
 * <p>
 * Textures are named by keys: {@link #bindTexture(int, int)} maps a key to a GL texture name;
 * key {@link ShapeBatch#WHITE_TEXTURE_KEY} is the backend's own 1x1 white texture. Drawing
 * leaves this backend's program, vertex array, blend state (straight alpha) and texture unit 0
 * bound; other renderers on the same context must bind their own state.
 * <p>
 * Thread: construct, draw and close on the thread that owns the GL context (the render thread);
 * per-frame methods are allocation-free. Its GL objects are registered in the context's
 * {@link GlObjectRegistry}, so a backend not closed shows up in the context's leak report.
 */
public final class GlDrawBackend implements DrawBackend
{
    private static final String SHADER_DIR = "dev/isochron/render/shaders/";

    private final int capacityQuads;
    private final long bufferBytes;
    private final long staging;
    private final int[] textures = new int[SpriteBatch.MAX_TEXTURE_KEY + 1];
    private final ShaderProgram program;
    private final int projectionLocation;
    private final int vertexArray;
    private final int vertexBuffer;
    private final int indexBuffer;
    private final Texture whiteTexture;
    private int reservedQuads;
    private int boundTexture;
    private boolean inFrame;
    private boolean closed;
    private long drawCalls;

    /**
     * Creates the program, buffers and white texture; the GL context must be current.
     *
     * @param capacityQuads quads of vertex memory per frame, in [1, 2^24].
     */
    public GlDrawBackend(final int capacityQuads)
    {
        if (capacityQuads < 1 || capacityQuads > (1 << 24))
        {
            throw new IllegalArgumentException("capacityQuads must be in [1, 16777216], was " + capacityQuads);
        }
        this.capacityQuads = capacityQuads;
        bufferBytes = (long)capacityQuads * QuadVertexLayout.BYTES_PER_QUAD;
        final GlObjectRegistry registry = GlObjectRegistry.current();
        program = ShaderProgram.fromResources("batch", SHADER_DIR + "batch.vert", SHADER_DIR + "batch.frag");
        projectionLocation = program.uniformLocation("u_projection");
        program.use();
        program.setInt(program.uniformLocation("u_texture"), 0);

        vertexArray = glGenVertexArrays();
        registry.register(GlObjectType.VERTEX_ARRAY, vertexArray, "batch quad vertex array");
        glBindVertexArray(vertexArray);
        vertexBuffer = glGenBuffers();
        registry.register(GlObjectType.BUFFER, vertexBuffer, "batch stream vertex buffer");
        glBindBuffer(GL_ARRAY_BUFFER, vertexBuffer);
        nglBufferData(GL_ARRAY_BUFFER, bufferBytes, MemoryUtil.NULL, GL_STREAM_DRAW);
        final int stride = QuadVertexLayout.BYTES_PER_VERTEX;
        glEnableVertexAttribArray(0);
        glVertexAttribPointer(0, 2, GL_FLOAT, false, stride, QuadVertexLayout.POSITION_OFFSET);
        glEnableVertexAttribArray(1);
        glVertexAttribPointer(1, 2, GL_FLOAT, false, stride, QuadVertexLayout.UV_OFFSET);
        glEnableVertexAttribArray(2);
        glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, true, stride, QuadVertexLayout.COLOUR_OFFSET);

        indexBuffer = glGenBuffers();
        registry.register(GlObjectType.BUFFER, indexBuffer, "batch quad index buffer");
        glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, indexBuffer);
        final int quads = QuadVertexLayout.MAX_QUADS_PER_DRAW;
        final long indices = MemoryUtil.nmemAlloc((long)quads * QuadVertexLayout.INDICES_PER_QUAD * 2);
        try
        {
            QuadVertexLayout.writeQuadIndices(indices, quads);
            nglBufferData(GL_ELEMENT_ARRAY_BUFFER, (long)quads * QuadVertexLayout.INDICES_PER_QUAD * 2, indices,
                GL_STATIC_DRAW);
        }
        finally
        {
            MemoryUtil.nmemFree(indices);
        }
        glBindVertexArray(0);

        try (MemoryStack stack = MemoryStack.stackPush())
        {
            final long texel = stack.nmalloc(4, 4);
            MemoryUtil.memPutInt(texel, Rgba.WHITE);
            whiteTexture = Texture.fromRgba("batch 1x1 white texture", 1, 1, texel, TextureFilter.NEAREST,
                TextureWrap.CLAMP_TO_EDGE);
        }
        textures[ShapeBatch.WHITE_TEXTURE_KEY] = whiteTexture.textureName();

        staging = MemoryUtil.nmemAlignedAlloc(64, bufferBytes);
    }

    /**
     * Maps {@code textureKey} to the GL texture {@code glTextureName} (owned by the caller).
     * Start-up or between frames; allocation-free.
     *
     * @param textureKey in [1, {@link SpriteBatch#MAX_TEXTURE_KEY}] (key 0 is the white texture).
     */
    public void bindTexture(final int textureKey, final int glTextureName)
    {
        if (textureKey < 1 || textureKey > SpriteBatch.MAX_TEXTURE_KEY)
        {
            throw new IllegalArgumentException("textureKey must be in [1, " + SpriteBatch.MAX_TEXTURE_KEY +
                "] (0 is the white texture), was " + textureKey);
        }
        if (glTextureName <= 0)
        {
            throw new IllegalArgumentException("glTextureName must be a texture name > 0, was " + glTextureName);
        }
        textures[textureKey] = glTextureName;
    }

    /** @return the GL name of the backend's 1x1 white texture. */
    public int whiteTexture()
    {
        return whiteTexture.textureName();
    }

    /** @return quads of vertex memory per frame. */
    public int capacityQuads()
    {
        return capacityQuads;
    }

    /** @return draw calls issued since construction. */
    public long drawCalls()
    {
        return drawCalls;
    }

    public void beginFrame(final Matrix4fc projection)
    {
        if (closed)
        {
            throw new IllegalStateException("GlDrawBackend is closed");
        }
        reservedQuads = 0;
        inFrame = true;
        boundTexture = -1;
        program.use();
        projection(projection);
        glBindVertexArray(vertexArray);
        glBindBuffer(GL_ARRAY_BUFFER, vertexBuffer);
        nglBufferData(GL_ARRAY_BUFFER, bufferBytes, MemoryUtil.NULL, GL_STREAM_DRAW);
        glEnable(GL_BLEND);
        glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
        glDisable(GL_DEPTH_TEST);
        glDisable(GL_CULL_FACE);
        glActiveTexture(GL_TEXTURE0);
    }

    public void projection(final Matrix4fc projection)
    {
        program.setMatrix4(projectionLocation, projection);
    }

    public long reserveQuads(final int quadCount)
    {
        if (!inFrame)
        {
            throw new IllegalStateException("reserveQuads must be called between beginFrame and endFrame");
        }
        if (quadCount < 0 || quadCount > capacityQuads - reservedQuads)
        {
            throw new IllegalStateException("GlDrawBackend capacity of " + capacityQuads + " quads per frame " +
                "exceeded (" + reservedQuads + " reserved, " + quadCount + " more): construct it with a larger capacity");
        }
        final long address = staging + (long)reservedQuads * QuadVertexLayout.BYTES_PER_QUAD;
        reservedQuads += quadCount;
        return address;
    }

    public void commitQuads(final long address, final int quadCount)
    {
        nglBufferSubData(GL_ARRAY_BUFFER, address - staging, (long)quadCount * QuadVertexLayout.BYTES_PER_QUAD, address);
    }

    public void drawQuads(final long address, final int textureKey, final int firstQuad, final int quadCount)
    {
        final int texture = textures[textureKey];
        if (texture == 0)
        {
            throw new IllegalStateException("no texture is bound to key " + textureKey +
                ": call GlDrawBackend.bindTexture(" + textureKey + ", glTextureName) after uploading it");
        }
        if (texture != boundTexture)
        {
            glBindTexture(GL_TEXTURE_2D, texture);
            boundTexture = texture;
        }
        final long firstVertex = (address - staging) / QuadVertexLayout.BYTES_PER_VERTEX +
            (long)firstQuad * QuadVertexLayout.VERTICES_PER_QUAD;
        glDrawElementsBaseVertex(GL_TRIANGLES, quadCount * QuadVertexLayout.INDICES_PER_QUAD, GL_UNSIGNED_SHORT, 0L,
            (int)firstVertex);
        drawCalls++;
    }

    public void endFrame()
    {
        inFrame = false;
    }

    /** Deletes the GL objects and frees the staging memory; the context must be current. Idempotent. */
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
        glDeleteBuffers(vertexBuffer);
        registry.remove(GlObjectType.BUFFER, vertexBuffer);
        glDeleteBuffers(indexBuffer);
        registry.remove(GlObjectType.BUFFER, indexBuffer);
        whiteTexture.close();
        program.close();
        MemoryUtil.nmemAlignedFree(staging);
    }
}
