package dev.isochron.render.atlas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * A libGDX text atlas ({@code .atlas}, as TexturePacker and libGDX's packer write it), read and validated: its pages
 * and its regions, without any image. Both layouts are read: the one before libGDX 1.10 (a blank first line; every
 * region with {@code rotate}, {@code xy}, {@code size}, {@code orig}, {@code offset}, {@code index}) and the one from
 * 1.10 on ({@code bounds} and {@code offsets}, fields at their defaults left out, {@code pma} on pages).
 * <p>
 * The file is untrusted input: the read stops past {@value #MAX_FILE_BYTES} bytes, a line may hold at most
 * {@value #MAX_LINE_BYTES} bytes of UTF-8, an atlas at most {@value #MAX_PAGES} pages and {@value #MAX_REGIONS}
 * regions; every number is bounded and every region must lie inside its page. Anything else is refused with an
 * {@link AtlasFormatException} naming the file and line. Unknown fields are refused too, rather than silently
 * ignored as libGDX does, so that a region is never drawn from fields Isochron did not read; header lines (fields
 * before the first page) are skipped, as libGDX does.
 * <p>
 * Immutable; any thread. Reading allocates: start-up only.
 */
public final class AtlasFile
{
    /** Longest atlas file read, bytes. */
    public static final int MAX_FILE_BYTES = 16 << 20;
    /** Longest line, bytes of UTF-8 without the line end. */
    public static final int MAX_LINE_BYTES = 4096;
    /** Most pages in one atlas. */
    public static final int MAX_PAGES = 256;
    /** Most regions in one atlas. */
    public static final int MAX_REGIONS = 1 << 16;

    private final String label;
    private final Path directory;
    private final List<AtlasPage> pages;
    private final List<AtlasEntry> entries;

    AtlasFile(final String label, final Path directory, final List<AtlasPage> pages, final List<AtlasEntry> entries)
    {
        this.label = label;
        this.directory = directory;
        this.pages = List.copyOf(pages);
        this.entries = List.copyOf(entries);
    }

    /**
     * Reads and validates an atlas file; its pages are looked for in the file's directory.
     *
     * @throws UncheckedIOException naming the file with "not found", or the read error.
     * @throws AtlasFormatException naming the file and line of what is wrong.
     */
    public static AtlasFile read(final Path file)
    {
        final Path absolute = file.toAbsolutePath();
        final String label = absolute.toString();
        final byte[] content;
        try (InputStream in = Files.newInputStream(file))
        {
            content = in.readNBytes(MAX_FILE_BYTES + 1);
        }
        catch (final NoSuchFileException ex)
        {
            throw new UncheckedIOException(new IOException("atlas file " + label + " not found", ex));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(new IOException("atlas file " + label + " cannot be read: " + ex, ex));
        }
        return new AtlasFileParser(label, absolute.getParent(), content).parse();
    }

    /**
     * Validates atlas text held in memory; its pages' paths are then relative ({@link #pagePath(int)}).
     *
     * @param label names the atlas in errors.
     * @throws AtlasFormatException naming the label and line of what is wrong.
     */
    public static AtlasFile parse(final String label, final byte[] content)
    {
        return new AtlasFileParser(label, null, content).parse();
    }

    /** @return the atlas as errors name it: the absolute path of a file read, or the label given. */
    public String label()
    {
        return label;
    }

    /** @return the pages, in the file's order (a region's {@link AtlasEntry#page()} indexes it). */
    public List<AtlasPage> pages()
    {
        return pages;
    }

    /** @return the regions, in the file's order. */
    public List<AtlasEntry> entries()
    {
        return entries;
    }

    /**
     * @return where page {@code page}'s image is: its file name resolved against the atlas file's directory (the
     *         validation keeps it inside that directory), or the bare relative name for an atlas parsed from memory.
     */
    public Path pagePath(final int page)
    {
        final Path name = Path.of(pages.get(page).fileName());
        return null == directory ? name : directory.resolve(name);
    }
}
