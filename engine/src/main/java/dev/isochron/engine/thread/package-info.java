/**
 * Long-lived engine threads and the per-frame fork/join between the render thread and its workers.
 * <p>
 * {@link dev.isochron.engine.thread.AgentThread} runs an Agrona {@link org.agrona.concurrent.Agent} on its
 * own named thread with a chosen {@link org.agrona.concurrent.IdleStrategy}; its
 * {@link dev.isochron.engine.thread.ErrorRecorder} keeps the first error with the name of the thread that
 * raised it and counts the rest, so nothing thrown on an engine thread is lost. The same recorder serves an
 * {@link org.agrona.concurrent.AgentInvoker} when the agent runs on a thread the caller owns.
 * <p>
 * {@link dev.isochron.engine.thread.WorkerGroup} forks one frame's work to K long-lived worker threads and
 * joins it, with sequence counters only: no task objects, no executor, no allocation. The coordinator is the
 * render thread; the workers run {@link dev.isochron.engine.thread.SliceWork} callbacks.
 * <p>
 * Threads: the classes here are created and closed by the owner thread (the one that starts the engine);
 * {@code fork}/{@code join} run on the coordinator thread, slices on the workers.
 */
package dev.isochron.engine.thread;
