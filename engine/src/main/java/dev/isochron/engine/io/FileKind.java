package dev.isochron.engine.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What a path names on disk, in the words an error message uses: {@code "a regular file"}, {@code "a directory"},
 * {@code "a character device"}, {@code "a FIFO (named pipe)"}, ... Why: a file argument that turns out to be a
 * device or a FIFO must be refused before it is opened (opening a FIFO for reading blocks until a writer appears;
 * writing to {@code /dev/full} fails late), and the message should say what was found.
 * <p>
 * Threading: any thread; stateless. Not for the frame path (it reads file attributes).
 */
public final class FileKind
{
    /** How {@link #of(Path)} names a regular file. */
    public static final String REGULAR_FILE = "a regular file";
    /** How {@link #of(Path)} names a directory. */
    public static final String DIRECTORY = "a directory";

    private static final int TYPE_MASK = 0170000;
    private static final int TYPE_FIFO = 0010000;
    private static final int TYPE_CHARACTER_DEVICE = 0020000;
    private static final int TYPE_BLOCK_DEVICE = 0060000;
    private static final int TYPE_SOCKET = 0140000;

    private FileKind()
    {
    }

    /**
     * @param path a path; symbolic links are followed.
     * @return {@link #REGULAR_FILE}, {@link #DIRECTORY}, {@code "a character device"}, {@code "a block device"},
     * {@code "a FIFO (named pipe)"}, {@code "a socket"} or {@code "a special file"}; null when nothing is there (or
     * its attributes cannot be read).
     */
    public static String of(final Path path)
    {
        final BasicFileAttributes attributes;
        try
        {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        }
        catch (final IOException ex)
        {
            return null;
        }
        if (attributes.isRegularFile())
        {
            return REGULAR_FILE;
        }
        if (attributes.isDirectory())
        {
            return DIRECTORY;
        }
        return special(path);
    }

    /** @return whether {@code path} exists and is neither a regular file nor a directory (links followed). */
    public static boolean isSpecial(final Path path)
    {
        final String kind = of(path);
        return null != kind && !REGULAR_FILE.equals(kind) && !DIRECTORY.equals(kind);
    }

    private static String special(final Path path)
    {
        final int mode;
        try
        {
            mode = (Integer)Files.getAttribute(path.toRealPath(), "unix:mode", LinkOption.NOFOLLOW_LINKS);
        }
        catch (final IOException | UnsupportedOperationException | IllegalArgumentException ex)
        {
            return "a special file";
        }
        switch (mode & TYPE_MASK)
        {
            case TYPE_CHARACTER_DEVICE:
                return "a character device";
            case TYPE_BLOCK_DEVICE:
                return "a block device";
            case TYPE_FIFO:
                return "a FIFO (named pipe)";
            case TYPE_SOCKET:
                return "a socket";
            default:
                return "a special file";
        }
    }
}
