/**
 * Output files written whole or not at all: reports, CSVs, screenshots, recordings.
 * <p>
 * Threads: whichever thread writes the output, off the frame path (start-up, shutdown, a tool's main thread); the
 * classes here allocate and do blocking file I/O freely.
 */
package dev.isochron.engine.io;
