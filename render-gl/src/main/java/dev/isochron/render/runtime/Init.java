package dev.isochron.render.runtime;

import dev.isochron.render.context.WindowControl;
import dev.isochron.render.gl.Texture;
import dev.isochron.render.text.Font;

/**
 * What {@link Application#init(Init)} gets: the draw target's size and the registration of the textures and fonts
 * the frame's batches refer to by texture key.
 * <p>
 * Threading: the render thread (GL context current when {@link #hasGl()}), during {@code init} only.
 * Not for the frame path.
 */
public final class Init
{
    private final RuntimeResources resources;

    Init(final RuntimeResources resources)
    {
        this.resources = resources;
    }

    /** @return whether a GL context is current (false with {@link RendererKind#NULL}: load no GL resources). */
    public boolean hasGl()
    {
        return resources.hasGl();
    }

    /** @return whether the run has no window (headless EGL, or the null renderer). */
    public boolean isHeadless()
    {
        return resources.isHeadless();
    }

    /** @return the draw target's width in pixels. */
    public int framebufferWidth()
    {
        return resources.framebufferWidth();
    }

    /** @return the draw target's height in pixels. */
    public int framebufferHeight()
    {
        return resources.framebufferHeight();
    }

    /** @return {@code GL_RENDERER}, or {@code "null"} with the null renderer. */
    public String glRenderer()
    {
        return resources.glRenderer();
    }

    /**
     * @return whether GL is drawn by a CPU rasteriser (Mesa's llvmpipe or softpipe, SwiftShader, Windows' basic
     * render driver): an app can then draw a lighter scene, since such a renderer fills far fewer pixels per second
     * than any GPU. False with the null renderer.
     */
    public boolean isSoftwareRenderer()
    {
        return hasGl() && SoftwareRenderers.matches(resources.glRenderer());
    }

    /** @return {@code GL_VERSION}, or {@code "null"} with the null renderer. */
    public String glVersion()
    {
        return resources.glVersion();
    }

    /**
     * Registers a texture made by the application (it stays the application's to close in
     * {@link Application#dispose()}) under a new texture key, for {@link dev.isochron.render.batch.AtlasRegion}s
     * and {@link dev.isochron.render.batch.SpriteBatch#draw} calls.
     *
     * @param texture a texture made on this thread; null is accepted only with the null renderer.
     * @return the texture key, in [1, {@link dev.isochron.render.batch.SpriteBatch#MAX_TEXTURE_KEY}].
     * @throws IllegalStateException when the keys are used up.
     */
    public int registerTexture(final Texture texture)
    {
        return resources.registerTexture(texture);
    }

    /**
     * Uploads the font's atlas into a texture the runtime owns (released at the end of the run) and sets the
     * font's texture key, so that {@link Frame#text} and {@code font.draw(frame.sprites(), ...)} work. With the
     * null renderer only the key is set. The font itself stays the application's.
     *
     * @param font the font.
     * @return the font, for chaining.
     */
    public Font registerFont(final Font font)
    {
        return resources.registerFont(font);
    }

    /** @return the built-in 5x8 bitmap font, registered already (the same one the HUD uses). */
    public Font defaultFont()
    {
        return resources.defaultFont();
    }

    /**
     * @return the window's control, to keep for the whole run: fullscreen on and off from {@code render} or
     * {@code update} (the platform thread applies it at its next event poll), and the window's size in screen
     * coordinates beside the framebuffer's in pixels, for high-DPI mouse mapping
     * ({@link dev.isochron.render.camera.Viewport#update(int, int, int, int)}). A run without a window gets one that
     * ignores requests ({@link WindowControl#hasWindow()} false).
     */
    public WindowControl window()
    {
        return resources.window();
    }

    /** @return live statistics of the run (the same object {@link Frame#stats()} returns). */
    public RuntimeStats stats()
    {
        return resources.stats();
    }
}
