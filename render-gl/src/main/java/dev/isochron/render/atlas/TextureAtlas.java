package dev.isochron.render.atlas;

import dev.isochron.render.batch.AtlasRegion;
import dev.isochron.render.texture.TextureHandle;
import dev.isochron.render.texture.TextureTable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * An atlas file's regions as {@link AtlasRegion}s, found by name (and index, for animation frames), with a
 * {@link TextureHandle} per page: made at init ({@code Init.declareAtlas}), loaded and unloaded like any declared
 * texture. The regions exist from the start: drawn before their page is ready they show nothing (the page's key draws
 * the transparent placeholder until then).
 * <p>
 * Regions of one name are ordered by index, as libGDX orders them: lowest first, those without an index (-1) last,
 * the file's order among equals. {@link #region(String)} is the first of them.
 * <p>
 * What Isochron's {@link dev.isochron.render.batch.SpriteBatch} cannot draw is refused when the atlas is made, naming
 * the file and line: a region rotated by the packer (pack with rotation off), a page with premultiplied alpha (pack
 * with {@code premultiplyAlpha} off: the batch blends straight alpha), a page without its size (an atlas packed before
 * 2013: pack it again).
 * <p>
 * Immutable after construction; lookups allocate nothing but {@link #regions(String)}'s copy. Look regions up at init
 * and keep them: a lookup hashes the name.
 */
public final class TextureAtlas
{
    private static final AtlasRegion[] NONE = new AtlasRegion[0];

    private final AtlasFile file;
    private final TextureHandle[] pages;
    private final AtlasRegion[] regions;
    private final Map<String, AtlasRegion[]> byName = new HashMap<>();
    private final Map<String, int[]> indicesByName = new HashMap<>();

    /**
     * Makes the atlas of {@code file} over page textures already declared, one per page in the file's order.
     *
     * @throws AtlasFormatException naming the file and line of a region or page Isochron cannot draw.
     * @throws IllegalArgumentException when the handles do not match the pages.
     */
    public TextureAtlas(final AtlasFile file, final TextureHandle[] pages)
    {
        checkDrawable(file);
        if (pages.length != file.pages().size())
        {
            throw Messages.pageCountMismatch(file, pages.length);
        }
        this.file = file;
        this.pages = pages.clone();
        final List<AtlasEntry> entries = file.entries();
        regions = new AtlasRegion[entries.size()];
        for (int i = 0; i < regions.length; i++)
        {
            final AtlasEntry entry = entries.get(i);
            final AtlasPage page = file.pages().get(entry.page());
            regions[i] = AtlasRegion.ofPixels(pages[entry.page()].textureKey(), page.width(), page.height(),
                entry.x(), entry.y(), entry.width(), entry.height());
        }
        indexByName(entries);
    }

    /**
     * Declares a texture per page of {@code file} in {@code table} (each page's file, filter, wrap and size) and makes
     * the atlas over them. Render thread, at init.
     *
     * @param keys hands out a texture key per page.
     * @throws AtlasFormatException naming the file and line of a region or page Isochron cannot draw (before any page is
     *                              declared).
     */
    public static TextureAtlas declare(final AtlasFile file, final TextureTable table, final IntSupplier keys)
    {
        checkDrawable(file);
        final List<AtlasPage> filePages = file.pages();
        final TextureHandle[] handles = new TextureHandle[filePages.size()];
        for (int p = 0; p < handles.length; p++)
        {
            final AtlasPage page = filePages.get(p);
            handles[p] = table.declare(file.pagePath(p), page.filter(), page.wrap(), keys.getAsInt(), page.width(),
                page.height());
        }
        return new TextureAtlas(file, handles);
    }

    /** @throws AtlasFormatException naming the file and line of the first region or page Isochron cannot draw. */
    public static void checkDrawable(final AtlasFile file)
    {
        final List<AtlasPage> filePages = file.pages();
        for (int p = 0; p < filePages.size(); p++)
        {
            final AtlasPage page = filePages.get(p);
            if (0 == page.width())
            {
                throw Messages.noPageSize(file, page);
            }
            if (page.premultipliedAlpha())
            {
                throw Messages.premultiplied(file, page);
            }
        }
        final List<AtlasEntry> entries = file.entries();
        for (int i = 0; i < entries.size(); i++)
        {
            final AtlasEntry entry = entries.get(i);
            if (0 != entry.degrees())
            {
                throw Messages.rotated(file, entry);
            }
        }
    }

    private void indexByName(final List<AtlasEntry> entries)
    {
        final Map<String, List<Integer>> grouped = new HashMap<>();
        for (int i = 0; i < entries.size(); i++)
        {
            grouped.computeIfAbsent(entries.get(i).name(), name -> new ArrayList<>()).add(i);
        }
        for (final Map.Entry<String, List<Integer>> group : grouped.entrySet())
        {
            final List<Integer> members = group.getValue();
            // lowest index first, no index (-1) last, the file's order among equals (a stable sort)
            members.sort((a, b) -> Integer.compareUnsigned(entries.get(a).index(), entries.get(b).index()));
            final AtlasRegion[] named = new AtlasRegion[members.size()];
            final int[] indices = new int[members.size()];
            for (int k = 0; k < named.length; k++)
            {
                named[k] = regions[members.get(k)];
                indices[k] = entries.get(members.get(k)).index();
            }
            byName.put(group.getKey(), named);
            indicesByName.put(group.getKey(), indices);
        }
    }

    /** @return the atlas file it was made from. */
    public AtlasFile file()
    {
        return file;
    }

    /** @return whether a region has this name. */
    public boolean hasRegion(final String name)
    {
        return byName.containsKey(name);
    }

    /**
     * @return the region of this name with the lowest index (the only one, for a region that is no animation).
     * @throws IllegalArgumentException naming the atlas and some of its regions when none has the name.
     */
    public AtlasRegion region(final String name)
    {
        final AtlasRegion[] named = byName.get(name);
        if (null == named)
        {
            throw Messages.noRegion(file, byName, name, Integer.MIN_VALUE);
        }
        return named[0];
    }

    /**
     * @return the region of this name and index (an animation's frame).
     * @throws IllegalArgumentException naming the atlas, the indices it has for the name, or some of its regions.
     */
    public AtlasRegion region(final String name, final int index)
    {
        final int[] indices = indicesByName.get(name);
        if (null == indices)
        {
            throw Messages.noRegion(file, byName, name, index);
        }
        for (int k = 0; k < indices.length; k++)
        {
            if (indices[k] == index)
            {
                return byName.get(name)[k];
            }
        }
        throw Messages.noIndex(file, name, index, indices);
    }

    /** @return the regions of this name ordered by index (an animation's frames), a new array; empty when none. */
    public AtlasRegion[] regions(final String name)
    {
        final AtlasRegion[] named = byName.get(name);
        return null == named ? NONE : named.clone();
    }

    /** @return regions in the atlas. */
    public int regionCount()
    {
        return regions.length;
    }

    /** @return region {@code i}, in the file's order ({@link AtlasFile#entries()} describes it). */
    public AtlasRegion region(final int i)
    {
        return regions[i];
    }

    /** @return pages in the atlas. */
    public int pageCount()
    {
        return pages.length;
    }

    /** @return the texture of page {@code page}. */
    public TextureHandle page(final int page)
    {
        return pages[page];
    }

    /** Asks for every page's texture ({@link TextureHandle#load()}). Any thread; allocation-free. */
    public void load()
    {
        for (int p = 0; p < pages.length; p++)
        {
            pages[p].load();
        }
    }

    /** Releases every page's texture ({@link TextureHandle#unload()}). Any thread; allocation-free. */
    public void unload()
    {
        for (int p = 0; p < pages.length; p++)
        {
            pages[p].unload();
        }
    }

    /** @return whether every page is uploaded. Allocation-free. */
    public boolean isReady()
    {
        for (int p = 0; p < pages.length; p++)
        {
            if (!pages[p].isReady())
            {
                return false;
            }
        }
        return true;
    }

    /** @return whether a page failed to load. Allocation-free. */
    public boolean failed()
    {
        for (int p = 0; p < pages.length; p++)
        {
            if (pages[p].failed())
            {
                return true;
            }
        }
        return false;
    }

    /** @return the first failed page's message (naming its file), or null when none failed. */
    public String failure()
    {
        for (int p = 0; p < pages.length; p++)
        {
            final String failure = pages[p].failure();
            if (null != failure)
            {
                return failure;
            }
        }
        return null;
    }

    /**
     * The messages, in a class of their own so that TextureAtlas holds no String constant: {@link #load()} and
     * {@link #isReady()} may run every frame (see {@code ClassConstants} in the engine test-jar).
     */
    private static final class Messages
    {
        private Messages()
        {
        }

        static IllegalArgumentException pageCountMismatch(final AtlasFile file, final int handles)
        {
            return new IllegalArgumentException("atlas " + file.label() + " has " + file.pages().size() +
                " pages, but " + handles + " texture handles were given");
        }

        static AtlasFormatException noPageSize(final AtlasFile file, final AtlasPage page)
        {
            return new AtlasFormatException(file.label(), page.line(), "page '" + page.fileName() + "' has no " +
                "'size: width, height' (an atlas packed before 2013): pack it again, or add the page's size");
        }

        static AtlasFormatException premultiplied(final AtlasFile file, final AtlasPage page)
        {
            return new AtlasFormatException(file.label(), page.line(), "page '" + page.fileName() + "' has " +
                "premultiplied alpha (pma: true), and Isochron's batches blend straight alpha: pack it with " +
                "premultiplyAlpha false");
        }

        static AtlasFormatException rotated(final AtlasFile file, final AtlasEntry entry)
        {
            return new AtlasFormatException(file.label(), entry.line(), "region '" + entry.name() + "' is " +
                "rotated by " + entry.degrees() + " degrees, and Isochron's SpriteBatch draws texture " +
                "rectangles unrotated: pack the atlas with rotation off (TexturePacker: rotation false)");
        }

        static IllegalArgumentException noIndex(
            final AtlasFile file, final String name, final int index, final int[] indices)
        {
            return new IllegalArgumentException("atlas " + file.label() + " has no region '" + name +
                "' with index " + index + "; its indices for that name: " + java.util.Arrays.toString(indices));
        }

        /** @param index the index asked for, or {@link Integer#MIN_VALUE} when none was. */
        static IllegalArgumentException noRegion(
            final AtlasFile file, final Map<String, AtlasRegion[]> byName, final String name, final int index)
        {
            final StringBuilder known = new StringBuilder();
            int listed = 0;
            for (final String other : byName.keySet())
            {
                if (listed == 10)
                {
                    known.append(", ...");
                    break;
                }
                known.append(0 == listed ? "" : ", ").append('\'').append(other).append('\'');
                listed++;
            }
            return new IllegalArgumentException("atlas " + file.label() + " has no region '" + name + "'" +
                (Integer.MIN_VALUE == index ? "" : " (index " + index + ")") + "; it has " + byName.size() +
                " names: " + known);
        }
    }
}
