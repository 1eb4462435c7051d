package dev.isochron.engine.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * Names where a hung child was stuck, in one line a failure message can carry: for the {@code main} thread and each
 * thread whose name starts with {@code isochron}, its top frame and the first frame of Isochron's own code (else the
 * first frame outside the JDK), e.g.
 * {@code "main: org.lwjgl.glfw.GLFW.glfwInit via dev.isochron.render.context.GlfwWindowContext.initialiseGlfw"}.
 * <p>
 * Read from a Java thread dump (the text a JVM prints on {@code SIGQUIT}) where there is one, else from gdb's
 * {@code thread apply all bt}: a JVM whose threads are stuck in the dynamic loader may not print a Java dump, and
 * its native stacks still name the library call it is in. Test and harness threads only.
 */
final class StuckStage
{
    /** The threads a stage names besides {@code main}: every Isochron runtime thread's name starts with it. */
    static final String ISOCHRON_THREAD_PREFIX = "isochron";
    /** Frames of Isochron's own code, the "via" part of a stage. */
    static final String ISOCHRON_PACKAGE = "dev.isochron.";
    /** What a Java thread dump starts with. */
    static final String JAVA_DUMP_START = "Full thread dump";
    /** The line a Java thread dump's thread list ends with. */
    static final String JAVA_DUMP_END = "JNI global refs";

    private StuckStage()
    {
    }

    /**
     * @param dump text holding a Java thread dump (a whole log will do: the first dump in it is read).
     * @return the stage, or null when the text holds no dump or the dump has no {@code main} or {@code isochron}
     * thread.
     */
    static String fromJavaDump(final String dump)
    {
        final int start = dump.indexOf(JAVA_DUMP_START);
        if (start < 0)
        {
            return null;
        }
        final int endMarker = dump.indexOf(JAVA_DUMP_END, start);
        final String[] lines = dump.substring(start, endMarker < 0 ? dump.length() : endMarker).split("\\R");
        final List<String> threads = new ArrayList<>();
        String thread = null;
        String top = null;
        String own = null;
        String caller = null;
        for (final String line : lines)
        {
            if (line.startsWith("\""))
            {
                addJavaThread(threads, thread, top, null == own ? caller : own);
                final int close = line.lastIndexOf('"');
                thread = close > 0 ? line.substring(1, close) : line.substring(1);
                top = null;
                own = null;
                caller = null;
            }
            else if (null != thread)
            {
                final String trimmed = line.trim();
                if (trimmed.startsWith("at "))
                {
                    final int paren = trimmed.indexOf('(');
                    final String method = trimmed.substring(3, paren < 0 ? trimmed.length() : paren);
                    if (null == top)
                    {
                        top = method;
                    }
                    if (null == own && method.startsWith(ISOCHRON_PACKAGE))
                    {
                        own = method;
                    }
                    if (null == caller && !jdkMethod(method))
                    {
                        caller = method;
                    }
                }
            }
        }
        addJavaThread(threads, thread, top, null == own ? caller : own);
        return threads.isEmpty() ? null : String.join("; ", threads);
    }

    /**
     * @param stacks gdb's output of {@code thread apply all bt} for one JVM.
     * @param pid    that JVM's pid: of the threads the launcher names {@code java}, the one whose id is not the pid runs
     *               Java's {@code main} (the other waits for it in {@code pthread_join}).
     * @return the stage, each thread's top function and the first function outside the C library and the dynamic
     * loader, or null when no {@code main} or {@code isochron} thread was found.
     */
    static String fromNativeStacks(final String stacks, final long pid)
    {
        final List<String> threads = new ArrayList<>();
        String thread = null;
        String top = null;
        String via = null;
        for (final String line : stacks.split("\\R"))
        {
            if (line.startsWith("Thread ") && line.endsWith("):"))
            {
                addNativeThread(threads, thread, top, via);
                thread = nativeThreadLabel(line, pid);
                top = null;
                via = null;
            }
            else if (null != thread && line.startsWith("#"))
            {
                final String function = nativeFunction(line);
                if (null == top)
                {
                    top = function;
                }
                else if (null == via && !"??".equals(function) && !systemFrame(line, function))
                {
                    via = function;
                }
            }
        }
        addNativeThread(threads, thread, top, via);
        return threads.isEmpty() ? null : String.join("; ", threads);
    }

    /** @return whether {@code method} is the JDK's: the "via" part falls back to the first frame that is not. */
    private static boolean jdkMethod(final String method)
    {
        return method.startsWith("java.") || method.startsWith("javax.") || method.startsWith("jdk.") ||
            method.startsWith("sun.") || method.startsWith("com.sun.");
    }

    private static void addJavaThread(final List<String> threads, final String thread, final String top, final String own)
    {
        if (null == thread || !("main".equals(thread) || thread.startsWith(ISOCHRON_THREAD_PREFIX)))
        {
            return;
        }
        if (null == top)
        {
            threads.add(thread + ": (no Java frame)");
        }
        else if (null == own || own.equals(top))
        {
            threads.add(thread + ": " + top);
        }
        else
        {
            threads.add(thread + ": " + top + " via " + own);
        }
    }

    private static void addNativeThread(final List<String> threads, final String thread, final String top, final String via)
    {
        if (null == thread)
        {
            return;
        }
        threads.add(thread + " (native): " + (null == top ? "(no frame)" : top) + (null == via ? "" : " via " + via));
    }

    /** @return "main" or the thread's name for a thread the stage names, else null. */
    private static String nativeThreadLabel(final String header, final long pid)
    {
        // Thread 2 (Thread 0x7f120b9ff6c0 (LWP 23925) "java"):
        final int nameEnd = header.lastIndexOf('"');
        final int nameStart = nameEnd > 0 ? header.lastIndexOf('"', nameEnd - 1) : -1;
        if (nameStart < 0)
        {
            return null;
        }
        final String name = header.substring(nameStart + 1, nameEnd);
        if (name.startsWith(ISOCHRON_THREAD_PREFIX))
        {
            return name;
        }
        final int lwp = header.indexOf("(LWP ");
        final int lwpEnd = lwp < 0 ? -1 : header.indexOf(')', lwp);
        if ("java".equals(name) && lwpEnd > 0 && !Long.toString(pid).equals(header.substring(lwp + 5, lwpEnd).trim()))
        {
            return "main";
        }
        return null;
    }

    /** @return the function of a gdb frame line ({@code #3  0x00007f in dlopen (...) from /lib/libc.so.6}). */
    private static String nativeFunction(final String frame)
    {
        final int in = frame.indexOf(" in ");
        int start;
        if (in >= 0)
        {
            start = in + 4;
        }
        else
        {
            start = frame.indexOf(' ');
            while (start >= 0 && start < frame.length() && frame.charAt(start) == ' ')
            {
                start++;
            }
        }
        if (start < 0 || start >= frame.length())
        {
            return "??";
        }
        // a C++ name holds "(" in its argument list ("os::PlatformEvent::park(long) () from"): cut at " (" or " from"
        int end = frame.indexOf(" (", start);
        final int from = frame.indexOf(" from ", start);
        if (end < 0 || (from >= 0 && from < end))
        {
            end = from;
        }
        return (end < 0 ? frame.substring(start) : frame.substring(start, end)).trim();
    }

    /** @return whether a frame is in the C library, the threads library or the dynamic loader. */
    private static boolean systemFrame(final String frame, final String function)
    {
        return function.startsWith("__") || function.startsWith("_dl") || function.startsWith("pthread_") ||
            function.startsWith("dl") ||
            frame.contains("/libc.so") || frame.contains("/libpthread") || frame.contains("ld-linux") ||
            frame.contains(" at ./nptl/") || frame.contains(" at ../sysdeps/") || frame.contains(" at ./elf/") ||
            frame.contains(" at ./dlfcn/") || frame.contains(" at ./posix/") || frame.contains(" at ./misc/") ||
            frame.contains(" at ../nptl/");
    }
}
