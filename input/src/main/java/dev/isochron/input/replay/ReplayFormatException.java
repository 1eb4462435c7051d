package dev.isochron.input.replay;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A recording is truncated, corrupt, of another format version or asks for absurd lengths. Thrown
 * by {@link InputReplay} while loading, before any event is applied; with {@link IOException} for
 * unreadable files, the only exception loading lets escape.
 */
public final class ReplayFormatException extends IOException
{
    private static final long serialVersionUID = 1L;

    private final transient Path path;
    private final long offset;
    private final String reason;

    /**
     * @param path   the recording.
     * @param offset byte offset in the file where the problem was found.
     * @param reason what is wrong, in words.
     */
    public ReplayFormatException(final Path path, final long offset, final String reason)
    {
        super("input recording " + path + " is invalid at offset " + offset + ": " + reason);
        this.path = path;
        this.offset = offset;
        this.reason = reason;
    }

    /** @return the recording. */
    public Path path()
    {
        return path;
    }

    /** @return byte offset in the file where the problem was found. */
    public long offset()
    {
        return offset;
    }

    /** @return what is wrong, in words. */
    public String reason()
    {
        return reason;
    }
}
