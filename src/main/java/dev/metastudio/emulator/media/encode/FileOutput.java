package dev.metastudio.emulator.media.encode;

import dev.metastudio.emulator.media.MediaException;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;

import java.nio.file.Path;
import java.util.Map;

/** An MP4 file with the moov atom first, so players can start before the whole file has arrived. */
public final class FileOutput implements PacketOutput {

    private final Path file;
    private Muxer muxer;
    private Streams streams;

    public FileOutput(Path file) {
        this.file = file;
    }

    @Override
    public void open(AVCodecContext video, AVCodecContext audio) throws MediaException {
        streams = Streams.of(video, audio);
        muxer = Muxer.open("mp4", file.toAbsolutePath().toString(), streams, Map.of(),
                Map.of("movflags", "+faststart"));
    }

    @Override
    public void write(AVPacket packet, boolean video) throws MediaException {
        muxer.write(packet, video, 0);
    }

    @Override
    public void finish() throws MediaException {
        muxer.finish();
    }

    @Override
    public void close() {
        if (muxer != null) {
            muxer.close();
            muxer = null;
        }
        if (streams != null) {
            streams.close();
            streams = null;
        }
    }
}
