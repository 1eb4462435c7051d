package dev.isochron.render.atlas;

import dev.isochron.render.gl.TextureFilter;
import dev.isochron.render.gl.TextureWrap;

/**
 * One page of an atlas file: the image its regions are cut from, with the sampling the packer asked for. Immutable.
 * <p>
 * libGDX's filters map to Isochron's: any {@code MipMap*} minification filter to {@link TextureFilter#LINEAR_MIPMAP},
 * {@code Nearest,Nearest} to {@link TextureFilter#NEAREST}, anything else to {@link TextureFilter#LINEAR}. Isochron's
 * textures wrap both axes alike: {@code repeat: x}, {@code y} or {@code xy} give {@link TextureWrap#REPEAT},
 * {@code none} {@link TextureWrap#CLAMP_TO_EDGE}. The pixel format is read (and checked) but the image is decoded to
 * RGBA8 whatever it says.
 */
public final class AtlasPage
{
    private final String fileName;
    private final int line;
    private final int width;
    private final int height;
    private final String format;
    private final TextureFilter filter;
    private final TextureWrap wrap;
    private final boolean premultipliedAlpha;

    AtlasPage(
        final String fileName, final int line, final int width, final int height, final String format,
        final TextureFilter filter, final TextureWrap wrap, final boolean premultipliedAlpha)
    {
        this.fileName = fileName;
        this.line = line;
        this.width = width;
        this.height = height;
        this.format = format;
        this.filter = filter;
        this.wrap = wrap;
        this.premultipliedAlpha = premultipliedAlpha;
    }

    /** @return the image's file name as written, relative to the atlas file's directory. */
    public String fileName()
    {
        return fileName;
    }

    /** @return the line of the atlas file that names the page. */
    public int line()
    {
        return line;
    }

    /** @return the page's width in pixels, or 0 when the file does not say (an atlas packed before 2013). */
    public int width()
    {
        return width;
    }

    /** @return the page's height in pixels, or 0 when the file does not say. */
    public int height()
    {
        return height;
    }

    /** @return libGDX's pixel format name ({@code RGBA8888} when the file does not say). */
    public String format()
    {
        return format;
    }

    /** @return the filter the page's texture is made with. */
    public TextureFilter filter()
    {
        return filter;
    }

    /** @return the wrap mode the page's texture is made with. */
    public TextureWrap wrap()
    {
        return wrap;
    }

    /** @return whether the packer premultiplied the page's alpha ({@code pma: true}). */
    public boolean premultipliedAlpha()
    {
        return premultipliedAlpha;
    }
}
