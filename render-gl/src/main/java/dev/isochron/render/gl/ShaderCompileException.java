package dev.isochron.render.gl;

/**
 * A shader failed to compile or a program failed to link: the message names the program and stage, gives the
 * driver's info log and quotes the offending source lines.
 */
public final class ShaderCompileException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    private final String programName;
    private final String stage;
    private final String infoLog;

    /**
     * @param programName the program's name.
     * @param stage       "vertex", "fragment", ... or "link".
     * @param infoLog     the driver's info log.
     * @param message     the full message.
     */
    public ShaderCompileException(final String programName, final String stage, final String infoLog, final String message)
    {
        super(message);
        this.programName = programName;
        this.stage = stage;
        this.infoLog = infoLog;
    }

    /** @return the program's name. */
    public String programName()
    {
        return programName;
    }

    /** @return the stage that failed ("vertex", "fragment", "geometry") or "link". */
    public String stage()
    {
        return stage;
    }

    /** @return the driver's info log, as given. */
    public String infoLog()
    {
        return infoLog;
    }
}
