package dev.isochron.engine.io;

import dev.isochron.engine.testing.SpecialFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class AtomicFileWriterTest
{
    private static final String WHAT = "run report";
    private static final Path DEV_FULL = Path.of("/dev/full");
    private static final int MIB = 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void shouldLeaveExactlyTheCompleteFileAndNoTemporaryFile() throws IOException
    {
        final Path target = dir.resolve("report.json");
        final byte[] bytes = pattern(3 * MIB + 17);

        AtomicFileWriter.write(WHAT, target, out -> out.write(bytes));

        assertEquals(List.of("report.json"), names(dir));
        assertArrayEquals(bytes, Files.readAllBytes(target));
    }

    @Test
    void shouldReplaceAnExistingFileWhole() throws IOException
    {
        final Path target = dir.resolve("report.json");
        Files.writeString(target, "an older and much longer report than the new one");

        AtomicFileWriter.writeString(WHAT, target, "new");

        assertEquals("new", Files.readString(target));
        assertEquals(List.of("report.json"), names(dir));
    }

    @Test
    void shouldRefuseDevFullNamingThePathAndTheFix()
    {
        assumeTrue(Files.exists(DEV_FULL), "/dev/full is absent here");

        final IOException ex = assertThrows(IOException.class,
            () -> AtomicFileWriter.writeString(WHAT, DEV_FULL, "{}"));

        assertEquals("cannot write run report /dev/full: it is a character device, not a regular file; " +
            "give the path of a regular file", ex.getMessage());
    }

    @Test
    void shouldRefuseAFifoWithoutOpeningIt() throws Exception
    {
        final Path fifo = SpecialFiles.mkfifo(dir.resolve("pipe"));

        final IOException ex = assertThrows(IOException.class, () -> AtomicFileWriter.writeString(WHAT, fifo, "{}"));

        assertEquals("cannot write run report " + fifo + ": it is a FIFO (named pipe), not a regular file; " +
            "give the path of a regular file", ex.getMessage());
        assertEquals(List.of("pipe"), names(dir));
    }

    @Test
    void shouldRefuseADirectory() throws IOException
    {
        final Path target = Files.createDirectory(dir.resolve("out"));

        final IOException ex = assertThrows(IOException.class, () -> AtomicFileWriter.writeString(WHAT, target, "{}"));

        assertEquals("cannot write run report " + target + ": it is a directory; give a file name", ex.getMessage());
    }

    @Test
    void shouldRefuseAMissingDirectoryNamingIt()
    {
        final Path target = dir.resolve("missing").resolve("report.json");

        final IOException ex = assertThrows(IOException.class, () -> AtomicFileWriter.writeString(WHAT, target, "{}"));

        assertEquals("cannot write run report " + target + ": directory " + dir.resolve("missing") +
            " does not exist (create it first)", ex.getMessage());
    }

    @Test
    void shouldLeaveNoTargetAndNoTemporaryFileWhenTheContentFailsMidWrite() throws IOException
    {
        final Path target = dir.resolve("frames.csv");

        final IOException ex = assertThrows(IOException.class, () -> AtomicFileWriter.write(WHAT, target, out ->
        {
            out.write(pattern(MIB));
            throw new IOException("the disk was pulled");
        }));

        assertEquals("cannot write run report " + target + ": the disk was pulled", ex.getMessage());
        assertEquals(List.of(), names(dir));
    }

    @Test
    void shouldKeepThePreviousFileWhenTheContentFails() throws IOException
    {
        final Path target = dir.resolve("report.json");
        Files.writeString(target, "previous");

        assertThrows(IllegalStateException.class, () -> AtomicFileWriter.write(WHAT, target, out ->
        {
            out.write(pattern(1000));
            throw new IllegalStateException("no report to write");
        }));

        assertEquals("previous", Files.readString(target));
        assertEquals(List.of("report.json"), names(dir));
    }

    @Test
    void shouldFailNamingTheTargetAndLeaveNothingWhenTheDiskIsFull() throws IOException
    {
        assumeTrue(Files.isWritable(DEV_FULL), "/dev/full is absent here");
        final Path target = dir.resolve("shot.png");
        // the temporary file is created where it belongs, but its bytes go to /dev/full: every write fails ENOSPC
        final AtomicFileWriter.TemporaryFiles full = temporary ->
        {
            Files.createFile(temporary);
            return FileChannel.open(DEV_FULL, StandardOpenOption.WRITE);
        };

        final IOException ex = assertThrows(IOException.class, () ->
        {
            try (AtomicFileWriter writer = AtomicFileWriter.open("screenshot", target, full))
            {
                writer.write(ByteBuffer.wrap(pattern(MIB)));
                writer.commit();
            }
        });

        assertEquals("cannot write screenshot " + target + ": No space left on device", ex.getMessage());
        assertEquals(List.of(), names(dir));
    }

    @Test
    void shouldLeaveNoTemporaryFileWhenTheRenameFails() throws IOException
    {
        final Path target = dir.resolve("report.json");
        final AtomicFileWriter writer = AtomicFileWriter.open(WHAT, target);
        writer.write(ByteBuffer.wrap(pattern(100)));
        // something takes the name before the commit: a directory that is not empty cannot be renamed over
        Files.createDirectory(target);
        Files.writeString(target.resolve("inside"), "x");

        final IOException ex = assertThrows(IOException.class, writer::commit);

        assertTrue(ex.getMessage().startsWith("cannot write run report " + target + ": "), ex.getMessage());
        assertEquals(List.of("report.json"), names(dir));
        assertTrue(Files.isDirectory(target));
    }

    @Test
    void shouldDeleteTheTemporaryFileWhenClosedWithoutACommit() throws IOException
    {
        final Path target = dir.resolve("input.rec");
        final AtomicFileWriter writer = AtomicFileWriter.open("input recording", target);
        writer.write(ByteBuffer.wrap(pattern(100)));
        assertTrue(Files.exists(writer.temporaryFile()));

        writer.close();

        assertEquals(List.of(), names(dir));
        assertFalse(writer.committed());
    }

    @Test
    void shouldShowNothingUnderTheTargetNameBeforeTheCommit() throws IOException
    {
        final Path target = dir.resolve("input.rec");
        try (AtomicFileWriter writer = AtomicFileWriter.open("input recording", target))
        {
            writer.write(ByteBuffer.wrap(pattern(100)));

            assertFalse(Files.exists(target));
            assertEquals(dir, writer.temporaryFile().getParent());
            assertTrue(writer.temporaryFile().getFileName().toString().startsWith(".input.rec."),
                writer.temporaryFile().toString());

            writer.commit();
        }
        assertEquals(100, Files.size(target));
    }

    @Test
    void shouldReplaceTheFileASymbolicLinkPointsToAndKeepTheLink() throws IOException
    {
        final Path real = dir.resolve("real.json");
        Files.writeString(real, "old");
        final Path link = Files.createSymbolicLink(dir.resolve("link.json"), real);

        AtomicFileWriter.writeString(WHAT, link, "new");

        assertTrue(Files.isSymbolicLink(link));
        assertEquals("new", Files.readString(real));
    }

    @Test
    void shouldKeepThePermissionsOfAReplacedFile() throws IOException
    {
        final Path target = dir.resolve("report.json");
        Files.writeString(target, "old");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r-----"));

        AtomicFileWriter.writeString(WHAT, target, "new");

        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
    }

    @Test
    void shouldWriteUtf8Text() throws IOException
    {
        final Path target = dir.resolve("summary.md");

        AtomicFileWriter.writeString("summary", target, "p99 \u2264 16.7 ms");

        assertArrayEquals("p99 \u2264 16.7 ms".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(target));
    }

    private static byte[] pattern(final int length)
    {
        final byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++)
        {
            bytes[i] = (byte)(i * 31 + (i >>> 9));
        }
        return bytes;
    }

    private static List<String> names(final Path directory) throws IOException
    {
        try (Stream<Path> files = Files.list(directory))
        {
            return files.map(path -> path.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }
}
