package dev.isochron.perf.engine;

import dev.isochron.engine.jfr.DroppedTicksEvent;
import dev.isochron.engine.jfr.FrameEvent;
import dev.isochron.engine.jfr.JfrLoopObserver;
import dev.isochron.engine.jfr.TickEvent;
import jdk.jfr.Recording;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.concurrent.TimeUnit;

/**
 * The cost of the engine's JFR events per frame (one {@link FrameEvent} and one {@link TickEvent}), with no
 * recording and with an in-process recording that enables them. The {@code baseline} calls a no-op observer
 * so the difference is the events alone. {@code gc.alloc.rate.norm} should read 0 B/op in every case.
 */
@Fork(value = 1, jvmArgsAppend = {"--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED"})
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class JfrEventBenchmark
{
    @Param({"off", "on"})
    public String jfr;

    private final JfrLoopObserver observer = new JfrLoopObserver();
    private Recording recording;
    private long frame;

    @Setup(Level.Trial)
    public void setup()
    {
        if ("on".equals(jfr))
        {
            recording = new Recording();
            recording.enable(FrameEvent.NAME).withoutThreshold();
            recording.enable(TickEvent.NAME).withoutThreshold();
            recording.enable(DroppedTicksEvent.NAME).withoutThreshold();
            recording.setToDisk(true);
            recording.start();
        }
    }

    @TearDown(Level.Trial)
    public void tearDown()
    {
        if (null != recording)
        {
            recording.stop();
            recording.close();
        }
    }

    /** One frame and one tick through the JFR observer. */
    @Benchmark
    public long frameAndTick()
    {
        final long i = frame++;
        final long start = i << 24;
        observer.onFrameStart(start, 1000);
        observer.onTick(i, start, start + 500);
        observer.onFrameEnd(start + 2000);
        return i;
    }
}
