package dev.metastudio.emulator.media.render;

import dev.metastudio.emulator.media.MediaException;
import dev.metastudio.emulator.media.MediaException.Reason;
import dev.metastudio.emulator.media.encode.H264AacEncoder;
import dev.metastudio.emulator.media.encode.HlsOutput;
import dev.metastudio.emulator.media.encode.LinkListener;
import dev.metastudio.emulator.media.encode.LinkState;
import dev.metastudio.emulator.media.encode.PacketOutput;
import dev.metastudio.emulator.media.encode.RtmpOutput;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A live stream: H.264 + AAC encoded once and muxed both to FLV over RTMP (pushed to a server, reconnecting when it
 * goes away) and to HLS segments in a folder. Either target may be left out, not both.
 */
public final class StreamSink implements FrameSink {

    /**
     * @param rtmpUrl        rtmp://host:port/app/key, or null for no push
     * @param hlsFolder      folder for index.m3u8 and its segments, or null for no HLS
     * @param segmentSeconds HLS segment length (key frames come every 2 s, so 2 or a multiple of it)
     * @param listSize       segments the HLS playlist keeps (0: all, a recording)
     * @param retry          how the push reconnects (null: defaults)
     * @param link           told of the push's state changes (null: nobody)
     * @param connectWait    how long open waits for the server to accept the push before the stream starts anyway
     *                       (null or zero: not at all; the push connects in the background)
     */
    public record Targets(String rtmpUrl, Path hlsFolder, int segmentSeconds, int listSize, RtmpOutput.Retry retry,
                          LinkListener link, Duration connectWait) {
    }

    private final Targets targets;
    private H264AacEncoder encoder;
    private RtmpOutput rtmp;
    private HlsOutput hls;

    public StreamSink(Targets targets) throws MediaException {
        if (targets.rtmpUrl() == null && targets.hlsFolder() == null) {
            throw new MediaException(Reason.INVALID_INPUT, "a stream needs an RTMP URL, an HLS folder or both");
        }
        if (targets.rtmpUrl() != null && !targets.rtmpUrl().startsWith("rtmp://")) {
            throw new MediaException(Reason.INVALID_INPUT, "not an rtmp:// URL: " + targets.rtmpUrl());
        }
        this.targets = targets;
    }

    @Override
    public void open(int width, int height, int bitrateKbps) throws MediaException {
        List<PacketOutput> outputs = new ArrayList<>();
        if (targets.rtmpUrl() != null) {
            rtmp = new RtmpOutput(targets.rtmpUrl(), targets.retry(), targets.link());
            outputs.add(rtmp);
        }
        if (targets.hlsFolder() != null) {
            hls = new HlsOutput(targets.hlsFolder(), Math.max(1, targets.segmentSeconds()),
                    Math.max(0, targets.listSize()));
            outputs.add(hls);
        }
        encoder = H264AacEncoder.open(width, height, bitrateKbps, false, outputs);
        if (rtmp != null && targets.connectWait() != null && !targets.connectWait().isZero()) {
            try {
                rtmp.awaitConnected(targets.connectWait());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MediaException(Reason.CANCELLED, "interrupted while connecting", e);
            }
        }
    }

    @Override
    public void frame(long number, ByteBuffer yuv, short[] audio) throws MediaException {
        encoder.frame(number, yuv, audio);
    }

    @Override
    public void finish() throws MediaException {
        encoder.finish();
    }

    @Override
    public String encoderName() {
        return encoder == null ? null : encoder.encoderName();
    }

    /** The push's state; null without a push. */
    public LinkState linkState() {
        return rtmp == null ? null : rtmp.state();
    }

    /** Packets the push could not deliver (while disconnected). */
    public long droppedPackets() {
        return rtmp == null ? 0 : rtmp.droppedPackets();
    }

    /** The HLS playlist; null without HLS. */
    public Path playlist() {
        return hls == null ? null : hls.playlist();
    }

    @Override
    public void close() {
        if (encoder != null) {
            encoder.close();
            encoder = null;
        }
    }
}
