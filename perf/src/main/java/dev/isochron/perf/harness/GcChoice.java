package dev.isochron.perf.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The garbage collector a child JVM runs with: an input of the measurement, passed as the same flags to the
 * engine and the naive run. The child reports the collector it actually ran with ({@code gcName}).
 */
public enum GcChoice
{
    /** {@code -XX:+UseG1GC}, the default collector. */
    G1("g1", "-XX:+UseG1GC"),
    /** {@code -XX:+UseParallelGC}: throughput collector, stop-the-world pauses. */
    PARALLEL("parallel", "-XX:+UseParallelGC"),
    /** {@code -XX:+UseZGC}, generational where the JDK has both modes and defaults to the old one (21 to 22). */
    ZGC("zgc", "-XX:+UseZGC");

    private final String optionName;
    private final String flag;

    GcChoice(final String optionName, final String flag)
    {
        this.optionName = optionName;
        this.flag = flag;
    }

    /** @return the name used on the command line: g1, parallel or zgc. */
    public String optionName()
    {
        return optionName;
    }

    /**
     * @param javaFeatureVersion the child JVM's feature version (17, 21 ...).
     * @return the JVM flags selecting this collector on that JDK: ZGC adds {@code -XX:+ZGenerational} on JDK 21
     * to 23, where generational ZGC exists but is not (21, 22) or not only (23) the default.
     */
    public List<String> jvmFlags(final int javaFeatureVersion)
    {
        final List<String> flags = new ArrayList<>();
        flags.add(flag);
        if (this == ZGC && javaFeatureVersion >= 21 && javaFeatureVersion <= 23)
        {
            flags.add("-XX:+ZGenerational");
        }
        return flags;
    }

    /**
     * @return the choice named {@code name} (g1, parallel, zgc; case-insensitive).
     * @throws IllegalArgumentException naming the value and the accepted names.
     */
    public static GcChoice parse(final String name)
    {
        final String wanted = null == name ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (final GcChoice choice : values())
        {
            if (choice.optionName.equals(wanted))
            {
                return choice;
            }
        }
        throw new IllegalArgumentException("--gc must be one of g1, parallel, zgc, was '" + name + "'");
    }
}
