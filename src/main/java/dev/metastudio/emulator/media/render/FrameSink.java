package dev.metastudio.emulator.media.render;

import dev.metastudio.emulator.media.MediaException;

import java.nio.ByteBuffer;

/**
 * Where composed frames go, 25 per second of stream time: a file ({@link FileSink}) or a live stream
 * ({@link StreamSink}). The composition calls open, then frame for every frame number in order, then finish (not
 * after a failure), then close, all on one thread.
 */
public interface FrameSink extends AutoCloseable {

    /** Opens the outputs for pictures of this size (even numbers) at this video bitrate. */
    void open(int width, int height, int bitrateKbps) throws MediaException;

    /**
     * Frame {@code number}: its picture as YUV 4:2:0 planes (Y, then U, then V, width*height*3/2 bytes; null when the
     * picture is skipped because a real-time stream fell behind the clock) and its 1920 samples of 48 kHz mono sound,
     * never skipped. The buffers are reused as soon as this returns.
     */
    void frame(long number, ByteBuffer yuv, short[] audio) throws MediaException;

    /** After the last frame: flushes the encoder and completes the outputs. */
    void finish() throws MediaException;

    /** The video encoder in use ("libopenh264"), known once open. */
    String encoderName();

    /** Frees everything; never throws. After a failure the outputs may be incomplete. */
    @Override
    void close();
}
