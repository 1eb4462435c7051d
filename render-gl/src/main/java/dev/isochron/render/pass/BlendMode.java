package dev.isochron.render.pass;

import static org.lwjgl.opengl.GL11C.GL_DST_COLOR;
import static org.lwjgl.opengl.GL11C.GL_ONE;
import static org.lwjgl.opengl.GL11C.GL_ONE_MINUS_SRC_ALPHA;
import static org.lwjgl.opengl.GL11C.GL_SRC_ALPHA;
import static org.lwjgl.opengl.GL11C.GL_ZERO;

/**
 * How a pass's fragments combine with the target's pixels ({@code glBlendFuncSeparate}); colour channels first, then
 * alpha. Read when the pass is configured, so the frame path only copies four ints.
 */
public enum BlendMode
{
    /** Straight alpha, the default: {@code src * a + dst * (1 - a)}; the target's alpha accumulates coverage. */
    ALPHA(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA),
    /** Premultiplied alpha: the colour already carries its alpha, {@code src + dst * (1 - a)}. */
    PREMULTIPLIED(GL_ONE, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA),
    /** Additive light (particles, glows): {@code dst + src * a}; the target's alpha is kept. */
    ADDITIVE(GL_SRC_ALPHA, GL_ONE, GL_ZERO, GL_ONE),
    /** Multiply (shadows, tints): {@code src * dst}; the target's alpha is kept. */
    MULTIPLY(GL_DST_COLOR, GL_ZERO, GL_ZERO, GL_ONE),
    /** No blending: the fragment replaces the pixel, alpha included (copies, post-processing). */
    OPAQUE(GL_ONE, GL_ZERO, GL_ONE, GL_ZERO);

    private final int sourceRgb;
    private final int destinationRgb;
    private final int sourceAlpha;
    private final int destinationAlpha;

    BlendMode(final int sourceRgb, final int destinationRgb, final int sourceAlpha, final int destinationAlpha)
    {
        this.sourceRgb = sourceRgb;
        this.destinationRgb = destinationRgb;
        this.sourceAlpha = sourceAlpha;
        this.destinationAlpha = destinationAlpha;
    }

    /** @return the GL source factor of the colour channels. */
    public int sourceRgb()
    {
        return sourceRgb;
    }

    /** @return the GL destination factor of the colour channels. */
    public int destinationRgb()
    {
        return destinationRgb;
    }

    /** @return the GL source factor of alpha. */
    public int sourceAlpha()
    {
        return sourceAlpha;
    }

    /** @return the GL destination factor of alpha. */
    public int destinationAlpha()
    {
        return destinationAlpha;
    }
}
