package dev.isochron.render.context;

import dev.isochron.engine.checked.CheckedMode;

import java.nio.file.Path;
import java.util.List;

/**
 * Options for creating a {@link GlContext}: a fluent context whose setters check each value as given,
 * throwing {@link IllegalArgumentException} naming the option, its allowed range and the value.
 * <p>
 * Defaults suit most programs: 1280x720, title "Isochron", GL 3.3 core requested (drivers give their newest
 * core version, 4.5 on Mesa), vsync (swap interval 1), a depth/stencil buffer, no debug checks, leaks
 * reported on standard error rather than thrown, {@link ContextKind#AUTO}, checking mode as
 * {@link CheckedMode#ENABLED} says, windowed, no window icon.
 * <p>
 * Threading: build on one thread, then hand to a context constructor, which copies what it needs.
 */
public final class ContextOptions
{
    /** Default width and height of the window or headless framebuffer. */
    public static final int DEFAULT_WIDTH = 1280;
    /** Default height. */
    public static final int DEFAULT_HEIGHT = 720;
    /** Largest width or height accepted. */
    public static final int MAX_SIZE = 16384;

    private int width = DEFAULT_WIDTH;
    private int height = DEFAULT_HEIGHT;
    private String title = "Isochron";
    private int glMajorVersion = 3;
    private int glMinorVersion = 3;
    private int swapInterval = 1;
    private boolean depthStencil = true;
    private boolean debug;
    private boolean checked = CheckedMode.ENABLED;
    private boolean failOnLeak;
    private boolean visible = true;
    private ContextKind kind = ContextKind.AUTO;
    private WindowApi windowApi = WindowApi.AUTO;
    private List<Path> icons = List.of();
    private boolean fullscreen;

    /** Size of the window (in screen coordinates) or of the headless framebuffer (in pixels). */
    public ContextOptions size(final int width, final int height)
    {
        if (width < 1 || width > MAX_SIZE)
        {
            throw new IllegalArgumentException("width must be in [1, " + MAX_SIZE + "], was " + width);
        }
        if (height < 1 || height > MAX_SIZE)
        {
            throw new IllegalArgumentException("height must be in [1, " + MAX_SIZE + "], was " + height);
        }
        this.width = width;
        this.height = height;
        return this;
    }

    /** Window title; also names the context in reports. */
    public ContextOptions title(final String title)
    {
        if (title == null)
        {
            throw new IllegalArgumentException("title must not be null");
        }
        this.title = title;
        return this;
    }

    /** Requested core-profile version, at least 3.3; the driver may give a newer one. */
    public ContextOptions glVersion(final int major, final int minor)
    {
        if (major < 3 || major > 4 || minor < 0 || minor > 6 || (major == 3 && minor < 3))
        {
            throw new IllegalArgumentException("GL version must be a core profile in [3.3, 4.6], was " + major + "." + minor);
        }
        this.glMajorVersion = major;
        this.glMinorVersion = minor;
        return this;
    }

    /** Buffer swaps per vertical refresh: 0 = no vsync, 1 = vsync (ignored headless and under Xvfb). */
    public ContextOptions swapInterval(final int swapInterval)
    {
        if (swapInterval < 0 || swapInterval > 4)
        {
            throw new IllegalArgumentException("swapInterval must be in [0, 4], was " + swapInterval);
        }
        this.swapInterval = swapInterval;
        return this;
    }

    /** Whether the draw target has a depth24/stencil8 buffer. */
    public ContextOptions depthStencil(final boolean depthStencil)
    {
        this.depthStencil = depthStencil;
        return this;
    }

    /** Debug context: GL errors checked after this package's calls and KHR_debug output turned into exceptions. */
    public ContextOptions debug(final boolean debug)
    {
        this.debug = debug;
        return this;
    }

    /**
     * Checking mode for this context (default {@link CheckedMode#ENABLED}): its GL objects verify at each frame-path GL
     * entry point that the calling thread owns the context, and guard their off-heap memory (see
     * {@link dev.isochron.render.gl.GlObjectRegistry#checked()}).
     */
    public ContextOptions checked(final boolean checked)
    {
        this.checked = checked;
        return this;
    }

    /** Whether {@link GlContext#close()} throws (true) or prints to standard error (false) when GL objects leaked. */
    public ContextOptions failOnLeak(final boolean failOnLeak)
    {
        this.failOnLeak = failOnLeak;
        return this;
    }

    /** Whether a window is shown when created. */
    public ContextOptions visible(final boolean visible)
    {
        this.visible = visible;
        return this;
    }

    /** Which kind of context {@link ContextFactory} creates. */
    public ContextOptions kind(final ContextKind kind)
    {
        if (kind == null)
        {
            throw new IllegalArgumentException("kind must be one of " + java.util.Arrays.toString(ContextKind.values()) +
                ", was null");
        }
        this.kind = kind;
        return this;
    }

    /** Which API a window's context is created through; headless contexts use EGL whatever this says. */
    public ContextOptions windowApi(final WindowApi windowApi)
    {
        if (windowApi == null)
        {
            throw new IllegalArgumentException("windowApi must be one of " +
                java.util.Arrays.toString(WindowApi.values()) + ", was null");
        }
        this.windowApi = windowApi;
        return this;
    }

    /**
     * The window's icon: image files (PNG, or another format stb_image reads) of the sizes the platform picks from,
     * e.g. 16, 32 and 48 pixels square; none by default. Decoded when the window opens (a file that cannot be read or
     * decoded fails the window's creation, naming it); ignored headless, and on platforms whose windows have no icon
     * (Wayland, macOS), which the window says on standard error.
     */
    public ContextOptions icons(final List<Path> icons)
    {
        if (null == icons)
        {
            throw new IllegalArgumentException("icons must be a list of image files, was null");
        }
        for (int i = 0; i < icons.size(); i++)
        {
            if (null == icons.get(i))
            {
                throw new IllegalArgumentException("icons[" + i + "] must be an image file, was null");
            }
        }
        this.icons = List.copyOf(icons);
        return this;
    }

    /**
     * Whether a window opens fullscreen, on the monitor it opened on, in that monitor's current video mode;
     * {@link #size} stays the windowed size it returns to ({@link WindowControl#requestFullscreen(boolean)}). Ignored headless.
     */
    public ContextOptions fullscreen(final boolean fullscreen)
    {
        this.fullscreen = fullscreen;
        return this;
    }

    /** @return the window icon's image files, possibly empty; read-only. */
    public List<Path> icons()
    {
        return icons;
    }

    /** @return whether a window opens fullscreen. */
    public boolean fullscreen()
    {
        return fullscreen;
    }

    public int width()
    {
        return width;
    }

    public int height()
    {
        return height;
    }

    public String title()
    {
        return title;
    }

    public int glMajorVersion()
    {
        return glMajorVersion;
    }

    public int glMinorVersion()
    {
        return glMinorVersion;
    }

    public int swapInterval()
    {
        return swapInterval;
    }

    public boolean depthStencil()
    {
        return depthStencil;
    }

    public boolean debug()
    {
        return debug;
    }

    public boolean checked()
    {
        return checked;
    }

    public boolean failOnLeak()
    {
        return failOnLeak;
    }

    public boolean visible()
    {
        return visible;
    }

    public ContextKind kind()
    {
        return kind;
    }

    public WindowApi windowApi()
    {
        return windowApi;
    }

    public String toString()
    {
        return "ContextOptions{" + width + "x" + height + ", title='" + title + "', gl=" + glMajorVersion + "." +
            glMinorVersion + ", swapInterval=" + swapInterval + ", depthStencil=" + depthStencil + ", debug=" + debug + ", checked=" + checked +
            ", failOnLeak=" + failOnLeak + ", kind=" + kind + ", windowApi=" + windowApi + ", icons=" + icons + ", fullscreen=" + fullscreen + '}';
    }
}
