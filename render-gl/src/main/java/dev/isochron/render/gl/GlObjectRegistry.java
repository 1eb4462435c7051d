package dev.isochron.render.gl;

import dev.isochron.engine.checked.CheckedMode;

import java.util.ArrayList;
import java.util.List;

/**
 * Every GL object made by this package's classes, with its type, GL name and a label saying what it is
 * for, so that objects still alive when their context closes are reported by name instead of leaking silently.
 * <p>
 * One registry belongs to each {@link dev.isochron.render.context.GlContext}; a context makes its registry
 * the thread's current one while it is current ({@link #makeCurrent(GlObjectRegistry)}), and resource
 * classes register into {@link #current()}. Registration and removal happen at create and dispose time,
 * never in the frame path; they allocate.
 * <p>
 * The registry also knows which thread its context is current on ({@link #makeCurrent} records it), and whether the
 * context runs in checking mode ({@link #checked()}, from {@link CheckedMode} or the context's options): the GL
 * objects made on a checked context verify with {@link #checkOwner(String)}, at each of their frame-path GL entry
 * points, that the calling thread owns the context. A GL call from another thread goes to whatever context is current
 * there, or to none, which Mesa ignores without a word.
 * <p>
 * Threads: confined to the thread on which the owning context is current; {@link #checkOwner} on any thread.
 */
public final class GlObjectRegistry
{
    private static final ThreadLocal<GlObjectRegistry> CURRENT = new ThreadLocal<>();

    private final String contextName;
    private final boolean checked;
    private volatile Thread owner;
    private final ArrayList<Entry> live = new ArrayList<>();
    private long registeredCount;
    private long removedCount;

    /**
     * @param contextName names the owning context in reports, e.g. {@code "EGL headless 64x64"}.
     */
    public GlObjectRegistry(final String contextName)
    {
        this(contextName, CheckedMode.ENABLED);
    }

    /**
     * @param contextName names the owning context in reports.
     * @param checked     whether the objects made on the context check their calling thread ({@link #checkOwner}).
     */
    public GlObjectRegistry(final String contextName, final boolean checked)
    {
        this.contextName = contextName;
        this.checked = checked;
    }

    /**
     * Makes {@code registry} the calling thread's current registry; {@code null} clears it.
     * Called by contexts when they are made current on or released from a thread.
     */
    public static void makeCurrent(final GlObjectRegistry registry)
    {
        if (registry == null)
        {
            final GlObjectRegistry previous = CURRENT.get();
            if (null != previous && previous.owner == Thread.currentThread())
            {
                previous.owner = null;
            }
            CURRENT.remove();
        }
        else
        {
            CURRENT.set(registry);
            registry.owner = Thread.currentThread();
        }
    }

    /** @return whether the GL objects of this registry's context check their calling thread (checking mode). */
    public boolean checked()
    {
        return checked;
    }

    /** @return the thread the context is current on, or null. */
    public Thread owner()
    {
        return owner;
    }

    /**
     * Checking mode's owning-thread check: throws unless the context is current on the calling thread.
     * Allocation-free while it is. Callers call it only when {@link #checked()} (they keep that in a final field).
     *
     * @param user names the object whose GL entry point is checked, e.g. {@code "ShaderProgram 'batch'"}.
     * @throws IllegalStateException naming the object, the calling thread, the context and the thread that owns it.
     */
    public void checkOwner(final String user)
    {
        final Thread current = Thread.currentThread();
        final Thread owns = owner;
        if (owns != current)
        {
            throw Messages.notOwner(user, current, contextName, owns);
        }
    }

    /**
     * @return the registry of the context current on the calling thread.
     * @throws IllegalStateException naming the thread when no context is current on it.
     */
    public static GlObjectRegistry current()
    {
        final GlObjectRegistry registry = CURRENT.get();
        if (registry == null)
        {
            throw Messages.noContext();
        }
        return registry;
    }

    /**
     * Records a newly created object.
     *
     * @param type  its kind.
     * @param name  its GL name (non-zero).
     * @param label what it is for, shown in leak reports.
     */
    public void register(final GlObjectType type, final int name, final String label)
    {
        if (name == 0)
        {
            throw Messages.nameZero(type, label);
        }
        if (indexOf(type, name) >= 0)
        {
            throw Messages.registeredTwice(type, name, label, contextName);
        }
        live.add(new Entry(type, name, label));
        registeredCount++;
    }

    /**
     * Records that an object was deleted.
     *
     * @throws IllegalStateException when the object was never registered or was already removed
     *                               (a double delete).
     */
    public void remove(final GlObjectType type, final int name)
    {
        final int index = indexOf(type, name);
        if (index < 0)
        {
            throw Messages.notRegistered(type, name, contextName);
        }
        live.remove(index);
        removedCount++;
    }

    /** @return number of live objects. */
    public int liveCount()
    {
        return live.size();
    }

    /** @return number of live objects of {@code type}. */
    public int liveCount(final GlObjectType type)
    {
        int count = 0;
        for (int i = 0, n = live.size(); i < n; i++)
        {
            if (live.get(i).type == type)
            {
                count++;
            }
        }
        return count;
    }

    /** @return objects registered since creation. */
    public long registeredCount()
    {
        return registeredCount;
    }

    /** @return objects removed since creation. */
    public long removedCount()
    {
        return removedCount;
    }

    /** @return one line per live object ({@code "TEXTURE 3 'atlas.png'"}), in creation order. */
    public List<String> liveObjects()
    {
        final ArrayList<String> lines = new ArrayList<>(live.size());
        for (int i = 0, n = live.size(); i < n; i++)
        {
            lines.add(live.get(i).toString());
        }
        return lines;
    }

    /**
     * @return an empty string when nothing is live, otherwise a report naming the context and listing every
     * live object, meant for the log at shutdown.
     */
    public String leakReport()
    {
        return Messages.leakReport(live, contextName);
    }

    /** Forgets every live object; used by a context after it destroyed them with itself. */
    public void clear()
    {
        live.clear();
    }

    public String toString()
    {
        return Messages.describe(contextName, live.size());
    }

    private int indexOf(final GlObjectType type, final int name)
    {
        for (int i = 0, n = live.size(); i < n; i++)
        {
            final Entry entry = live.get(i);
            if (entry.type == type && entry.name == name)
            {
                return i;
            }
        }
        return -1;
    }

    private static final class Entry
    {
        final GlObjectType type;
        final int name;
        final String label;

        Entry(final GlObjectType type, final int name, final String label)
        {
            this.type = type;
            this.name = name;
            this.label = label;
        }

        public String toString()
        {
            return type + " " + name + " '" + label + "'";
        }
    }

    /**
     * The messages, the leak report and the description, in a class of their own so that GlObjectRegistry holds no
     * String constant: its {@code current()} and {@code liveCount()} run every frame, and their first C2 compile would
     * otherwise resolve them on the render thread mid-run (see {@code ClassConstants} in the engine test-jar).
     */
    private static final class Messages
    {
        private Messages()
        {
        }

        static IllegalStateException noContext()
        {
            return new IllegalStateException("no GL context is current on thread '" + Thread.currentThread().getName() +
                "': call GlContext.makeCurrent() on the render thread before creating GL objects");
        }

        static IllegalStateException notOwner(
            final String user, final Thread current, final String contextName, final Thread owner)
        {
            return new IllegalStateException("checked mode: " + user + " was called on thread '" + current.getName() +
                "', but its GL context " + contextName + " is " + (null == owner ? "current on no thread" :
                "current on thread '" + owner.getName() + "'") + ": a GL call from a thread that does not own the " +
                "context goes to another context or to none; call it on the render thread");
        }

        static IllegalArgumentException nameZero(final GlObjectType type, final String label)
        {
            return new IllegalArgumentException("GL " + type + " '" + label + "' has name 0: creation failed");
        }

        static IllegalStateException registeredTwice(
            final GlObjectType type, final int name, final String label, final String contextName)
        {
            return new IllegalStateException("GL " + type + " " + name + " ('" + label + "') is already registered in " +
                contextName);
        }

        static IllegalStateException notRegistered(final GlObjectType type, final int name, final String contextName)
        {
            return new IllegalStateException("GL " + type + " " + name + " is not registered in " + contextName +
                " (deleted twice, or created by another context)");
        }

        static String leakReport(final List<?> live, final String contextName)
        {
            if (live.isEmpty())
            {
                return "";
            }
            final StringBuilder report = new StringBuilder();
            report.append(live.size()).append(" GL object(s) leaked in ").append(contextName)
                .append(" (not disposed before the context closed):");
            for (int i = 0, n = live.size(); i < n; i++)
            {
                report.append("\n  ").append(live.get(i));
            }
            return report.toString();
        }

        static String describe(final String contextName, final int live)
        {
            return "GlObjectRegistry{" + contextName + ", live=" + live + '}';
        }
    }
}
