package dev.isochron.peer.gdx;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;

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
 * The GC pauses of this JVM, from the collectors' JMX notifications, on the {@link System#nanoTime()} base: the same
 * source, the same pause-bean rule (a bean whose name holds "Cycles" or "Concurrent" is not a pause bean) and the same
 * time base (wall time minus the JVM's start time, not its uptime) as Isochron's {@code GcPauseMonitor}, so that GC
 * counts, pause totals and stall attribution mean the same in both reports.
 * <p>
 * Threads: notifications arrive on the JMX notification thread (allocation is fine there); the render thread reads
 * {@link #recorded()} for its HUD; the report reads the rest after the run. Pauses beyond {@link #CAPACITY} overwrite
 * the oldest and are counted ({@link #overwritten()}).
 */
final class GcPauses implements AutoCloseable
{
    /** Pauses kept. */
    static final int CAPACITY = 4096;
    /** Slack on each side of a frame when a pause is put down as a stall's cause (GC times have 1 ms resolution). */
    static final long ATTRIBUTION_SLACK_NS = 1_000_000L;

    private final long[] startNs = new long[CAPACITY];
    private final long[] endNs = new long[CAPACITY];
    private final long jvmStartOnNanoTime;
    private final String gcName;
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::onNotification;
    private volatile long recorded;

    GcPauses()
    {
        final long gcBaseNowMs = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        jvmStartOnNanoTime = System.nanoTime() - gcBaseNowMs * 1_000_000L;
        String name = null;
        for (final GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans())
        {
            if (isPauseCollector(bean.getName()))
            {
                if (null == name)
                {
                    name = family(bean.getName());
                }
                if (bean instanceof NotificationEmitter)
                {
                    ((NotificationEmitter)bean).addNotificationListener(listener, null, null);
                    emitters.add((NotificationEmitter)bean);
                }
            }
        }
        gcName = null == name ? "none" : name;
    }

    static boolean isPauseCollector(final String name)
    {
        return !name.contains("Cycles") && !name.contains("Concurrent");
    }

    static String family(final String name)
    {
        if (name.startsWith("G1"))
        {
            return "G1";
        }
        if (name.startsWith("ZGC"))
        {
            return "ZGC";
        }
        if (name.startsWith("Shenandoah"))
        {
            return "Shenandoah";
        }
        if (name.startsWith("PS "))
        {
            return "Parallel";
        }
        if ("Copy".equals(name) || "MarkSweepCompact".equals(name))
        {
            return "Serial";
        }
        return name;
    }

    /** @return the pause collector's family: G1, Parallel, Serial, ZGC, Shenandoah. */
    String gcName()
    {
        return gcName;
    }

    /** @return pauses recorded since start; any thread. */
    long recorded()
    {
        return recorded;
    }

    /** @return pauses lost because the ring wrapped. */
    synchronized long overwritten()
    {
        return Math.max(0, recorded - CAPACITY);
    }

    synchronized void record(final long pauseStartNs, final long pauseEndNs)
    {
        final int index = (int)(recorded % CAPACITY);
        startNs[index] = pauseStartNs;
        endNs[index] = Math.max(pauseStartNs, pauseEndNs);
        recorded = recorded + 1;
    }

    /** @return whether a pause overlapped {@code [fromNs - slack, toNs + slack]}. */
    synchronized boolean overlaps(final long fromNs, final long toNs, final long slackNs)
    {
        final int n = (int)Math.min(recorded, CAPACITY);
        for (int i = 0; i < n; i++)
        {
            if (startNs[i] <= toNs + slackNs && endNs[i] >= fromNs - slackNs)
            {
                return true;
            }
        }
        return false;
    }

    /** @return {count, total ns, max ns} of the pauses overlapping {@code [fromNs, toNs]}. */
    synchronized long[] summarise(final long fromNs, final long toNs)
    {
        long count = 0;
        long total = 0;
        long max = 0;
        final int n = (int)Math.min(recorded, CAPACITY);
        for (int i = 0; i < n; i++)
        {
            if (startNs[i] <= toNs && endNs[i] >= fromNs)
            {
                final long pause = endNs[i] - startNs[i];
                count++;
                total += pause;
                max = Math.max(max, pause);
            }
        }
        return new long[]{count, total, max};
    }

    @Override
    public void close()
    {
        for (final NotificationEmitter emitter : emitters)
        {
            try
            {
                emitter.removeNotificationListener(listener);
            }
            catch (final ListenerNotFoundException ex)
            {
                throw new IllegalStateException("GC notification listener was already removed from " + emitter, ex);
            }
        }
        emitters.clear();
    }

    private void onNotification(final Notification notification, final Object handback)
    {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType()))
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
        record(jvmStartOnNanoTime + gcInfo.getStartTime() * 1_000_000L, jvmStartOnNanoTime + gcInfo.getEndTime() * 1_000_000L);
    }
}
