package dev.isochron.render.context;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A window icon's files are decoded before the window opens; a file that cannot be an icon is named with the reason. */
class WindowIconsTest
{
    @TempDir
    Path dir;

    @Test
    void shouldDecodeEachImage() throws Exception
    {
        final Path file = dir.resolve("icon.png");
        ImageIO.write(new BufferedImage(16, 16, BufferedImage.TYPE_INT_ARGB), "png", file.toFile());

        try (WindowIcons icons = WindowIcons.decode(List.of(file, file)))
        {
            assertFalse(icons.isEmpty());
        }
    }

    @Test
    void shouldHaveNothingToSetWithoutFiles()
    {
        try (WindowIcons icons = WindowIcons.decode(List.of()))
        {
            assertTrue(icons.isEmpty());
            assertFalse(icons.applyTo(0L));
        }
    }

    @Test
    void shouldNameAFileThatIsNoImage() throws Exception
    {
        final Path file = Files.writeString(dir.resolve("icon.png"), "not an image");

        final IllegalArgumentException ex =
            assertThrows(IllegalArgumentException.class, () -> WindowIcons.decode(List.of(file)));
        assertTrue(ex.getMessage().startsWith("window icon " + file.toAbsolutePath() + " cannot be decoded: "),
            ex.getMessage());
        assertTrue(ex.getMessage().endsWith(" (12 bytes; give a PNG, or another format stb_image reads)"),
            ex.getMessage());
    }

    @Test
    void shouldNameAMissingFile()
    {
        final Path file = dir.resolve("gone.png");

        final IllegalArgumentException ex =
            assertThrows(IllegalArgumentException.class, () -> WindowIcons.decode(List.of(file)));
        assertEquals("window icon " + file.toAbsolutePath() + " does not exist", ex.getMessage());
    }

    /** A 26-byte BMP header announcing 4096x4096 pixels: refused before stb_image allocates for it. */
    @Test
    void shouldRefuseAnImageAnnouncingASideOverTheLimitBeforeDecodingIt() throws Exception
    {
        final ByteBuffer bmp = ByteBuffer.allocate(26).order(ByteOrder.LITTLE_ENDIAN);
        bmp.put((byte)'B').put((byte)'M').putInt(26).putInt(0).putInt(26);
        bmp.putInt(12).putShort((short)4096).putShort((short)4096).putShort((short)1).putShort((short)24);
        final Path file = Files.write(dir.resolve("huge.bmp"), bmp.array());

        final IllegalArgumentException ex =
            assertThrows(IllegalArgumentException.class, () -> WindowIcons.decode(List.of(file)));
        assertEquals("window icon " + file.toAbsolutePath() + " announces 4096x4096 pixels; each side must be in " +
            "[1, 1024] (refused before decoding)", ex.getMessage());
    }
}
