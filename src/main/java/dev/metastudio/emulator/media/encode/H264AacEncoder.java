package dev.metastudio.emulator.media.encode;

import dev.metastudio.emulator.media.FFmpegLog;
import dev.metastudio.emulator.media.MediaException;
import dev.metastudio.emulator.media.MediaException.Reason;
import dev.metastudio.emulator.media.audio.Pcm;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Encodes 25 fps YUV 4:2:0 pictures and 48 kHz mono sound to H.264 and AAC once, and hands every packet to all its
 * outputs (an MP4 file; or an RTMP server and an HLS folder at the same time). Unlike FFmpegFrameRecorder it sees the
 * packets, which is what lets one encoding feed several muxers and what lets it pad the video up to the requested
 * bitrate ({@link BitrateFloor}). Pictures may be skipped (a live stream that fell behind the clock): timestamps come
 * from the frame number, and the sound stays continuous.
 */
public final class H264AacEncoder implements AutoCloseable {

    public static final int AUDIO_BITRATE = 128_000;

    private final List<PacketOutput> outputs;
    private final int width;
    private final int height;
    private final String encoderName;
    private AVCodecContext video;
    private AVCodecContext audio;
    private final AVFrame picture;
    private final AVFrame sound;
    private final AVPacket packet;
    private final BitrateFloor floor;
    private final float[] pending;
    private int pendingCount;
    private long audioPts;
    private long lastPts = -1;
    private long lastKey;
    private long lastPaddedPts = -1;
    private long videoBytes;
    private long pictures;

    private H264AacEncoder(List<PacketOutput> outputs, int width, int height, String encoderName, AVCodecContext video,
                           AVCodecContext audio, long bitsPerSecond) {
        this.outputs = List.copyOf(outputs);
        this.width = width;
        this.height = height;
        this.encoderName = encoderName;
        this.video = video;
        this.audio = audio;
        this.picture = avutil.av_frame_alloc();
        this.sound = avutil.av_frame_alloc();
        this.packet = avcodec.av_packet_alloc();
        this.floor = new BitrateFloor(bitsPerSecond, Pcm.FPS);
        this.pending = new float[Math.max(audio.frame_size(), 1) + Pcm.SAMPLES_PER_FRAME];
    }

    /**
     * Opens the encoders (NVENC first when {@code hardwareFirst}, libopenh264 otherwise or if it cannot open) and
     * then every output. On failure everything opened so far is closed again, the outputs included.
     */
    public static H264AacEncoder open(int width, int height, int bitrateKbps, boolean hardwareFirst,
                                      List<PacketOutput> outputs) throws MediaException {
        FFmpegLog.quiet();
        AVCodecContext v = null;
        String name = null;
        if (hardwareFirst) {
            v = tryVideo("h264_nvenc", width, height, bitrateKbps);
            name = v == null ? null : "h264_nvenc";
        }
        if (v == null) {
            v = tryVideo("libopenh264", width, height, bitrateKbps);
            name = "libopenh264";
        }
        if (v == null) {
            outputs.forEach(PacketOutput::close);
            throw new MediaException(Reason.ENCODE_FAILED, "cannot start the libopenh264 encoder");
        }
        AVCodecContext a;
        try {
            a = openAudio();
        } catch (MediaException e) {
            avcodec.avcodec_free_context(v);
            outputs.forEach(PacketOutput::close);
            throw e;
        }
        H264AacEncoder encoder = new H264AacEncoder(outputs, width, height, name, v, a, bitrateKbps * 1000L);
        try {
            for (PacketOutput o : outputs) {
                o.open(v, a);
            }
            encoder.allocateFrames();
        } catch (MediaException | RuntimeException e) {
            encoder.close();
            throw e;
        }
        return encoder;
    }

    private static AVCodecContext tryVideo(String name, int width, int height, int bitrateKbps) {
        AVCodec codec = avcodec.avcodec_find_encoder_by_name(name);
        if (codec == null || codec.isNull()) {
            return null;
        }
        AVCodecContext c = avcodec.avcodec_alloc_context3(codec);
        c.width(width);
        c.height(height);
        c.pix_fmt(avutil.AV_PIX_FMT_YUV420P);
        c.time_base(avutil.av_make_q(1, Pcm.FPS));
        c.framerate(avutil.av_make_q(Pcm.FPS, 1));
        c.bit_rate(bitrateKbps * 1000L);
        // Two-second groups: HLS cuts segments at key frames, and a reconnected RTMP viewer waits at most that long.
        c.gop_size(2 * Pcm.FPS);
        c.max_b_frames(0);
        // Parameter sets out of band (extradata): MP4 and FLV need them in their headers; TS repeats them itself.
        c.flags(c.flags() | avcodec.AV_CODEC_FLAG_GLOBAL_HEADER);
        // Tags so players convert colours with the matrix the frames were made with.
        c.colorspace(avutil.AVCOL_SPC_BT709);
        c.color_primaries(avutil.AVCOL_PRI_BT709);
        c.color_trc(avutil.AVCOL_TRC_BT709);
        c.color_range(avutil.AVCOL_RANGE_MPEG);
        c.thread_count(Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors())));
        AVDictionary opts = new AVDictionary(null);
        if (name.equals("libopenh264")) {
            // openh264 only runs threads on separate slices; four slices cost under 2 % in size. It has no
            // High-profile tools, so Main (CABAC) is what it really produces. Bitrate mode: spend what is asked
            // where the picture can use it (the default "quality" mode spends a fraction of it).
            avutil.av_dict_set(opts, "slices", "4", 0);
            avutil.av_dict_set(opts, "profile", "main", 0);
            avutil.av_dict_set(opts, "rc_mode", "bitrate", 0);
        } else {
            avutil.av_dict_set(opts, "preset", "p4", 0);
        }
        int rc = avcodec.avcodec_open2(c, codec, opts);
        avutil.av_dict_free(opts);
        if (rc < 0) {
            avcodec.avcodec_free_context(c);
            return null;
        }
        return c;
    }

    private static AVCodecContext openAudio() throws MediaException {
        AVCodec codec = avcodec.avcodec_find_encoder_by_name("aac");
        if (codec == null || codec.isNull()) {
            throw new MediaException(Reason.ENCODE_FAILED, "no AAC encoder in this FFmpeg build");
        }
        AVCodecContext c = avcodec.avcodec_alloc_context3(codec);
        c.sample_fmt(avutil.AV_SAMPLE_FMT_FLTP);
        c.sample_rate(Pcm.SAMPLE_RATE);
        avutil.av_channel_layout_default(c.ch_layout(), 1);
        c.bit_rate(AUDIO_BITRATE);
        c.time_base(avutil.av_make_q(1, Pcm.SAMPLE_RATE));
        c.flags(c.flags() | avcodec.AV_CODEC_FLAG_GLOBAL_HEADER);
        int rc = avcodec.avcodec_open2(c, codec, (AVDictionary) null);
        if (rc < 0) {
            avcodec.avcodec_free_context(c);
            throw new MediaException(Reason.ENCODE_FAILED, "cannot start the AAC encoder: " + FFmpegLog.describe(rc));
        }
        return c;
    }

    private void allocateFrames() throws MediaException {
        picture.format(avutil.AV_PIX_FMT_YUV420P);
        picture.width(width);
        picture.height(height);
        check(avutil.av_frame_get_buffer(picture, 0), "cannot allocate a picture");
        sound.format(avutil.AV_SAMPLE_FMT_FLTP);
        sound.sample_rate(Pcm.SAMPLE_RATE);
        sound.nb_samples(audio.frame_size());
        check(avutil.av_channel_layout_copy(sound.ch_layout(), audio.ch_layout()), "cannot set the channel layout");
        check(avutil.av_frame_get_buffer(sound, 0), "cannot allocate a sound frame");
    }

    public String encoderName() {
        return encoderName;
    }

    /** Average video bitrate so far over stream time (bits per second), filler included. */
    public long videoBitrate() {
        return lastPaddedPts <= 0 ? 0 : videoBytes * 8 * Pcm.FPS / (lastPaddedPts + 1);
    }

    /**
     * Encodes frame {@code frameNumber}: its picture (Y, U, V planes packed, width*height*3/2 bytes; null when the
     * picture is skipped) and its 1920 samples of sound (never skipped). Frame numbers only go up.
     */
    public void frame(long frameNumber, ByteBuffer yuv, short[] samples) throws MediaException {
        if (yuv != null) {
            if (frameNumber <= lastPts) {
                throw new MediaException(Reason.INTERNAL, "frame " + frameNumber + " after frame " + lastPts);
            }
            lastPts = frameNumber;
            check(avutil.av_frame_make_writable(picture), "cannot write a picture");
            BytePointer source = new BytePointer(yuv);
            copyPlane(source, 0, 0, width, height);
            copyPlane(source, 1, width * height, width / 2, height / 2);
            copyPlane(source, 2, width * height + (width / 2) * (height / 2), width / 2, height / 2);
            picture.pts(frameNumber);
            // Key frames every two seconds of stream time, also when pictures were skipped (HLS cuts there).
            boolean key = frameNumber - lastKey >= 2L * Pcm.FPS;
            for (PacketOutput o : outputs) {
                key |= o.wantsKeyFrame();
            }
            picture.pict_type(key ? avutil.AV_PICTURE_TYPE_I : avutil.AV_PICTURE_TYPE_NONE);
            if (key) {
                lastKey = frameNumber;
            }
            send(video, picture, true);
        }
        int frameSize = audio.frame_size();
        for (short s : samples) {
            pending[pendingCount++] = s / 32768f;
            if (pendingCount == frameSize) {
                sendSound(frameSize);
            }
        }
    }

    private void copyPlane(BytePointer source, int plane, long offset, int w, int h) {
        avutil.av_image_copy_plane(picture.data(plane), picture.linesize(plane), source.position(offset), w, w, h);
    }

    private void sendSound(int count) throws MediaException {
        check(avutil.av_frame_make_writable(sound), "cannot write a sound frame");
        sound.nb_samples(count);
        new FloatPointer(sound.data(0)).put(pending, 0, count);
        sound.pts(audioPts);
        audioPts += count;
        pendingCount = 0;
        send(audio, sound, false);
    }

    /** Flushes both encoders and finishes every output. */
    public void finish() throws MediaException {
        if (pendingCount > 0) {
            sendSound(pendingCount);
        }
        send(video, null, true);
        send(audio, null, false);
        for (PacketOutput o : outputs) {
            o.finish();
        }
    }

    private void send(AVCodecContext c, AVFrame frame, boolean isVideo) throws MediaException {
        check(avcodec.avcodec_send_frame(c, frame), isVideo ? encoderName + " refused a picture"
                : "aac refused sound");
        while (true) {
            int rc = avcodec.avcodec_receive_packet(c, packet);
            if (rc == avutil.AVERROR_EAGAIN() || rc == avutil.AVERROR_EOF) {
                return;
            }
            check(rc, isVideo ? encoderName + " failed" : "aac failed");
            try {
                if (isVideo) {
                    pad();
                }
                for (PacketOutput o : outputs) {
                    o.write(packet, isVideo);
                }
            } finally {
                avcodec.av_packet_unref(packet);
            }
        }
    }

    private void pad() throws MediaException {
        long pts = packet.pts();
        long frames = lastPaddedPts < 0 || pts == avutil.AV_NOPTS_VALUE ? 1 : pts - lastPaddedPts;
        lastPaddedPts = pts;
        int filler = floor.afterPicture(packet.size(), frames);
        if (filler > 0) {
            int at = packet.size();
            check(avcodec.av_grow_packet(packet, filler), "cannot grow a packet");
            byte[] bytes = new byte[filler];
            BitrateFloor.writeFiller(bytes, 0, filler);
            packet.data().position(at).put(bytes, 0, filler);
            packet.data().position(0);
        }
        videoBytes += packet.size();
        pictures++;
    }

    private static void check(int rc, String what) throws MediaException {
        if (rc < 0) {
            throw new MediaException(Reason.ENCODE_FAILED, what + ": " + FFmpegLog.describe(rc));
        }
    }

    @Override
    public void close() {
        for (PacketOutput o : outputs) {
            o.close();
        }
        if (video != null) {
            avcodec.avcodec_free_context(video);
            video = null;
        }
        if (audio != null) {
            avcodec.avcodec_free_context(audio);
            audio = null;
        }
        avutil.av_frame_free(picture);
        avutil.av_frame_free(sound);
        avcodec.av_packet_free(packet);
    }
}
