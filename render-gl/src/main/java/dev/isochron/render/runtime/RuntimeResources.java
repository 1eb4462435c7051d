package dev.isochron.render.runtime;

import dev.isochron.render.atlas.AtlasFile;
import dev.isochron.render.atlas.TextureAtlas;
import dev.isochron.render.batch.GlDrawBackend;
import dev.isochron.render.batch.SpriteBatch;
import dev.isochron.render.context.GlContext;
import dev.isochron.render.context.GlfwWindowContext;
import dev.isochron.render.context.WindowControl;
import dev.isochron.render.gl.Framebuffer;
import dev.isochron.render.gl.ShaderProgram;
import dev.isochron.render.gl.Texture;
import dev.isochron.render.gl.TextureFilter;
import dev.isochron.render.gl.TextureLoader;
import dev.isochron.render.gl.TextureWrap;
import dev.isochron.render.pass.PassShader;
import dev.isochron.render.pass.RenderTarget;
import dev.isochron.render.text.Font;
import dev.isochron.render.texture.TextureHandle;
import dev.isochron.render.texture.TextureTable;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The texture keys of a run and what the runtime made for the application (font atlases, render targets'
 * framebuffers, pass shaders' programs): key 0 is the draw backend's white texture, keys from 1 are handed out in
 * order; render targets bind their own when the passes are installed. Render thread; start-up and shutdown only, but
 * for the run-time textures' per-frame step ({@link #textures()}).
 */
final class RuntimeResources
{
    private final GlContext context;
    private final GlDrawBackend glBackend;
    private final RuntimeStats stats;
    private final int width;
    private final int height;
    private final List<AutoCloseable> owned = new ArrayList<>();
    private final Font defaultFont;
    private final WindowControl window;
    private final TextureTable textures;
    private int nextTextureKey = 1;

    /**
     * @param context   the GL context, or null with the null renderer.
     * @param glBackend the GL draw backend, or null with the null renderer.
     */
    RuntimeResources(
        final GlContext context, final GlDrawBackend glBackend, final RuntimeStats stats, final int width,
        final int height, final Font defaultFont)
    {
        this.context = context;
        this.glBackend = glBackend;
        this.stats = stats;
        this.width = width;
        this.height = height;
        this.defaultFont = registerFont(defaultFont);
        this.window = context instanceof GlfwWindowContext ? ((GlfwWindowContext)context).control() :
            WindowControl.none(framebufferWidth(), framebufferHeight());
        this.textures = new TextureTable(glBackend, TextureTable.DEFAULT_CAPACITY,
            TextureTable.DEFAULT_UPLOAD_BYTES_PER_FRAME, TextureLoader.Limits.DEFAULT);
    }

    /** @return the window's control, or a windowless one. */
    WindowControl window()
    {
        return window;
    }

    /** @return the textures declared at init and loaded at run time; its {@code beginFrame} runs every frame. */
    TextureTable textures()
    {
        return textures;
    }

    TextureHandle declareTexture(final Path path, final TextureFilter filter, final TextureWrap wrap)
    {
        return textures.declare(path, filter, wrap, nextKey(), 0, 0);
    }

    TextureAtlas declareAtlas(final Path atlasFile)
    {
        return TextureAtlas.declare(AtlasFile.read(atlasFile), textures, this::nextKey);
    }

    boolean hasGl()
    {
        return null != context;
    }

    boolean isHeadless()
    {
        return null == context || context.isHeadless();
    }

    int framebufferWidth()
    {
        return null == context ? width : context.framebufferWidth();
    }

    int framebufferHeight()
    {
        return null == context ? height : context.framebufferHeight();
    }

    String glRenderer()
    {
        return null == context ? "null" : context.glRenderer();
    }

    String glVersion()
    {
        return null == context ? "null" : context.glVersion();
    }

    RuntimeStats stats()
    {
        return stats;
    }

    Font defaultFont()
    {
        return defaultFont;
    }

    int registerTexture(final Texture texture)
    {
        if (null != glBackend && null == texture)
        {
            throw new IllegalArgumentException("texture must not be null with renderer GL");
        }
        final int key = nextKey();
        if (null != glBackend)
        {
            glBackend.bindTexture(key, texture.textureName());
        }
        return key;
    }

    Font registerFont(final Font font)
    {
        if (null == font)
        {
            throw new IllegalArgumentException("font must not be null");
        }
        final int key = nextKey();
        if (null != glBackend)
        {
            final Texture atlas = font.uploadAtlas("font atlas " + font.name());
            owned.add(atlas);
            glBackend.bindTexture(key, atlas.textureName());
        }
        return font.textureKey(key);
    }

    /** A render target of its own texture key; a framebuffer the runtime owns with GL. */
    RenderTarget createTarget(final String label, final int width, final int height)
    {
        if (null == label)
        {
            throw new IllegalArgumentException("a render target needs a label");
        }
        final int key = nextKey();
        if (null == context)
        {
            return new RenderTarget(label, null, width, height, key);
        }
        final Framebuffer framebuffer = new Framebuffer(label, width, height, false);
        owned.add(framebuffer);
        return new RenderTarget(label, framebuffer, key);
    }

    /** A pass shader compiled from sources (with GL; unchecked without), owned by the runtime. */
    PassShader createShader(final String name, final String vertexSource, final String fragmentSource)
    {
        if (null == context)
        {
            return new PassShader(name, null);
        }
        final ShaderProgram program = ShaderProgram.fromSources(name, vertexSource, fragmentSource);
        owned.add(program);
        return new PassShader(name, program);
    }

    /**
     * Closes what the runtime made, the run-time textures first (their loader thread stops before anything else is
     * released), then the rest last made first, going on after a failure and throwing the first; render thread, GL
     * context current.
     */
    void close() throws Exception
    {
        try
        {
            textures.close();
        }
        finally
        {
            closeOwned();
        }
    }

    private void closeOwned() throws Exception
    {
        Exception first = null;
        for (int i = owned.size() - 1; i >= 0; i--)
        {
            try
            {
                owned.get(i).close();
            }
            catch (final Exception ex)
            {
                if (null == first)
                {
                    first = ex;
                }
                else
                {
                    first.addSuppressed(ex);
                }
            }
        }
        owned.clear();
        if (null != first)
        {
            throw first;
        }
    }

    private int nextKey()
    {
        if (nextTextureKey > SpriteBatch.MAX_TEXTURE_KEY)
        {
            throw new IllegalStateException("texture keys used up: at most " + SpriteBatch.MAX_TEXTURE_KEY +
                " textures and fonts may be registered");
        }
        return nextTextureKey++;
    }
}
