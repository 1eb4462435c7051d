package dev.isochron.engine.metrics;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;
import org.agrona.concurrent.NanoClock;

import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Records the garbage-collection pauses of this JVM as intervals on the engine clock, so stalls can be
 * attributed to them after the fact and the report can show the pauses inside the measured window.
 * <p>
 * Source: JMX {@code GarbageCollectorMXBean} notifications ({@code com.sun.management.gc.notification}).
 * They arrive on a JMX thread shortly after each collection, with millisecond start and end times since
 * JVM start ({@link GcInfo#getStartTime()}); the offset between that time base and the engine's
 * {@link NanoClock} is computed once, at construction, as wall time minus {@code RuntimeMXBean#getStartTime()}
 * (measured to match HotSpot's GC time base; {@code getUptime()} does not: it starts ~15-20 ms earlier), so
 * intervals are accurate to about a millisecond (attribution uses a slack for this). Only collectors that
 * <em>pause</em> the application count ({@link #isPauseCollector(String)}): G1's "G1 Young Generation" and
 * "G1 Old Generation", Parallel's and Serial's collectors, ZGC's and Shenandoah's "... Pauses"; not the
 * concurrent "... Cycles" beans nor "G1 Concurrent GC".
 * <p>
 * Storage: a ring of {@code capacity} pauses preallocated at construction; when it wraps the oldest are
 * overwritten and counted ({@link #overwrittenPauses()}). Threading: written by the JMX notification thread
 * (or by {@link #recordPause}), read by the report thread; both are synchronized on the monitor, neither is
 * on the frame path. Lifetime: listeners are added in the constructor and removed by {@link #close()}.
 */
public final class GcPauseMonitor implements AutoCloseable
{
    /** The default ring capacity, in pauses. */
    public static final int DEFAULT_CAPACITY = 4096;
    /** The largest ring capacity. */
    public static final int MAX_CAPACITY = 1 << 20;
    /** The slack used when matching a pause to a frame: GC times have millisecond resolution. */
    public static final long ATTRIBUTION_SLACK_NS = 1_000_000L;

    private final long[] startNs;
    private final long[] endNs;
    private final int capacity;
    private final long jvmStartOnClockNs;
    private final String gcName;
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::onNotification;
    private long recorded;
    private boolean closed;

    /**
     * Subscribes to every pause collector of this JVM.
     *
     * @param clock    the engine's clock; pauses are reported on its time base.
     * @param capacity pauses kept, in [1, {@link #MAX_CAPACITY}].
     * @throws IllegalArgumentException naming {@code capacity} and its range.
     */
    public GcPauseMonitor(final NanoClock clock, final int capacity)
    {
        if (null == clock)
        {
            throw Constants.nullClock();
        }
        if (capacity < 1 || capacity > MAX_CAPACITY)
        {
            throw Constants.badCapacity(capacity);
        }
        this.capacity = capacity;
        this.startNs = new long[capacity];
        this.endNs = new long[capacity];
        // GcInfo times count from the VM's start as RuntimeMXBean#getStartTime records it (HotSpot's
        // Management::timestamp()); RuntimeMXBean#getUptime counts from an earlier origin (os::init), about
        // 15-20 ms before, so it must not be used. Wall time minus start time matches the GC time base.
        final long gcBaseNowMs = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        this.jvmStartOnClockNs = clock.nanoTime() - gcBaseNowMs * 1_000_000L;

        String name = null;
        for (final GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans())
        {
            if (isPauseCollector(bean.getName()))
            {
                if (null == name)
                {
                    name = collectorFamily(bean.getName());
                }
                if (bean instanceof NotificationEmitter)
                {
                    final NotificationEmitter emitter = (NotificationEmitter)bean;
                    emitter.addNotificationListener(listener, null, null);
                    emitters.add(emitter);
                }
            }
        }
        this.gcName = null == name ? Constants.noCollector() : name;
    }

    /**
     * @param clock the engine's clock.
     * @see #GcPauseMonitor(NanoClock, int)
     */
    public GcPauseMonitor(final NanoClock clock)
    {
        this(clock, DEFAULT_CAPACITY);
    }

    /**
     * Whether a {@code GarbageCollectorMXBean} of this name reports stop-the-world pauses (rather than
     * concurrent cycles).
     *
     * @param collectorName the bean's name, e.g. "G1 Young Generation", "ZGC Cycles".
     * @return false for "... Cycles" and "... Concurrent ..." beans, true otherwise.
     */
    public static boolean isPauseCollector(final String collectorName)
    {
        return Constants.isPauseCollector(collectorName);
    }

    /**
     * The collector's family name for the report.
     *
     * @param collectorName a {@code GarbageCollectorMXBean} name.
     * @return "G1", "ZGC", "Shenandoah", "Parallel", "Serial", or the name itself when unknown.
     */
    public static String collectorFamily(final String collectorName)
    {
        return Constants.collectorFamily(collectorName);
    }

    /** @return the family of this JVM's pause collector ("G1", "ZGC", ...), or "none". */
    public String gcName()
    {
        return gcName;
    }

    /** @return how many pause collectors the monitor listens to. */
    public int collectorCount()
    {
        return emitters.size();
    }

    /**
     * Records one pause; called by the notification listener, and by tests or other sources of pauses.
     *
     * @param pauseStartNs start of the pause on the engine clock.
     * @param pauseEndNs   end of the pause on the engine clock, {@code >= pauseStartNs}.
     */
    public synchronized void recordPause(final long pauseStartNs, final long pauseEndNs)
    {
        final int index = (int)(recorded % capacity);
        startNs[index] = pauseStartNs;
        endNs[index] = Math.max(pauseStartNs, pauseEndNs);
        recorded++;
    }

    /** @return pauses recorded since construction. */
    public synchronized long recordedPauses()
    {
        return recorded;
    }

    /** @return pauses lost because the ring wrapped. */
    public synchronized long overwrittenPauses()
    {
        return Math.max(0, recorded - capacity);
    }

    /**
     * Whether a recorded pause overlapped {@code [fromNs, toNs]} widened by {@code slackNs} on each side.
     *
     * @param fromNs  start of the interval (engine clock).
     * @param toNs    end of the interval.
     * @param slackNs widening on each side, e.g. {@link #ATTRIBUTION_SLACK_NS}.
     * @return true when some pause overlapped.
     */
    public synchronized boolean pauseOverlaps(final long fromNs, final long toNs, final long slackNs)
    {
        final long from = fromNs - slackNs;
        final long to = toNs + slackNs;
        final int n = (int)Math.min(recorded, capacity);
        for (int i = 0; i < n; i++)
        {
            if (startNs[i] <= to && endNs[i] >= from)
            {
                return true;
            }
        }
        return false;
    }

    /**
     * Sums the pauses that overlapped {@code [fromNs, toNs]} (no slack: a window is long).
     *
     * @param fromNs start of the window (engine clock).
     * @param toNs   end of the window.
     * @param dest   receives count, total and max.
     * @return {@code dest}.
     */
    public synchronized PauseSummary summarise(final long fromNs, final long toNs, final PauseSummary dest)
    {
        dest.reset();
        final int n = (int)Math.min(recorded, capacity);
        for (int i = 0; i < n; i++)
        {
            if (startNs[i] <= toNs && endNs[i] >= fromNs)
            {
                dest.add(endNs[i] - startNs[i]);
            }
        }
        return dest;
    }

    /** Stops listening. Idempotent. */
    public void close()
    {
        synchronized (this)
        {
            if (closed)
            {
                return;
            }
            closed = true;
        }
        for (int i = 0; i < emitters.size(); i++)
        {
            try
            {
                emitters.get(i).removeNotificationListener(listener);
            }
            catch (final ListenerNotFoundException ex)
            {
                throw Constants.listenerAlreadyRemoved(ex);
            }
        }
    }

    private void onNotification(final Notification notification, final Object handback)
    {
        if (!Constants.isGcNotification(notification.getType()))
        {
            return;
        }
        final GarbageCollectionNotificationInfo info =
            GarbageCollectionNotificationInfo.from((CompositeData)notification.getUserData());
        if (!isPauseCollector(info.getGcName()))
        {
            return;
        }
        final GcInfo gcInfo = info.getGcInfo();
        recordPause(
            jvmStartOnClockNs + gcInfo.getStartTime() * 1_000_000L,
            jvmStartOnClockNs + gcInfo.getEndTime() * 1_000_000L);
    }

    /** Count, total and max of the pauses in a window. Mutable, reused. */
    public static final class PauseSummary
    {
        private long count;
        private long totalNs;
        private long maxNs;

        void reset()
        {
            count = 0;
            totalNs = 0;
            maxNs = 0;
        }

        void add(final long pauseNs)
        {
            count++;
            totalNs += pauseNs;
            maxNs = Math.max(maxNs, pauseNs);
        }

        /** @return pauses in the window. */
        public long count()
        {
            return count;
        }

        /** @return total pause time in the window, ns (millisecond resolution). */
        public long totalNs()
        {
            return totalNs;
        }

        /** @return longest pause in the window, ns (millisecond resolution). */
        public long maxNs()
        {
            return maxNs;
        }
    }

    /**
     * The collector names, the notification type and the messages, in a class of their own so that GcPauseMonitor
     * holds no String constant: the first C2 compile of one of its methods would otherwise resolve them on the
     * thread that calls it, allocating there once mid-run (see {@code ClassConstants} in the engine test-jar).
     */
    private static final class Constants
    {
        private Constants()
        {
        }

        static boolean isGcNotification(final String type)
        {
            return GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(type);
        }

        static boolean isPauseCollector(final String collectorName)
        {
            return !collectorName.contains("Cycles") && !collectorName.contains("Concurrent");
        }

        static String collectorFamily(final String collectorName)
        {
            if (collectorName.startsWith("G1"))
            {
                return "G1";
            }
            if (collectorName.startsWith("ZGC"))
            {
                return "ZGC";
            }
            if (collectorName.startsWith("Shenandoah"))
            {
                return "Shenandoah";
            }
            if (collectorName.startsWith("PS "))
            {
                return "Parallel";
            }
            if ("Copy".equals(collectorName) || "MarkSweepCompact".equals(collectorName))
            {
                return "Serial";
            }
            return collectorName;
        }

        static String noCollector()
        {
            return "none";
        }

        static IllegalArgumentException nullClock()
        {
            return new IllegalArgumentException("clock must not be null");
        }

        static IllegalArgumentException badCapacity(final int capacity)
        {
            return new IllegalArgumentException("GC pause monitor: capacity must be in [1, " + MAX_CAPACITY +
                "], was " + capacity);
        }

        static IllegalStateException listenerAlreadyRemoved(final ListenerNotFoundException ex)
        {
            return new IllegalStateException("GC pause monitor listener was already removed", ex);
        }
    }
}
