package dev.isochron.render.batch;

import dev.isochron.render.gl.ShaderProgram;

/**
 * The shader resources, GL object labels and error messages, in a class of their own so that GlDrawBackend holds
 * no String constant: the first C2 compile of a per-frame method would otherwise resolve them on the render
 * thread mid-run (see {@code ClassConstants} in the engine test-jar).
 */
final class GlDrawBackendConstants
{
    private static final String SHADER_DIR = "dev/isochron/render/shaders/";

    private GlDrawBackendConstants()
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

    static String textureUniform()
    {
        return "u_texture";
    }

    static IllegalStateException noInstancing()
    {
        return new IllegalStateException("GlDrawBackend cannot draw instanced sprites: this GL has no instanced " +
            "arrays (GL 3.3); draw the sprite batch itself, as quads (RuntimeConfig.spritePath(SpritePath.VERTICES))");
    }

    static String verticesName()
    {
        return "batch quad vertices";
    }

    static String indexMemoryName()
    {
        return "GlDrawBackend quad index memory (start-up)";
    }

    static String uniformMatrixName()
    {
        return "GlDrawBackend uniform matrix memory";
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

    static IllegalArgumentException nullFramebuffer(final String label)
    {
        return new IllegalArgumentException("render target '" + label + "' needs a framebuffer with renderer GL");
    }

    static IllegalArgumentException nullProgram()
    {
        return new IllegalArgumentException("program must not be null with renderer GL");
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

    static IllegalStateException unboundTexture(final int textureKey)
    {
        return new IllegalStateException("no texture is bound to key " + textureKey +
            ": call GlDrawBackend.bindTexture(" + textureKey + ", glTextureName) after uploading it");
    }

    static IllegalStateException notInFrame()
    {
        return new IllegalStateException("GlDrawBackend: call beginFrame before drawing and endFrame once after");
    }

    static IllegalStateException allocatedTwice()
    {
        return new IllegalStateException("GlDrawBackend.allocateVertices is called once, before the first frame");
    }

    static IllegalStateException notAllocated()
    {
        return new IllegalStateException("GlDrawBackend has no vertex memory yet: call allocateVertices(capacityQuads) " +
            "before the first frame (GlDrawBackend.withoutVertices makes it later)");
    }
}
