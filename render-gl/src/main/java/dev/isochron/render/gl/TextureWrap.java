package dev.isochron.render.gl;

import static org.lwjgl.opengl.GL12C.GL_CLAMP_TO_EDGE;
import static org.lwjgl.opengl.GL11C.GL_REPEAT;
import static org.lwjgl.opengl.GL14C.GL_MIRRORED_REPEAT;

/** What a {@link Texture} gives for coordinates outside [0, 1]. */
public enum TextureWrap
{
    /** The edge texel: sprites and atlases, the default. */
    CLAMP_TO_EDGE(GL_CLAMP_TO_EDGE),
    /** Tiles the texture. */
    REPEAT(GL_REPEAT),
    /** Tiles the texture, mirroring every other tile. */
    MIRRORED_REPEAT(GL_MIRRORED_REPEAT);

    final int glWrap;

    TextureWrap(final int glWrap)
    {
        this.glWrap = glWrap;
    }
}
