/**
 * The chart scene: four 1 kHz series from a producer thread, a million points of primitive history
 * each, min/max decimation per pixel column, axes, pan, zoom and legend.
 * <p>
 * Threading: {@link dev.isochron.demo.chart.ChartFeed} runs on its own producer thread and writes
 * {@link dev.isochron.demo.chart.FeedRing} (single writer); the simulation thread drains the ring into
 * {@link dev.isochron.demo.chart.SeriesHistory} and decimates into {@link dev.isochron.demo.chart.ChartState};
 * the render thread draws it with {@link dev.isochron.demo.chart.ChartDrawing}. Naive mode shares
 * {@link dev.isochron.demo.chart.NaiveChartData} between producer and renderer under a lock.
 */
package dev.isochron.demo.chart;
