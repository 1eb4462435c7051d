package dev.isochron.perf.harness;

import dev.isochron.engine.testing.ChildProcess;

import java.nio.file.Path;
import java.util.List;

/**
 * Which optional options the demo launcher takes, read from its {@code --help} text: {@code --frame-csv}
 * (per-frame times) and {@code --warmup}. The harness passes an option only when the demo lists it, so a demo
 * without them still runs (and the summary says what was missing).
 */
public final class DemoCapabilities
{
    private final boolean frameCsv;
    private final boolean warmup;

    /**
     * @param frameCsv whether the demo takes {@code --frame-csv FILE}.
     * @param warmup   whether the demo takes {@code --warmup N}.
     */
    public DemoCapabilities(final boolean frameCsv, final boolean warmup)
    {
        this.frameCsv = frameCsv;
        this.warmup = warmup;
    }

    /** @return the capabilities listed in {@code helpText}. */
    public static DemoCapabilities fromHelp(final String helpText)
    {
        return new DemoCapabilities(helpText.contains("--frame-csv"), helpText.contains("--warmup"));
    }

    /**
     * Runs {@code java -jar demoJar --help} in a child JVM started like the measured ones.
     *
     * @throws IllegalStateException naming the jar, the status and the log when the help cannot be read.
     */
    public static DemoCapabilities probe(final ChildJvm jvm, final Path demoJar, final Path scratchDir)
    {
        final Path log = scratchDir.resolve("demo-help.log");
        final ChildProcess.Result child = jvm.runChild(jvm.command(GcChoice.G1, demoJar, List.of("--help")), log, 120);
        final int status = child.exitCode();
        final String help = child.output();
        if (status != 0 && !help.contains("--report"))
        {
            throw new IllegalStateException("the demo jar " + demoJar + " did not print its help (java -jar " + demoJar +
                " --help " + (child.timedOut() ? "was killed after 120 s, stuck in: " + child.stage() + ", thread dumps in " +
                child.diagnosis() : "exited " + status) + "); see " + log);
        }
        return fromHelp(help);
    }

    /** @return whether the demo takes {@code --frame-csv FILE}. */
    public boolean frameCsv()
    {
        return frameCsv;
    }

    /** @return whether the demo takes {@code --warmup N}. */
    public boolean warmup()
    {
        return warmup;
    }
}
