package dev.isochron.engine.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A small C program or library that tests build from a source kept as a test resource (the loader watch, the XTest
 * input storm), compiled with gcc into a test's directory. Test code only.
 */
public final class NativeTestTool
{
    /** What to install where gcc is missing. */
    public static final String INSTALL_HINT = "apt-get install gcc libc6-dev";
    private static final Duration COMPILE_LIMIT = Duration.ofSeconds(120);

    private NativeTestTool()
    {
    }

    /** @return whether gcc is on the PATH. */
    public static boolean compilerAvailable()
    {
        return null != ChildProcess.findOnPath("gcc");
    }

    /**
     * Copies the resource {@code source} (beside {@code anchor}) into {@code directory} and compiles it.
     *
     * @param anchor    the class the source lies beside on the test class path.
     * @param source    the resource's file name, e.g. {@code loader-watch.c}.
     * @param directory where the source and the output go.
     * @param output    the output's file name.
     * @param gccFlags  gcc's flags besides {@code -o output source}, e.g. {@code -O2 -shared -fPIC}; libraries go last.
     * @return the output.
     * @throws IllegalStateException naming the compiler's output and what to install when gcc fails.
     */
    public static Path build(final Class<?> anchor, final String source, final Path directory, final String output,
        final List<String> gccFlags, final List<String> libraries) throws IOException, InterruptedException
    {
        final Path sourceFile = directory.resolve(source);
        try (InputStream in = anchor.getResourceAsStream(source))
        {
            if (null == in)
            {
                throw new IllegalStateException(source + " is not on the test class path beside " + anchor.getName());
            }
            Files.copy(in, sourceFile, StandardCopyOption.REPLACE_EXISTING);
        }
        final Path outputFile = directory.resolve(output);
        final List<String> command = new ArrayList<>();
        command.add("gcc");
        command.addAll(gccFlags);
        command.add("-o");
        command.add(outputFile.toString());
        command.add(sourceFile.toString());
        command.addAll(libraries);
        final ChildProcess.Result gcc = ChildProcess.command(command).limit(COMPILE_LIMIT)
            .output(directory.resolve(output + "-gcc.log")).run();
        if (!gcc.finished() || 0 != gcc.exitCode() || !Files.isRegularFile(outputFile))
        {
            throw new IllegalStateException("gcc failed to build " + sourceFile + ": " + gcc.describe() + "; " +
                INSTALL_HINT);
        }
        return outputFile;
    }
}
