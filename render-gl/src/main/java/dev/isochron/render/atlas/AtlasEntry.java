package dev.isochron.render.atlas;

/**
 * One region of an atlas file as the packer wrote it: its name and animation index, the rectangle on its page, and
 * what stripping whitespace and rotating took away. Immutable; what {@link TextureAtlas} turns into
 * {@link dev.isochron.render.batch.AtlasRegion}s.
 * <p>
 * Coordinates are libGDX's: {@link #x()} and {@link #y()} are the rectangle's top-left corner in page pixels (y down);
 * {@link #width()} and {@link #height()} are the packed image's size before rotation, so a region rotated by 90
 * degrees covers {@code height x width} pixels of its page. {@link #offsetX()} and {@link #offsetY()} place the packed
 * image inside the original one, {@code offsetY} measured from the original's bottom edge (libGDX is y-up);
 * {@link #offsetTop()} gives the same from the top edge.
 */
public final class AtlasEntry
{
    private final String name;
    private final int line;
    private final int page;
    private final int index;
    private final int x;
    private final int y;
    private final int width;
    private final int height;
    private final int degrees;
    private final int offsetX;
    private final int offsetY;
    private final int originalWidth;
    private final int originalHeight;
    private final int[] splits;
    private final int[] pads;

    AtlasEntry(
        final String name, final int line, final int page, final int index, final int x, final int y, final int width,
        final int height, final int degrees, final int offsetX, final int offsetY, final int originalWidth,
        final int originalHeight, final int[] splits, final int[] pads)
    {
        this.name = name;
        this.line = line;
        this.page = page;
        this.index = index;
        this.x = x;
        this.y = y;
        this.width = width;
        this.height = height;
        this.degrees = degrees;
        this.offsetX = offsetX;
        this.offsetY = offsetY;
        this.originalWidth = originalWidth;
        this.originalHeight = originalHeight;
        this.splits = splits;
        this.pads = pads;
    }

    /** @return the region's name: the packed image's file name without its index and extension. */
    public String name()
    {
        return name;
    }

    /** @return the line of the atlas file that names the region. */
    public int line()
    {
        return line;
    }

    /** @return the index of its page in {@link AtlasFile#pages()}. */
    public int page()
    {
        return page;
    }

    /** @return the animation frame's index (the number ending the image's file name), or -1 when it has none. */
    public int index()
    {
        return index;
    }

    /** @return the left edge on the page, pixels. */
    public int x()
    {
        return x;
    }

    /** @return the top edge on the page, pixels (y down). */
    public int y()
    {
        return y;
    }

    /** @return the packed image's width before rotation, pixels. */
    public int width()
    {
        return width;
    }

    /** @return the packed image's height before rotation, pixels. */
    public int height()
    {
        return height;
    }

    /** @return the rotation the packer applied, degrees counter-clockwise (0 or 90 from TexturePacker). */
    public int degrees()
    {
        return degrees;
    }

    /** @return pixels stripped from the original image's left edge. */
    public int offsetX()
    {
        return offsetX;
    }

    /** @return pixels stripped from the original image's bottom edge (libGDX's y-up offset). */
    public int offsetY()
    {
        return offsetY;
    }

    /** @return pixels stripped from the original image's top edge: {@code originalHeight - offsetY - height}. */
    public int offsetTop()
    {
        return originalHeight - offsetY - height;
    }

    /** @return the original image's width before whitespace was stripped. */
    public int originalWidth()
    {
        return originalWidth;
    }

    /** @return the original image's height before whitespace was stripped. */
    public int originalHeight()
    {
        return originalHeight;
    }

    /** @return the nine-patch splits (left, right, top, bottom), a copy, or null when the image had none. */
    public int[] splits()
    {
        return null == splits ? null : splits.clone();
    }

    /** @return the nine-patch padding (left, right, top, bottom), a copy, or null when the image had none. */
    public int[] pads()
    {
        return null == pads ? null : pads.clone();
    }
}
