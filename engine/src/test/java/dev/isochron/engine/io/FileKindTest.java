package dev.isochron.engine.io;

import dev.isochron.engine.testing.SpecialFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class FileKindTest
{
    @TempDir
    Path dir;

    @Test
    void shouldNameARegularFile() throws Exception
    {
        assertEquals("a regular file", FileKind.of(Files.writeString(dir.resolve("f"), "x")));
    }

    @Test
    void shouldNameADirectory()
    {
        assertEquals("a directory", FileKind.of(dir));
    }

    @Test
    void shouldNameAFifoAsSpecial() throws Exception
    {
        final Path fifo = SpecialFiles.mkfifo(dir.resolve("pipe"));

        assertEquals("a FIFO (named pipe)", FileKind.of(fifo));
        assertTrue(FileKind.isSpecial(fifo));
    }

    @Test
    void shouldNameACharacterDeviceAsSpecial()
    {
        final Path devFull = Path.of("/dev/full");
        assumeTrue(Files.exists(devFull), "/dev/full is absent here");

        assertEquals("a character device", FileKind.of(devFull));
        assertTrue(FileKind.isSpecial(devFull));
    }

    @Test
    void shouldFollowASymbolicLinkToAFifo() throws Exception
    {
        final Path fifo = SpecialFiles.mkfifo(dir.resolve("pipe"));
        final Path link = Files.createSymbolicLink(dir.resolve("link"), fifo);

        assertEquals("a FIFO (named pipe)", FileKind.of(link));
    }

    @Test
    void shouldGiveNullForNothing()
    {
        assertNull(FileKind.of(dir.resolve("missing")));
        assertFalse(FileKind.isSpecial(dir.resolve("missing")));
    }
}
