/**
 * Record and replay of the input each tick consumed, for bit-for-bit reproducible simulation runs.
 * <p>
 * Threads: the {@link dev.isochron.input.replay.InputRecorder} runs on the simulation thread (it is the
 * live queue's consumed-record sink and writes a block to its file every 64 KiB of records); an
 * {@link dev.isochron.input.replay.InputReplay} is loaded and validated on any thread, then drained by
 * the simulation thread in place of the live queue. Drains are allocation-free; loading is not.
 */
package dev.isochron.input.replay;
