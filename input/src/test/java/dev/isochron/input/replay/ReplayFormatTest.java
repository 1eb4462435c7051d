package dev.isochron.input.replay;

import dev.isochron.engine.testing.SpecialFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.CRC32C;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class ReplayFormatTest
{
    private static final int FIRST_BLOCK = ReplayFormat.HEADER_LENGTH;

    @TempDir
    Path dir;

    private byte[] valid;

    @BeforeEach
    void record() throws Exception
    {
        final Path file = dir.resolve("valid.isoinput");
        ReplayDeterminismTest.recordUnderManualClock(file);
        valid = Files.readAllBytes(file);
        assertTrue(valid.length > FIRST_BLOCK + 1000);
    }

    private ReplayFormatException rejected(final String name, final byte[] bytes) throws IOException
    {
        final Path file = dir.resolve(name);
        Files.write(file, bytes);
        return assertThrows(ReplayFormatException.class, () -> InputReplay.open(file));
    }

    private static int blockLength(final byte[] bytes)
    {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(FIRST_BLOCK);
    }

    @Test
    void shouldRefuseAFifoInsteadOfBlockingOnIt() throws Exception
    {
        final Path fifo = SpecialFiles.mkfifo(dir.resolve("input.fifo"));

        final IOException ex = assertTimeoutPreemptively(Duration.ofSeconds(10),
            () -> assertThrows(IOException.class, () -> InputReplay.open(fifo)));

        assertEquals("input recording " + fifo + " is a FIFO (named pipe), not a regular file; give the path of a " +
            "file made by InputRecorder (recordPath, --record)", ex.getMessage());
    }

    @Test
    void shouldRefuseADirectoryNamingIt()
    {
        final IOException ex = assertThrows(IOException.class, () -> InputReplay.open(dir));

        assertEquals("input recording " + dir + " is a directory, not a regular file; give the path of a file made " +
            "by InputRecorder (recordPath, --record)", ex.getMessage());
    }

    @Test
    void shouldRejectEmptyFile() throws Exception
    {
        final ReplayFormatException ex = rejected("empty.isoinput", new byte[0]);
        assertEquals("input recording " + ex.path() + " is invalid at offset 0: empty file: expected a 40-byte header",
            ex.getMessage());
    }

    @Test
    void shouldRejectTruncatedFile() throws Exception
    {
        final byte[] bytes = Arrays.copyOf(valid, FIRST_BLOCK + 100);
        final ReplayFormatException ex = rejected("truncated.isoinput", bytes);
        assertEquals(FIRST_BLOCK, ex.offset());
        assertEquals("truncated block: length " + blockLength(valid) + " but only 92 bytes follow", ex.reason());
    }

    @Test
    void shouldRejectTruncatedHeader() throws Exception
    {
        final ReplayFormatException ex = rejected("short.isoinput", Arrays.copyOf(valid, 20));
        assertEquals("truncated header: file has 20 bytes, the header needs 40", ex.reason());
    }

    @Test
    void shouldRejectFlippedBit() throws Exception
    {
        final byte[] bytes = valid.clone();
        final int at = FIRST_BLOCK + ReplayFormat.BLOCK_HEADER_LENGTH + 37;
        bytes[at] ^= 0x10;
        final CRC32C crc = new CRC32C();
        crc.update(bytes, FIRST_BLOCK + ReplayFormat.BLOCK_HEADER_LENGTH, blockLength(bytes));
        final int stored = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(FIRST_BLOCK + 4);

        final ReplayFormatException ex = rejected("flipped.isoinput", bytes);

        assertEquals(FIRST_BLOCK, ex.offset());
        assertEquals(String.format("block CRC mismatch: stored 0x%08x, computed 0x%08x", stored, (int)crc.getValue()),
            ex.reason());
    }

    @Test
    void shouldRejectWrongVersion() throws Exception
    {
        final byte[] bytes = valid.clone();
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(ReplayFormat.VERSION_OFFSET, 2);
        final ReplayFormatException ex = rejected("v2.isoinput", bytes);
        assertEquals(ReplayFormat.VERSION_OFFSET, ex.offset());
        assertEquals("unsupported format version 2; this reader reads version 1", ex.reason());
    }

    @Test
    void shouldRejectHugeLengthField() throws Exception
    {
        final byte[] bytes = valid.clone();
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(FIRST_BLOCK, Integer.MAX_VALUE);
        final ReplayFormatException ex = rejected("huge.isoinput", bytes);
        assertEquals("input recording " + ex.path() + " is invalid at offset 40: block length 2147483647 is outside " +
            "[1, 1048576]", ex.getMessage());
    }

    @Test
    void shouldRejectFileThatIsNotARecording() throws Exception
    {
        final ReplayFormatException ex = rejected("text.isoinput", "hello, world, this is not a recording at all".getBytes());
        assertEquals(0, ex.offset());
        assertEquals("bad magic: not an Isochron input recording (expected ISOINPUT)", ex.reason());
    }

    @Test
    void shouldRejectFileLargerThanTheLimit() throws Exception
    {
        final Path file = dir.resolve("large.isoinput");
        Files.write(file, valid);
        final ReplayFormatException ex = assertThrows(ReplayFormatException.class, () -> InputReplay.open(file, 100));
        assertEquals("file is " + valid.length + " bytes, more than the 100-byte limit for a recording", ex.reason());
    }

    @Test
    void shouldOnlyThrowReplayFormatExceptionForRandomCorruption()
    {
        final SplittableRandom random = new SplittableRandom(7);
        final Path name = dir.resolve("fuzz.isoinput");
        for (int i = 0; i < 3_000; i++)
        {
            final byte[] bytes = Arrays.copyOf(valid, 1 + random.nextInt(Math.min(valid.length, 600)));
            final int flips = 1 + random.nextInt(4);
            for (int f = 0; f < flips; f++)
            {
                bytes[random.nextInt(bytes.length)] = (byte)random.nextInt(256);
            }
            if ((i & 1) == 0)
            {
                fixHeaderCrc(bytes);
            }
            try
            {
                InputReplay.parse(name, bytes);
            }
            catch (final ReplayFormatException expected)
            {
                assertTrue(expected.offset() >= 0 && expected.offset() <= bytes.length);
            }
            catch (final RuntimeException ex)
            {
                fail("case " + i + " escaped with " + ex, ex);
            }
        }
    }

    private static void fixHeaderCrc(final byte[] bytes)
    {
        if (bytes.length >= ReplayFormat.HEADER_LENGTH)
        {
            final CRC32C crc = new CRC32C();
            crc.update(bytes, 0, ReplayFormat.HEADER_CRC_OFFSET);
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(ReplayFormat.HEADER_CRC_OFFSET, (int)crc.getValue());
        }
    }
}
