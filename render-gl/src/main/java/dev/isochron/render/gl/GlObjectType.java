package dev.isochron.render.gl;

/**
 * Kinds of GL object tracked by {@link GlObjectRegistry}, named as in the GL specification.
 */
public enum GlObjectType
{
    /** A buffer object ({@code glGenBuffers}). */
    BUFFER,
    /** A texture object ({@code glGenTextures}). */
    TEXTURE,
    /** A framebuffer object ({@code glGenFramebuffers}). */
    FRAMEBUFFER,
    /** A renderbuffer object ({@code glGenRenderbuffers}). */
    RENDERBUFFER,
    /** A shader object ({@code glCreateShader}). */
    SHADER,
    /** A program object ({@code glCreateProgram}). */
    PROGRAM,
    /** A vertex array object ({@code glGenVertexArrays}). */
    VERTEX_ARRAY,
    /** A fence sync object ({@code glFenceSync}); the name is the low 32 bits of the handle. */
    SYNC
}
