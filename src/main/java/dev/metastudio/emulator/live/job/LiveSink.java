package dev.metastudio.emulator.live.job;

import dev.metastudio.emulator.media.MediaException;
import dev.metastudio.emulator.media.encode.H264AacEncoder;
import dev.metastudio.emulator.media.encode.HlsOutput;
import dev.metastudio.emulator.media.encode.LinkState;
import dev.metastudio.emulator.media.encode.PacketOutput;
import dev.metastudio.emulator.media.encode.RtmpOutput;
import dev.metastudio.emulator.media.render.FrameSink;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;

/**
 * A live job's output: H.264 + AAC encoded once, written as HLS (always) and pushed over RTMP to a target that
 * REFRESH_OUTPUT_URL may change while the stream runs (the push moves to a new connection, which starts on a key
 * frame; the stream and the HLS go on).
 */
final class LiveSink implements FrameSink {

    /** Told of the push's states with the target they concern. */
    interface Link {
        void changed(String url, LinkState state, String detail);
    }

    private final Path hlsFolder;
    private final Link link;
    private final Push push = new Push();
    private volatile String target;
    private H264AacEncoder encoder;

    LiveSink(Path hlsFolder, String rtmpUrl, Link link) {
        this.hlsFolder = hlsFolder;
        this.target = rtmpUrl;
        this.link = link == null ? (u, s, d) -> { } : link;
    }

    @Override
    public void open(int width, int height, int bitrateKbps) throws MediaException {
        List<PacketOutput> outputs = new ArrayList<>();
        outputs.add(push);
        // Six two-second segments in the playlist: a player joining late starts near the live edge.
        outputs.add(new HlsOutput(hlsFolder, 2, 6));
        encoder = H264AacEncoder.open(width, height, bitrateKbps, false, outputs);
    }

    /** The RTMP target now (null: none). */
    String target() {
        return target;
    }

    LinkState linkState() {
        RtmpOutput current = push.current;
        return current == null ? null : current.state();
    }

    /** Moves the push to {@code url} (null: stop pushing); the old connection is closed. */
    void retarget(String url) throws MediaException {
        target = url;
        push.retarget(url);
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

    @Override
    public void close() {
        if (encoder != null) {
            encoder.close();
            encoder = null;
        } else {
            push.close();
        }
    }

    /** The RTMP output the encoder sees: one push at a time, replaceable from another thread. */
    private final class Push implements PacketOutput {
        private final Object lock = new Object();
        private volatile RtmpOutput current;
        private AVCodecContext video;
        private AVCodecContext audio;
        private boolean finished;

        @Override
        public void open(AVCodecContext video, AVCodecContext audio) throws MediaException {
            synchronized (lock) {
                this.video = video;
                this.audio = audio;
            }
            if (target != null) {
                retarget(target);
            }
        }

        void retarget(String url) throws MediaException {
            RtmpOutput next = null;
            RtmpOutput old;
            synchronized (lock) {
                if (finished || video == null) {
                    return;
                }
                if (url != null) {
                    String u = url;
                    next = new RtmpOutput(url, null, (state, detail) -> link.changed(u, state, detail));
                    next.open(video, audio);
                }
                old = current;
                current = next;
            }
            if (old != null) {
                old.finish();
                old.close();
            }
        }

        @Override
        public void write(AVPacket packet, boolean isVideo) throws MediaException {
            synchronized (lock) {
                if (current != null) {
                    current.write(packet, isVideo);
                }
            }
        }

        @Override
        public boolean wantsKeyFrame() {
            RtmpOutput c = current;
            return c != null && c.wantsKeyFrame();
        }

        @Override
        public void finish() throws MediaException {
            RtmpOutput c;
            synchronized (lock) {
                finished = true;
                c = current;
            }
            if (c != null) {
                c.finish();
            }
        }

        @Override
        public void close() {
            RtmpOutput c;
            synchronized (lock) {
                finished = true;
                c = current;
                current = null;
            }
            if (c != null) {
                c.close();
            }
        }
    }
}
