package dev.isochron.render.gl;

import static org.lwjgl.opengl.GL11C.GL_LINEAR;
import static org.lwjgl.opengl.GL11C.GL_LINEAR_MIPMAP_LINEAR;
import static org.lwjgl.opengl.GL11C.GL_NEAREST;

/** How a {@link Texture} is sampled when minified and magnified. */
public enum TextureFilter
{
    /** Nearest texel: crisp pixel art, bitmap fonts. */
    NEAREST(GL_NEAREST, GL_NEAREST),
    /** Bilinear: smooth scaling, the default. */
    LINEAR(GL_LINEAR, GL_LINEAR),
    /** Trilinear with mipmaps generated at upload: for textures drawn much smaller than their size. */
    LINEAR_MIPMAP(GL_LINEAR_MIPMAP_LINEAR, GL_LINEAR);

    final int minFilter;
    final int magFilter;

    TextureFilter(final int minFilter, final int magFilter)
    {
        this.minFilter = minFilter;
        this.magFilter = magFilter;
    }
}
