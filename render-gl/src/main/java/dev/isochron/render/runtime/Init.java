package dev.isochron.render.runtime;

import dev.isochron.render.atlas.TextureAtlas;
import dev.isochron.render.context.WindowControl;
import dev.isochron.render.gl.ShaderProgram;
import dev.isochron.render.gl.Texture;
import dev.isochron.render.gl.TextureFilter;
import dev.isochron.render.gl.TextureWrap;
import dev.isochron.render.pass.PassOrder;
import dev.isochron.render.pass.PassShader;
import dev.isochron.render.pass.RenderPass;
import dev.isochron.render.pass.RenderTarget;
import dev.isochron.render.text.Font;
import dev.isochron.render.texture.TextureHandle;

import java.nio.file.Path;

/**
 * What {@link Application#init(Init)} gets: the draw target's size, the registration of the textures and fonts
 * the frame's batches refer to by texture key, the declaration of textures and atlases loaded at run time, and the
 * frame's passes: the runtime's world and HUD passes
 * ({@link #worldPass()}, {@link #hudPass()}) and passes of the application's own ({@link #addPass}), with render
 * targets ({@link #createTarget}) and shaders ({@link #createShader}).
 * <p>
 * Threading: the render thread (GL context current when {@link #hasGl()}), during {@code init} only: once
 * {@code init} has returned, the registering methods throw. Not for the frame path.
 */
public final class Init
{
    /** The batch's vertex shader, the one {@link #createShader(String, String)} pairs a fragment shader with. */
    public static final String BATCH_VERTEX_SHADER = "dev/isochron/render/shaders/batch.vert";

    private final RuntimeResources resources;
    private final FrameSubmission submission;
    private boolean closed;

    Init(final RuntimeResources resources, final FrameSubmission submission)
    {
        this.resources = resources;
        this.submission = submission;
    }

    /** Ends registration: {@code init} has returned. */
    void close()
    {
        closed = true;
    }

    private void checkOpen(final String method)
    {
        if (closed)
        {
            throw new IllegalStateException("Init." + method + " called after Application.init returned: textures, " +
                "fonts, passes, render targets and shaders are registered during init");
        }
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
        checkOpen("registerTexture");
        return resources.registerTexture(texture);
    }

    /**
     * Declares a texture file to load at run time, with {@link TextureFilter#LINEAR} and
     * {@link TextureWrap#CLAMP_TO_EDGE}: see {@link #declareTexture(Path, TextureFilter, TextureWrap)}.
     */
    public TextureHandle declareTexture(final Path path)
    {
        return resources.declareTexture(path, TextureFilter.LINEAR, TextureWrap.CLAMP_TO_EDGE);
    }

    /**
     * Declares a texture file to load at run time: nothing is read now. {@link TextureHandle#load()}, from any thread
     * (here, in {@code render}, in {@code update}), has the runtime's loader thread read and decode it, and the render
     * thread upload it at the start of a later frame; {@link TextureHandle#unload()} releases it. Its texture key is
     * reserved now and draws a transparent placeholder until the texture is ready. A missing or undecodable file
     * fails the handle with a message naming it ({@link TextureHandle#failure()}); the run goes on.
     *
     * @return the handle, valid for the run; the runtime releases its texture at the end of the run.
     * @throws IllegalStateException when the texture keys, or the
     *                               {@value dev.isochron.render.texture.TextureTable#DEFAULT_CAPACITY} handles of a
     *                               run, are used up.
     */
    public TextureHandle declareTexture(final Path path, final TextureFilter filter, final TextureWrap wrap)
    {
        return resources.declareTexture(path, filter, wrap);
    }

    /**
     * Reads and validates a libGDX text atlas ({@code .atlas}, either TexturePacker layout) now, and declares a texture
     * per page (each page's image is looked for beside the atlas file); {@link TextureAtlas#load()} loads the pages
     * as {@link TextureHandle#load()} does. Its regions can be looked up, and drawn, at once: they show nothing until
     * their page is ready.
     *
     * @return the atlas, valid for the run.
     * @throws java.io.UncheckedIOException naming the atlas file when it is missing or unreadable.
     * @throws dev.isochron.render.atlas.AtlasFormatException naming the file and line of what is wrong in it.
     */
    public TextureAtlas declareAtlas(final Path atlasFile)
    {
        return resources.declareAtlas(atlasFile);
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
        checkOpen("registerFont");
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

    /**
     * Adds a pass with batches of its own, drawn after the passes of its {@code order} added before it (see
     * {@link PassOrder}). Record into {@code pass.sprites()} and {@code pass.shapes()} in {@code render}; configure
     * it (target, projection, shader, blend, viewport, scissor, uniforms) here.
     *
     * @param name           names the pass in errors.
     * @param spriteCapacity most sprites per frame, >= 1 (the frame's vertex memory grows by it).
     * @param shapeCapacity  most shape quads per frame, >= 1.
     * @throws IllegalStateException after {@code init} returned, or beyond
     *                               {@link dev.isochron.render.pass.PassRecorder#MAX_PASSES} passes.
     */
    public RenderPass addPass(final String name, final PassOrder order, final int spriteCapacity, final int shapeCapacity)
    {
        checkOpen("addPass");
        final RenderPass pass = new RenderPass(name, order, spriteCapacity, shapeCapacity);
        submission.passes().add(pass);
        return pass;
    }

    /**
     * @return the runtime's world pass ({@link Frame#shapes()} then {@link Frame#sprites()}, camera projection), to
     * configure like any pass: e.g. target a {@link RenderTarget} to post-process the world in a later pass.
     */
    public RenderPass worldPass()
    {
        checkOpen("worldPass");
        return submission.worldPass();
    }

    /** @return the runtime's HUD pass ({@link Frame#hudShapes()} then {@link Frame#hudSprites()}, pixel projection). */
    public RenderPass hudPass()
    {
        checkOpen("hudPass");
        return submission.hudPass();
    }

    /**
     * Makes an offscreen render target of {@code width x height} pixels (RGBA8) under a new texture key: a pass can
     * draw into it, and a later pass draw {@link RenderTarget#region()}. The runtime owns it and releases it at the end
     * of the run. With the null renderer it has a key and a size and nothing else.
     */
    public RenderTarget createTarget(final String label, final int width, final int height)
    {
        checkOpen("createTarget");
        return resources.createTarget(label, width, height);
    }

    /**
     * Compiles a pass shader from GLSL sources (the batch's vertex layout, see {@link PassShader}); the runtime owns it
     * and releases it at the end of the run. With the null renderer nothing is compiled.
     *
     * @throws dev.isochron.render.gl.ShaderCompileException naming the stage, the log and the failing lines.
     */
    public PassShader createShader(final String name, final String vertexSource, final String fragmentSource)
    {
        checkOpen("createShader");
        return resources.createShader(name, vertexSource, fragmentSource);
    }

    /**
     * Compiles a pass shader from a fragment shader alone, paired with the batch's own vertex shader (resource
     * {@value #BATCH_VERTEX_SHADER}: it passes {@code v_uv} and {@code v_colour} on), so that a post-processing or tint
     * shader is one stage to write; otherwise as {@link #createShader(String, String, String)}.
     */
    public PassShader createShader(final String name, final String fragmentSource)
    {
        checkOpen("createShader");
        return resources.createShader(name, ShaderProgram.readResource(BATCH_VERTEX_SHADER), fragmentSource);
    }

    /** As {@link #createShader}, from UTF-8 classpath resources. */
    public PassShader createShaderFromResources(final String name, final String vertexResource,
        final String fragmentResource)
    {
        checkOpen("createShaderFromResources");
        return resources.createShader(name, ShaderProgram.readResource(vertexResource),
            ShaderProgram.readResource(fragmentResource));
    }
}
