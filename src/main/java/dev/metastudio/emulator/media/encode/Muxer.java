package dev.metastudio.emulator.media.encode;

import dev.metastudio.emulator.media.FFmpegLog;
import dev.metastudio.emulator.media.MediaException;
import dev.metastudio.emulator.media.MediaException.Reason;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;

import java.util.Map;

/**
 * One FFmpeg output context with a video and an audio stream copied from the encoders: the muxing part that the
 * file, HLS and RTMP outputs share. Not thread-safe; each instance is used by one thread at a time.
 */
final class Muxer implements AutoCloseable {

    private final String target;
    private final AVFormatContext context;
    private final AVRational videoTimeBase;
    private final AVRational audioTimeBase;
    private boolean headerWritten;
    private boolean ioOpen;

    private Muxer(String target, AVFormatContext context, AVRational videoTimeBase, AVRational audioTimeBase) {
        this.target = target;
        this.context = context;
        this.videoTimeBase = videoTimeBase;
        this.audioTimeBase = audioTimeBase;
    }

    /**
     * Allocates the context, adds the streams, opens the I/O (unless the format writes its own files, as HLS does)
     * and writes the header.
     *
     * @param ioOptions     options of the protocol (timeouts of a network connection)
     * @param formatOptions options of the muxer (movflags, hls_time, ...)
     */
    static Muxer open(String format, String target, Streams streams, Map<String, String> ioOptions,
                      Map<String, String> formatOptions) throws MediaException {
        FFmpegLog.quiet();
        AVFormatContext ctx = new AVFormatContext(null);
        int rc = avformat.avformat_alloc_output_context2(ctx, null, format, target);
        if (rc < 0 || ctx.isNull()) {
            throw new MediaException(Reason.ENCODE_FAILED, "no " + format + " muxer for " + target + " ("
                    + FFmpegLog.describe(rc) + ")");
        }
        Muxer m = new Muxer(target, ctx, streams.videoTimeBase, streams.audioTimeBase);
        try {
            m.addStream(streams.video, streams.videoTimeBase, streams.frameRate);
            m.addStream(streams.audio, streams.audioTimeBase, null);
            if ((ctx.oformat().flags() & avformat.AVFMT_NOFILE) == 0) {
                AVIOContext pb = new AVIOContext(null);
                AVDictionary io = dictionary(ioOptions);
                try {
                    rc = avformat.avio_open2(pb, target, avformat.AVIO_FLAG_WRITE, null, io);
                } finally {
                    avutil.av_dict_free(io);
                }
                m.check(rc, "cannot open");
                ctx.pb(pb);
                m.ioOpen = true;
            }
            AVDictionary opts = dictionary(formatOptions);
            try {
                rc = avformat.avformat_write_header(ctx, opts);
            } finally {
                avutil.av_dict_free(opts);
            }
            m.check(rc, "cannot start");
            m.headerWritten = true;
            return m;
        } catch (MediaException | RuntimeException e) {
            m.close();
            throw e;
        }
    }

    private void addStream(AVCodecParameters parameters, AVRational timeBase, AVRational frameRate)
            throws MediaException {
        AVStream st = avformat.avformat_new_stream(context, null);
        if (st == null || st.isNull()) {
            throw new MediaException(Reason.ENCODE_FAILED, "cannot add a stream to " + target);
        }
        check(avcodec.avcodec_parameters_copy(st.codecpar(), parameters), "cannot describe a stream of");
        st.codecpar().codec_tag(0);
        st.time_base(timeBase);
        if (frameRate != null) {
            st.avg_frame_rate(frameRate);
            st.r_frame_rate(frameRate);
        }
    }

    /**
     * Writes a reference to the packet (the caller keeps its own), its timestamps moved from the encoder's time base
     * to the stream's, shifted back by {@code offset} (in the encoder's time base) for outputs that start later.
     */
    void write(AVPacket packet, boolean video, long offset) throws MediaException {
        AVPacket copy = avcodec.av_packet_clone(packet);
        if (copy == null) {
            throw new MediaException(Reason.INTERNAL, "out of memory for a packet");
        }
        try {
            if (offset != 0) {
                copy.pts(copy.pts() - offset);
                copy.dts(copy.dts() - offset);
            }
            int index = video ? 0 : 1;
            copy.stream_index(index);
            avcodec.av_packet_rescale_ts(copy, video ? videoTimeBase : audioTimeBase,
                    context.streams(index).time_base());
            check(avformat.av_interleaved_write_frame(context, copy), "cannot write to");
        } finally {
            avcodec.av_packet_free(copy);
        }
    }

    void finish() throws MediaException {
        if (headerWritten) {
            headerWritten = false;
            check(avformat.av_write_trailer(context), "cannot finish");
        }
    }

    @Override
    public void close() {
        if (ioOpen) {
            ioOpen = false;
            avformat.avio_closep(context.pb());
        }
        avformat.avformat_free_context(context);
    }

    private void check(int rc, String what) throws MediaException {
        if (rc < 0) {
            throw new MediaException(Reason.ENCODE_FAILED, what + " " + target + ": " + FFmpegLog.describe(rc));
        }
    }

    private static AVDictionary dictionary(Map<String, String> options) {
        AVDictionary d = new AVDictionary(null);
        options.forEach((k, v) -> avutil.av_dict_set(d, k, v, 0));
        return d;
    }
}
