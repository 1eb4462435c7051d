package dev.isochron.peer.gdx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PeerReportTest
{
    private static final long MS = 1_000_000L;

    /** 200 frames of 10 ms after 5 warm-up frames, frame 100 takes 40 ms (a stall), ticks of 0.1 ms. */
    private static FrameRecorder recorded()
    {
        final FrameRecorder recorder = new FrameRecorder(5, 200, Thread.currentThread());
        long now = 1_000 * MS;
        for (int frame = 0; frame < 5 + 200 + 1; frame++)
        {
            if (recorder.frameStart(now))
            {
                break;
            }
            recorder.tick(100_000L);
            recorder.frameWorkEnd(now + 2 * MS, 100_000L);
            now += frame == 5 + 100 ? 40 * MS : 10 * MS;
        }
        return recorder;
    }

    @Test
    void shouldCloseTheWindowAtTheStartAfterTheLastMeasuredFrame()
    {
        final FrameRecorder recorder = recorded();
        assertTrue(recorder.complete());
        assertEquals(200, recorder.frames());
        assertEquals(10 * MS, recorder.frameNs(0));
        assertEquals(40 * MS, recorder.frameNs(100));
        assertEquals(199 * 10 * MS + 40 * MS, recorder.windowEndNs() - recorder.windowStartNs());
    }

    @Test
    void shouldWriteTheEngineReportsKeysInTheirOrderThenTheExtras() throws Exception
    {
        final PeerReport report = new PeerReport();
        report.scene = "sprites";
        report.extra("peer", "libGDX test");
        final JsonNode json = new ObjectMapper().readTree(report.toJson(recorded(), null));
        final List<String> keys = new ArrayList<>();
        for (final Iterator<String> names = json.fieldNames(); names.hasNext(); )
        {
            keys.add(names.next());
        }
        final List<String> expected = new ArrayList<>(PeerReport.reportKeys());
        expected.add("peer");
        assertEquals(expected, keys);
        assertEquals("peer", json.get("mode").asText());
        assertEquals(200, json.get("frames").asInt());
    }

    @Test
    void shouldComputeFiguresAsTheEngineDefinesThem() throws Exception
    {
        final PeerReport report = new PeerReport();
        final JsonNode json = new ObjectMapper().readTree(report.toJson(recorded(), null));
        assertEquals(10.0, json.at("/frameMs/p50").asDouble(), 0.01);
        assertEquals(10.0, json.at("/frameMs/p99").asDouble(), 0.01);
        assertEquals(40.0, json.at("/frameMs/max").asDouble(), 1e-9);
        assertEquals((199 * 10 + 40) / 200.0, json.at("/frameMs/mean").asDouble(), 1e-4);
        assertEquals(200 * 1000.0 / (199 * 10 + 40), json.at("/fpsMean").asDouble(), 1e-3);
        // 1% of 200 frames = the 2 slowest: 40 and 10 ms
        assertEquals(1000.0 / 25.0, json.at("/onePercentLowFps").asDouble(), 1e-3);
        assertEquals(1, json.at("/stalls/count").asInt());
        assertEquals(1, json.at("/stalls/render").asInt());
        assertEquals(25.0, json.at("/stallThresholdMs").asDouble(), 1e-9);
        assertEquals(200, json.at("/ticks").asInt());
    }

    @Test
    void shouldPutAStallDownToGcWhenAPauseOverlapsIt()
    {
        final FrameRecorder recorder = recorded();
        try (GcPauses gc = new GcPauses())
        {
            final long start = recorder.startNs(100);
            gc.record(start + 5 * MS, start + 25 * MS);
            assertEquals("gc", PeerReport.stallCause(recorder, gc, 100, 25 * MS));
            assertEquals("", PeerReport.stallCause(recorder, gc, 99, 25 * MS));
        }
    }

    @Test
    void shouldWriteTheEnginesFrameCsvColumns()
    {
        final String csv = PeerReport.frameCsv(recorded(), null, 0);
        final String[] lines = csv.split("\n");
        assertEquals("frame,startNs,frameNs,updateNs,renderNs,stateAgeNs,stall", lines[0]);
        assertEquals(201, lines.length);
        assertTrue(lines[101].endsWith(",40000000,100000,1900000,0,render"), lines[101]);
    }
}
