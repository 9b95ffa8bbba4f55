package dev.metastudio.emulator.media.encode;

import dev.metastudio.emulator.media.MediaException;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;

/**
 * Where encoded packets go: a file, an HLS folder, an RTMP server. The encoder encodes each frame once and hands the
 * same packet to every output; an output that keeps a packet must take its own reference (the encoder reuses it).
 * All methods are called on the encoding thread, in this order: open, write..., finish (or not, after a failure),
 * close.
 */
public interface PacketOutput extends AutoCloseable {

    /** The two opened encoders, whose parameters (and time bases: 1/25 and 1/48000) the streams take. */
    void open(AVCodecContext video, AVCodecContext audio) throws MediaException;

    /** A packet of the video (stream 0) or the audio (stream 1), with timestamps in its encoder's time base. */
    void write(AVPacket packet, boolean video) throws MediaException;

    /** True when the output needs a key frame now (a connection was just made): the next picture becomes one. */
    default boolean wantsKeyFrame() {
        return false;
    }

    /** After the last packet: trailers, playlists' end tags. */
    void finish() throws MediaException;

    /** Frees everything; never throws. */
    @Override
    void close();
}
