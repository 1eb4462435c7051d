/**
 * Stall detection: the engine's long-lived threads (simulation, render) publish a heartbeat around each
 * tick or frame, and a monitor thread reports any of them that has been inside one unit of work for longer
 * than a configured threshold, with its stack, once per stall.
 * <p>
 * Threads: {@link dev.isochron.engine.watchdog.Heartbeat#beginWork(long)} and
 * {@link dev.isochron.engine.watchdog.Heartbeat#endWork(long)} run on the monitored thread and allocate
 * nothing; {@link dev.isochron.engine.watchdog.StallWatchdog} polls on its own named monitor thread, where
 * reporting a stall (stack capture, message) may allocate; set-up, counters and close on the owner thread.
 */
package dev.isochron.engine.watchdog;
