package dev.isochron.render.runtime;

import dev.isochron.engine.jit.LiteralResolver;

import java.util.ArrayList;
import java.util.List;

/**
 * The JVM flags a run needs, checked by {@link ApplicationRunner#run} before anything else, so that a JVM started
 * without them fails with one message that says what to add and where, instead of Agrona's raw
 * {@link IllegalAccessError} from deep inside the first ring buffer.
 * <p>
 * Required: {@code jdk.internal.misc} exported to Agrona's module (Agrona 2.x reads {@code jdk.internal.misc.Unsafe};
 * the documented flag is {@code --add-opens java.base/jdk.internal.misc=ALL-UNNAMED}, an {@code --add-exports} of the
 * same package is enough and is accepted). Recommended: {@value LiteralResolver#REQUIRED_FLAGS}, which let the runtime
 * resolve the frame path's third-party String literals before the first frame; without them a run is correct and
 * says so once on System.err ({@link MeasurementConfig#resolveLiterals}), so their absence alone fails nothing. When the
 * required flag is missing, the message names the recommended ones that are missing too, so one edit of the launch
 * configuration fixes both.
 * <p>
 * Threading: any thread; start-up only (it builds strings).
 */
final class JvmFlags
{
    /** The package Agrona reads. */
    static final String AGRONA_PACKAGE = "jdk.internal.misc";
    /** The packages the literal resolver reads. */
    static final String[] LITERAL_PACKAGES = {"jdk.internal.access", "jdk.internal.reflect"};
    private static final String AGRONA_CLASS = "org.agrona.UnsafeApi";
    private static final String ALL_UNNAMED = "ALL-UNNAMED";

    private JvmFlags()
    {
    }

    /**
     * Checks the flags of this JVM.
     *
     * @throws IllegalStateException naming each missing flag and how to add it (plain {@code java}, a jar's manifest,
     *                               Maven's exec plugin and Surefire/Failsafe, Gradle's application plugin and tests)
     *                               when the flag Agrona needs is missing.
     */
    static void check()
    {
        final Module base = Object.class.getModule();
        final Module agrona = agronaModule();
        if (base.isExported(AGRONA_PACKAGE, agrona))
        {
            return;
        }
        final Module engine = LiteralResolver.class.getModule();
        final List<String> recommended = new ArrayList<>();
        for (final String pkg : LITERAL_PACKAGES)
        {
            if (!base.isExported(pkg, engine))
            {
                recommended.add(export(pkg, engine));
            }
        }
        throw new IllegalStateException(message(open(AGRONA_PACKAGE, agrona), recommended,
            allFlags(agrona, engine)));
    }

    /**
     * The failure's text.
     *
     * @param required    the required flag.
     * @param recommended the recommended flags that are missing, possibly none.
     * @param all         every flag a launch should carry, as separate command-line words.
     * @return the message.
     */
    static String message(final String required, final List<String> recommended, final List<String> all)
    {
        final String nl = System.lineSeparator();
        final String line = String.join(" ", all);
        final StringBuilder text = new StringBuilder(2048)
            .append("this JVM was started without the flag Isochron needs: ").append(required)
            .append(" (Agrona, which the engine's rings and buffers use, reads jdk.internal.misc and fails with ")
            .append("IllegalAccessError without it)").append(nl)
            .append("  missing, required:    ").append(required).append(nl);
        if (!recommended.isEmpty())
        {
            text.append("  missing, recommended: ").append(String.join(" ", recommended))
                .append(" (without them the run works, and a C2 compile may allocate a few hundred bytes once on an ")
                .append("engine thread mid-run)").append(nl);
        }
        text.append("add them where this JVM is started:").append(nl)
            .append("  java:            java ").append(line).append(" -cp <class path> <main class>").append(nl)
            .append("  java -jar:       in the jar's manifest: ").append(manifest(all)).append(nl)
            .append("  Maven exec:exec: <arguments>");
        for (int i = 0; i < all.size(); i++)
        {
            text.append("<argument>").append(all.get(i)).append("</argument>");
        }
        text.append("<argument>-classpath</argument><classpath/><argument><main class></argument></arguments>")
            .append(" (exec:java runs in Maven's own JVM: put the flags in .mvn/jvm.config)").append(nl)
            .append("  Maven tests:     <argLine>").append(line).append("</argLine> in the configuration of ")
            .append("maven-surefire-plugin (and maven-failsafe-plugin)").append(nl)
            .append("  Gradle:          application { applicationDefaultJvmArgs = [").append(quoted(all)).append("] }")
            .append(nl)
            .append("  Gradle tests:    tasks.withType(Test).configureEach { jvmArgs(").append(quoted(all)).append(") }");
        return text.toString();
    }

    /** @return every flag a launch should carry, as separate command-line words. */
    private static List<String> allFlags(final Module agrona, final Module engine)
    {
        final List<String> words = new ArrayList<>();
        addWords(words, open(AGRONA_PACKAGE, agrona));
        for (final String pkg : LITERAL_PACKAGES)
        {
            addWords(words, export(pkg, engine));
        }
        return words;
    }

    private static void addWords(final List<String> words, final String flag)
    {
        final int space = flag.indexOf(' ');
        words.add(flag.substring(0, space));
        words.add(flag.substring(space + 1));
    }

    private static String open(final String pkg, final Module module)
    {
        return "--add-opens java.base/" + pkg + "=" + target(module);
    }

    private static String export(final String pkg, final Module module)
    {
        return "--add-exports java.base/" + pkg + "=" + target(module);
    }

    private static String target(final Module module)
    {
        return module.isNamed() ? module.getName() : ALL_UNNAMED;
    }

    private static String quoted(final List<String> words)
    {
        final StringBuilder text = new StringBuilder();
        for (int i = 0; i < words.size(); i++)
        {
            text.append(i > 0 ? ", '" : "'").append(words.get(i)).append('\'');
        }
        return text.toString();
    }

    /** @return the manifest attributes for {@code java -jar}, which name packages without the target module. */
    private static String manifest(final List<String> words)
    {
        final StringBuilder opens = new StringBuilder();
        final StringBuilder exports = new StringBuilder();
        for (int i = 0; i + 1 < words.size(); i += 2)
        {
            final String pkg = words.get(i + 1).substring(0, words.get(i + 1).indexOf('='));
            final StringBuilder into = words.get(i).equals("--add-opens") ? opens : exports;
            into.append(into.length() > 0 ? " " : "").append(pkg);
        }
        return "Add-Opens: " + opens + ", Add-Exports: " + exports;
    }

    /** @return the module Agrona's {@code UnsafeApi} is in (loaded, not initialised), or this class's module. */
    private static Module agronaModule()
    {
        try
        {
            return Class.forName(AGRONA_CLASS, false, JvmFlags.class.getClassLoader()).getModule();
        }
        catch (final ClassNotFoundException ex)
        {
            return JvmFlags.class.getModule();
        }
    }
}
