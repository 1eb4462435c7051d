package dev.isochron.render.runtime;

import dev.isochron.engine.io.FileKind;

import java.nio.file.Path;
import java.util.List;

/**
 * The window's features beyond its size and title (which {@link RuntimeConfig#size} and {@link RuntimeConfig#title}
 * set): its icon and whether it opens fullscreen. A fluent context like {@link RuntimeConfig}, whose
 * {@link #conclude()} (called by {@link RuntimeConfig#conclude()}) refuses an icon file that is missing or not a
 * regular file, naming the option and the file, before anything is started. Ignored by runs without a window
 * (headless, the null renderer).
 * <p>
 * At run time, {@link Init#window()} gives the application the window's
 * {@link dev.isochron.render.context.WindowControl}: fullscreen on and off from any thread, and the window's sizes.
 * <p>
 * Threading: build on one thread, then hand to {@code Isochron.run}, which reads it once at start-up.
 */
public final class WindowConfig
{
    private List<Path> icons = List.of();
    private boolean fullscreen;

    /**
     * @param icons the window icon's image files (PNG, or another format stb_image reads), of the sizes the platform
     *              picks from (e.g. 16, 32 and 48 pixels square, each side at most 1024); none to keep the platform's
     *              default icon. Each must be an existing regular file ({@link #conclude()}); a file that cannot be
     *              decoded fails the run's start, naming it. On Wayland and macOS, whose windows have no icon of their
     *              own, the run says so on System.err and goes on.
     * @return this.
     */
    public WindowConfig icons(final Path... icons)
    {
        ConfigChecks.requireNonNull(icons, "icons", "image files");
        for (int i = 0; i < icons.length; i++)
        {
            ConfigChecks.requireNonNull(icons[i], "icons[" + i + "]", "an image file");
        }
        this.icons = List.of(icons);
        return this;
    }

    /**
     * @param fullscreen whether the window opens fullscreen, on the monitor it opened on, in that monitor's current
     *                   video mode; the run's size stays the windowed size a later
     *                   {@code requestFullscreen(false)} returns to. Default false.
     * @return this.
     */
    public WindowConfig fullscreen(final boolean fullscreen)
    {
        this.fullscreen = fullscreen;
        return this;
    }

    /**
     * Refuses an icon the run could not read, before anything is started.
     *
     * @return this.
     * @throws IllegalArgumentException naming the option, the file and what was found there.
     */
    public WindowConfig conclude()
    {
        for (int i = 0; i < icons.size(); i++)
        {
            final Path icon = icons.get(i);
            final String kind = FileKind.of(icon);
            if (null == kind)
            {
                throw new IllegalArgumentException("window icons[" + i + "] " + icon.toAbsolutePath() +
                    " does not exist; give the path of a PNG file (WindowConfig.icons)");
            }
            if (!FileKind.REGULAR_FILE.equals(kind))
            {
                throw new IllegalArgumentException("window icons[" + i + "] " + icon.toAbsolutePath() + " is " + kind +
                    ", not a regular file; give the path of a PNG file (WindowConfig.icons)");
            }
        }
        return this;
    }

    /** @return the icon's image files, possibly none; read-only. */
    public List<Path> icons()
    {
        return icons;
    }

    /** @return whether the window opens fullscreen. */
    public boolean fullscreen()
    {
        return fullscreen;
    }
}
