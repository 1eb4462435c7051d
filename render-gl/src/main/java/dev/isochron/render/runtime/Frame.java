package dev.isochron.render.runtime;

import dev.isochron.render.batch.ShapeBatch;
import dev.isochron.render.batch.SpriteBatch;
import dev.isochron.render.camera.Camera2D;
import dev.isochron.render.hud.HudOverlay;
import dev.isochron.render.text.Font;
import dev.isochron.render.text.TextAlign;

/**
 * One frame, as {@link Application#render} sees it: batches to record into, the world camera, the interpolation
 * alpha, the draw target's size and the run's live statistics. One instance per run, refilled each frame.
 * <p>
 * Draw order: after {@code render} returns the runtime draws {@link #shapes()} then {@link #sprites()} with the
 * camera's projection, then {@link #hudShapes()} then {@link #hudSprites()} in pixel space (origin top-left,
 * y down, one unit per framebuffer pixel), so overlays stay fixed while the camera moves. All four are cleared
 * before each frame. These are the runtime's world and HUD passes; passes registered in {@link Init#addPass} draw
 * before, between or after them ({@link dev.isochron.render.pass.PassOrder}).
 * <p>
 * Threading: the render thread (the caller's thread in single-threaded mode), during {@code render} only.
 * Allocation-free.
 */
public final class Frame
{
    private final ExitSignal exit;
    private final SpriteBatch sprites;
    private final ShapeBatch shapes;
    private final SpriteBatch hudSprites;
    private final ShapeBatch hudShapes;
    private final Camera2D camera;
    private final RuntimeStats stats;
    private final HudOverlay hud;
    private double alpha;
    private long index;
    private long startNs;
    private int framebufferWidth;
    private int framebufferHeight;

    Frame(
        final ExitSignal exit,
        final SpriteBatch sprites,
        final ShapeBatch shapes,
        final SpriteBatch hudSprites,
        final ShapeBatch hudShapes,
        final Camera2D camera,
        final RuntimeStats stats,
        final HudOverlay hud)
    {
        this.hud = hud;
        this.exit = exit;
        this.sprites = sprites;
        this.shapes = shapes;
        this.hudSprites = hudSprites;
        this.hudShapes = hudShapes;
        this.camera = camera;
        this.stats = stats;
    }

    void begin(final long index, final long startNs, final double alpha, final int width, final int height)
    {
        this.index = index;
        this.startNs = startNs;
        this.alpha = alpha;
        this.framebufferWidth = width;
        this.framebufferHeight = height;
        sprites.clear();
        shapes.clear();
        hudSprites.clear();
        hudShapes.clear();
    }

    /**
     * @return in [0, 1): how far the frame lies past the state's latest tick, in ticks; interpolate from the
     * state's previous to its latest tick values with it.
     */
    public double alpha()
    {
        return alpha;
    }

    /** @return the frame's index since the run started (0-based, warm-up frames included). */
    public long index()
    {
        return index;
    }

    /** @return the clock time the frame started, in ns of the runtime's clock. */
    public long startNs()
    {
        return startNs;
    }

    /** @return world-space sprites, drawn with {@link #camera()}'s projection after {@link #shapes()}. */
    public SpriteBatch sprites()
    {
        return sprites;
    }

    /** @return world-space shapes (lines, rectangles, circles), drawn first. */
    public ShapeBatch shapes()
    {
        return shapes;
    }

    /** @return pixel-space sprites (HUD, overlays), drawn last. */
    public SpriteBatch hudSprites()
    {
        return hudSprites;
    }

    /** @return pixel-space shapes (HUD panels, graphs), drawn after the world and before {@link #hudSprites()}. */
    public ShapeBatch hudShapes()
    {
        return hudShapes;
    }

    /**
     * @return the world camera; the runtime keeps its size equal to the framebuffer's. Pan and zoom it freely
     * (its state persists across frames).
     */
    public Camera2D camera()
    {
        return camera;
    }

    /**
     * Records world-space text into {@link #sprites()}. Allocation-free.
     *
     * @param font  a font registered in {@link Init#registerFont} (or {@link Init#defaultFont()}).
     * @param text  the characters; read during the call only.
     * @param x     left of the first line.
     * @param y     top of the first line.
     * @param scale multiple of the font's pixel size.
     * @param rgba  colour, see {@link dev.isochron.render.batch.Rgba}.
     * @return the pen's x after the last character.
     */
    public float text(final Font font, final CharSequence text, final float x, final float y, final float scale, final int rgba)
    {
        return font.draw(sprites, text, x, y, scale, rgba);
    }

    /**
     * Records pixel-space text into {@link #hudSprites()}; otherwise as {@link #text}. Allocation-free.
     *
     * @return the pen's x after the last character.
     */
    public float hudText(final Font font, final CharSequence text, final float x, final float y, final float scale, final int rgba)
    {
        return font.draw(hudSprites, text, x, y, scale, rgba);
    }

    /** @return the draw target's width in pixels this frame. */
    public int framebufferWidth()
    {
        return framebufferWidth;
    }

    /** @return the draw target's height in pixels this frame. */
    public int framebufferHeight()
    {
        return framebufferHeight;
    }

    /** @return the run's live statistics, for a HUD. */
    public RuntimeStats stats()
    {
        return stats;
    }

    /**
     * @return the runtime's performance HUD, drawn after {@link #hudSprites()} when visible; F3 toggles it, or
     * call {@link HudOverlay#toggle()} / {@link HudOverlay#visible(boolean)}.
     */
    public HudOverlay hud()
    {
        return hud;
    }

    /** Ends the run after this frame ({@link ExitCause#EXIT_REQUESTED}). Allocation-free. */
    public void requestExit()
    {
        exit.request(ExitCause.EXIT_REQUESTED);
    }

    // text in the runtime's default font ------------------------------------------------------------------------

    /**
     * @return the runtime's default font, the built-in 5x8 {@link dev.isochron.render.text.BitmapFont} the HUD also
     * draws with (the same as {@link Init#defaultFont()}), its atlas uploaded; for the other {@code Font} methods
     * ({@code measure}, {@code measureWrapped}) and for scales other than 1.
     */
    public Font defaultFont()
    {
        return hud.font();
    }

    /**
     * Records world-space text in the {@link #defaultFont()} at its pixel size into {@link #sprites()}; otherwise as
     * {@link #text(Font, CharSequence, float, float, float, int)}. Allocation-free.
     *
     * @return the pen's x after the last character.
     */
    public float text(final CharSequence text, final float x, final float y, final int rgba)
    {
        return hud.font().draw(sprites, text, x, y, 1f, rgba);
    }

    /**
     * Records pixel-space text in the {@link #defaultFont()} at its pixel size into {@link #hudSprites()}.
     * Allocation-free.
     *
     * @return the pen's x after the last character.
     */
    public float hudText(final CharSequence text, final float x, final float y, final int rgba)
    {
        return hud.font().draw(hudSprites, text, x, y, 1f, rgba);
    }

    /**
     * Records world-space text in the {@link #defaultFont()} into {@link #sprites()}, wrapped to {@code width} and
     * each line aligned within it (see {@link Font#drawWrapped}). Allocation-free.
     *
     * @param x     the block's left edge.
     * @param y     the first line's top.
     * @param width the width to wrap and align to, > 0.
     * @param scale multiple of the font's pixel size.
     * @return the height the lines took.
     */
    public float textWrapped(
        final CharSequence text,
        final float x,
        final float y,
        final float width,
        final TextAlign align,
        final float scale,
        final int rgba)
    {
        return hud.font().drawWrapped(sprites, text, x, y, width, align, scale, rgba);
    }

    /**
     * Records pixel-space text in the {@link #defaultFont()} into {@link #hudSprites()}, wrapped and aligned as
     * {@link #textWrapped} does. Allocation-free.
     *
     * @return the height the lines took.
     */
    public float hudTextWrapped(
        final CharSequence text,
        final float x,
        final float y,
        final float width,
        final TextAlign align,
        final float scale,
        final int rgba)
    {
        return hud.font().drawWrapped(hudSprites, text, x, y, width, align, scale, rgba);
    }
}
