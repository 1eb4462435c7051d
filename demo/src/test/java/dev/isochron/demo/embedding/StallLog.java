package dev.isochron.demo.embedding;

import dev.isochron.engine.watchdog.StallReporter;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Where the stall watchdog's reports go instead of System.err: {@code new RuntimeConfig().stallReporter(log)}. Runs on
 * the watchdog's thread, off the frame path, so it may allocate; it should return promptly.
 */
public final class StallLog implements StallReporter {
    private final List<String> lines = new CopyOnWriteArrayList<>();

    public void onStall(String threadName, Thread thread, long stalledNs, StackTraceElement[] stack, long count) {
        String top = stack.length > 0 ? stack[0].toString() : "(no stack)";
        lines.add(threadName + " stalled " + stalledNs / 1_000_000 + " ms at " + top);
    }

    public List<String> lines() {
        return lines;
    }
}
