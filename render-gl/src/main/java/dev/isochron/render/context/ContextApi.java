package dev.isochron.render.context;

/**
 * The API a GL context was created through; the run report names it ({@code contextApi}), since presentation cost
 * differs by API on the same driver (Mesa's llvmpipe under X11: GLX presents through shared memory, EGL does not).
 */
public enum ContextApi
{
    /** EGL: headless contexts (Mesa surfaceless), and windows where it was asked for or the native API failed. */
    EGL("egl"),
    /** GLX, the native window API on X11. */
    GLX("glx"),
    /** WGL, the native window API on Windows. */
    WGL("wgl"),
    /** NSGL, the native window API on macOS. */
    NSGL("nsgl"),
    /** The native window API of a platform not named above (its name as GLFW reports it is not kept). */
    NATIVE("native");

    private final String reportName;

    ContextApi(final String reportName)
    {
        this.reportName = reportName;
    }

    /** @return the lower-case name the run report uses. */
    public String reportName()
    {
        return reportName;
    }
}
