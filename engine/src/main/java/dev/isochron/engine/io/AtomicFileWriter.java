package dev.isochron.engine.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes an output file whole or not at all: the bytes go to a new temporary file beside the target
 * ({@code .<name>.<random>.tmp}, in the same directory, so on the same file system), which is forced to the device
 * ({@link FileChannel#force(boolean)}, where a full disk's deferred errors surface) and then renamed over the target
 * in one atomic step. Every write, the force and the rename are checked; any failure deletes the temporary file,
 * leaves the target as it was (absent, or its previous contents) and throws an {@link IOException} whose message
 * names what was written, the target and the reason: {@code cannot write run report /data/r.json: No space left on
 * device}.
 * <p>
 * Why: writing in place (as {@code Files.writeString} or stb_image_write's {@code fwrite} do) leaves an empty or
 * truncated file behind when the disk fills or the process dies, and a reader cannot tell it from a complete one.
 * <p>
 * Targets: a regular file (replaced; a read-only one is refused) or a new name in an existing directory. A target
 * that is a directory, a device ({@code /dev/full}, {@code /dev/null}), a FIFO or a socket is refused before
 * anything is written ({@link #unwritableReason(Path)}): a temporary file cannot be renamed over it, and writing
 * into it in place is exactly the half-written output this class exists to prevent. A symbolic link is followed:
 * the file it points to is replaced and the link kept. A new file gets the default permissions (umask); a replaced
 * one keeps its POSIX permissions. What is not guaranteed: the directory entry is not forced, so a power loss just
 * after {@link #commit()} may bring back the previous file (never a partial one); a process killed between open and
 * commit leaves its hidden temporary file behind.
 * <p>
 * Threading: one instance on one thread. Not for the frame path: it allocates and blocks on I/O.
 */
public final class AtomicFileWriter implements AutoCloseable
{
    /** What a caller writes through {@link #write(String, Path, Content)}. */
    @FunctionalInterface
    public interface Content
    {
        /**
         * Writes the file's contents.
         *
         * @param out buffered; flushed and committed after this returns. Closing it is allowed and does nothing.
         * @throws IOException when the contents cannot be produced or written: the target is then left as it was.
         */
        void writeTo(OutputStream out) throws IOException;
    }

    /** Creates the temporary file and opens it for writing; a test seam that can hand back a failing channel. */
    @FunctionalInterface
    interface TemporaryFiles
    {
        FileChannel create(Path temporary) throws IOException;
    }

    /** The production way: a new file (fails if the name exists), opened for writing. */
    static final TemporaryFiles NEW_FILE = temporary -> FileChannel.open(temporary, StandardOpenOption.CREATE_NEW,
        StandardOpenOption.WRITE);

    private static final int STREAM_BUFFER_BYTES = 64 * 1024;
    private static final int MAX_NAME_CHARS = 100;
    private static final int CREATE_ATTEMPTS = 8;

    private final String what;
    private final Path target;
    private final Path destination;
    private final Path temporary;
    private final FileChannel channel;
    private OutputStream stream;
    private boolean committed;
    private boolean closed;

    private AtomicFileWriter(
        final String what, final Path target, final Path destination, final Path temporary, final FileChannel channel)
    {
        this.what = what;
        this.target = target;
        this.destination = destination;
        this.temporary = temporary;
        this.channel = channel;
    }

    /**
     * Writes {@code content}'s bytes to {@code target}, whole or not at all.
     *
     * @param what    names the output in messages: {@code "run report"}, {@code "screenshot"}.
     * @param target  the file to create or replace.
     * @param content writes the bytes; an exception it throws leaves the target as it was.
     * @throws IOException naming {@code what}, the target and the reason when the file could not be written.
     */
    public static void write(final String what, final Path target, final Content content) throws IOException
    {
        if (null == content)
        {
            throw new IllegalArgumentException("content of " + what + " " + target + " must not be null");
        }
        try (AtomicFileWriter writer = open(what, target))
        {
            try
            {
                content.writeTo(writer.stream());
            }
            catch (final IOException ex)
            {
                throw writer.abort(ex);
            }
            writer.commit();
        }
    }

    /**
     * Writes {@code text} as UTF-8 to {@code target}, whole or not at all.
     *
     * @throws IOException naming {@code what}, the target and the reason when the file could not be written.
     */
    public static void writeString(final String what, final Path target, final CharSequence text) throws IOException
    {
        writeBytes(what, target, ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Writes the bytes from {@code bytes}'s position to its limit to {@code target}, whole or not at all; the
     * buffer's position is advanced by what was written.
     *
     * @throws IOException naming {@code what}, the target and the reason when the file could not be written.
     */
    public static void writeBytes(final String what, final Path target, final ByteBuffer bytes) throws IOException
    {
        try (AtomicFileWriter writer = open(what, target))
        {
            writer.write(bytes);
            writer.commit();
        }
    }

    /**
     * Checks {@code target} and creates the temporary file beside it. Nothing appears under the target's name until
     * {@link #commit()}; {@link #close()} without a commit deletes the temporary file.
     *
     * @param what   names the output in messages.
     * @param target the file to create or replace.
     * @return the writer; write through {@link #channel()}, {@link #stream()} or {@link #write(ByteBuffer)}.
     * @throws IOException naming {@code what}, the target and the reason when the target is refused
     *                     ({@link #unwritableReason(Path)}) or the temporary file cannot be created.
     */
    public static AtomicFileWriter open(final String what, final Path target) throws IOException
    {
        return open(what, target, NEW_FILE);
    }

    static AtomicFileWriter open(final String what, final Path target, final TemporaryFiles files) throws IOException
    {
        if (null == what || null == target)
        {
            throw new IllegalArgumentException("what and target must not be null, were " + what + " and " + target);
        }
        final String refused = unwritableReason(target);
        if (null != refused)
        {
            throw new IOException(message(what, target, refused));
        }
        final Path destination = destination(target);
        final Path directory = destination.getParent();
        final String name = destination.getFileName().toString();
        final String stem = "." + (name.length() > MAX_NAME_CHARS ? name.substring(0, MAX_NAME_CHARS) : name) + ".";
        for (int attempt = 1; ; attempt++)
        {
            final Path temporary = directory.resolve(
                stem + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE) + ".tmp");
            final FileChannel channel;
            try
            {
                channel = files.create(temporary);
            }
            catch (final FileAlreadyExistsException ex)
            {
                if (attempt < CREATE_ATTEMPTS)
                {
                    continue;
                }
                throw new IOException(message(what, target, "cannot create a temporary file in " + directory +
                    ": " + reason(ex)), ex);
            }
            catch (final IOException ex)
            {
                throw new IOException(message(what, target, "cannot create a temporary file in " + directory +
                    ": " + reason(ex)), ex);
            }
            final AtomicFileWriter writer = new AtomicFileWriter(what, target, destination, temporary, channel);
            if (Files.isRegularFile(destination))
            {
                try
                {
                    writer.keepPermissions();
                }
                catch (final IOException ex)
                {
                    throw writer.abort(ex);
                }
            }
            return writer;
        }
    }

    /**
     * Why {@code target} cannot be written by this class, in words that follow the path in a message, or null when
     * it can be tried (a write may still fail: a full disk, a quota).
     *
     * @return e.g. {@code "it is a character device, not a regular file; give the path of a regular file"},
     * {@code "it is a directory; give a file name"}, {@code "directory /x does not exist (create it first)"}.
     */
    public static String unwritableReason(final Path target)
    {
        if (null == target)
        {
            return "no path was given";
        }
        final Path destination = destination(target);
        final BasicFileAttributes attributes = attributes(destination);
        if (null != attributes)
        {
            if (attributes.isDirectory())
            {
                return "it is a directory; give a file name";
            }
            if (!attributes.isRegularFile())
            {
                final String kind = FileKind.of(destination);
                return "it is " + (null == kind ? "a special file" : kind) +
                    ", not a regular file; give the path of a regular file";
            }
            if (!Files.isWritable(destination))
            {
                return "the file is read-only";
            }
        }
        final Path directory = destination.getParent();
        if (null == directory || !Files.exists(directory))
        {
            return "directory " + directory + " does not exist (create it first)";
        }
        if (!Files.isDirectory(directory))
        {
            return directory + " is not a directory";
        }
        if (!Files.isWritable(directory))
        {
            return "directory " + directory + " is not writable";
        }
        return null;
    }

    /** @return the channel of the temporary file, positioned after what was written so far. */
    public FileChannel channel()
    {
        checkOpen();
        return channel;
    }

    /**
     * @return a buffered stream into the temporary file (the same one on every call); {@link #commit()} flushes it.
     * Closing it only flushes it.
     */
    public OutputStream stream()
    {
        checkOpen();
        if (null == stream)
        {
            stream = new BufferedOutputStream(new ChannelStream(), STREAM_BUFFER_BYTES);
        }
        return stream;
    }

    /**
     * Writes all of {@code bytes} (position to limit) to the temporary file.
     *
     * @throws IOException naming the output, the target and the reason; the temporary file is then deleted.
     */
    public void write(final ByteBuffer bytes) throws IOException
    {
        checkOpen();
        try
        {
            if (null != stream)
            {
                stream.flush();
            }
            writeFully(bytes);
        }
        catch (final IOException ex)
        {
            throw abort(ex);
        }
    }

    /**
     * Flushes what was written, forces it to the device, closes the temporary file and renames it over the target.
     *
     * @throws IOException naming the output, the target and the reason; the temporary file is then deleted and the
     *                     target left as it was.
     */
    public void commit() throws IOException
    {
        checkOpen();
        try
        {
            if (null != stream)
            {
                stream.flush();
            }
            channel.force(true);
            channel.close();
            Files.move(temporary, destination, StandardCopyOption.ATOMIC_MOVE);
            committed = true;
            closed = true;
        }
        catch (final IOException ex)
        {
            throw abort(ex);
        }
    }

    /**
     * Without a {@link #commit()}: closes and deletes the temporary file, leaving the target as it was. After a
     * commit: nothing. Idempotent.
     *
     * @throws UncheckedIOException naming the temporary file when it cannot be deleted.
     */
    public void close()
    {
        if (closed)
        {
            return;
        }
        final IOException failure = discard();
        if (null != failure)
        {
            throw new UncheckedIOException(failure.getMessage(), failure);
        }
    }

    /** @return the path given, named in messages. */
    public Path target()
    {
        return target;
    }

    /** @return the temporary file the bytes go to until {@link #commit()}. */
    public Path temporaryFile()
    {
        return temporary;
    }

    /** @return whether {@link #commit()} completed: the target holds exactly what was written. */
    public boolean committed()
    {
        return committed;
    }

    /**
     * Discards the temporary file after {@code cause} and returns the exception to throw: the cause's reason with
     * the output and the target named, and any failure to delete the temporary file added as suppressed.
     */
    IOException abort(final IOException cause)
    {
        final IOException failure = new IOException(message(what, target, reason(cause)), cause);
        if (!closed)
        {
            final IOException discarding = discard();
            if (null != discarding)
            {
                failure.addSuppressed(discarding);
            }
        }
        return failure;
    }

    private IOException discard()
    {
        closed = true;
        IOException failure = null;
        try
        {
            channel.close();
        }
        catch (final IOException ex)
        {
            failure = ex;
        }
        try
        {
            Files.deleteIfExists(temporary);
        }
        catch (final IOException ex)
        {
            final IOException deleting = new IOException("cannot delete the temporary file " + temporary + " of " +
                what + " " + target + ": " + reason(ex) + " (delete it by hand)", ex);
            if (null != failure)
            {
                deleting.addSuppressed(failure);
            }
            failure = deleting;
        }
        return failure;
    }

    private void keepPermissions() throws IOException
    {
        try
        {
            Files.setPosixFilePermissions(temporary, Files.getPosixFilePermissions(destination));
        }
        catch (final UnsupportedOperationException ex)
        {
            // not a POSIX file system: the new file has the default permissions, as a newly created one would
        }
    }

    private void writeFully(final ByteBuffer bytes) throws IOException
    {
        while (bytes.hasRemaining())
        {
            channel.write(bytes);
        }
    }

    private void checkOpen()
    {
        if (closed)
        {
            throw new IllegalStateException("the writer of " + what + " " + target + " is " +
                (committed ? "committed" : "closed") + ": open a new one with AtomicFileWriter.open");
        }
    }

    private static String message(final String what, final Path target, final String reason)
    {
        return "cannot write " + what + " " + target + ": " + reason;
    }

    /** @return the reason alone, without the temporary file's name that a {@link FileSystemException} carries. */
    static String reason(final IOException ex)
    {
        if (ex instanceof FileSystemException)
        {
            final String reason = ((FileSystemException)ex).getReason();
            if (null != reason && !reason.isEmpty())
            {
                return reason;
            }
            if (ex instanceof AccessDeniedException)
            {
                return "permission denied";
            }
            if (ex instanceof NoSuchFileException)
            {
                return "no such file or directory";
            }
            if (ex instanceof FileAlreadyExistsException)
            {
                return "a file of that name already exists";
            }
            if (ex instanceof DirectoryNotEmptyException)
            {
                return "a directory that is not empty is in the way";
            }
        }
        if (ex instanceof ClosedByInterruptException)
        {
            return "the writing thread was interrupted";
        }
        if (ex instanceof ClosedChannelException)
        {
            return "the file was closed while being written";
        }
        final String message = ex.getMessage();
        return null == message || message.isEmpty() ? ex.getClass().getSimpleName() : message;
    }

    /** @return the file a write replaces: {@code target} itself, or the file a symbolic link there points to. */
    private static Path destination(final Path target)
    {
        final Path absolute = target.toAbsolutePath().normalize();
        if (Files.isSymbolicLink(absolute))
        {
            try
            {
                return absolute.toRealPath();
            }
            catch (final IOException ex)
            {
                // a dangling link: the file replaces the link
                return absolute;
            }
        }
        return absolute;
    }

    private static BasicFileAttributes attributes(final Path path)
    {
        try
        {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        }
        catch (final IOException ex)
        {
            return null;
        }
    }

    /** The stream's sink: writes go straight to the channel; close only marks the end of the caller's use. */
    private final class ChannelStream extends OutputStream
    {
        public void write(final int b) throws IOException
        {
            writeFully(ByteBuffer.wrap(new byte[] {(byte)b}));
        }

        public void write(final byte[] bytes, final int offset, final int length) throws IOException
        {
            writeFully(ByteBuffer.wrap(bytes, offset, length));
        }

        public void close()
        {
        }
    }
}
