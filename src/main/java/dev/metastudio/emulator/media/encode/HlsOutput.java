package dev.metastudio.emulator.media.encode;

import dev.metastudio.emulator.media.MediaException;
import dev.metastudio.emulator.media.MediaException.Reason;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * HLS to a folder: {@code index.m3u8} and MPEG-TS segments {@code segment00000.ts}, ... cut at the key frames (every
 * two seconds). With {@code listSize} 0 the playlist keeps every segment (a recording); otherwise it is a sliding
 * window of that many segments and older segment files are deleted, as a live origin does.
 */
public final class HlsOutput implements PacketOutput {

    public static final String PLAYLIST = "index.m3u8";

    private final Path folder;
    private final int segmentSeconds;
    private final int listSize;
    private Muxer muxer;
    private Streams streams;

    public HlsOutput(Path folder, int segmentSeconds, int listSize) {
        this.folder = folder;
        this.segmentSeconds = segmentSeconds;
        this.listSize = listSize;
    }

    public Path playlist() {
        return folder.resolve(PLAYLIST);
    }

    @Override
    public void open(AVCodecContext video, AVCodecContext audio) throws MediaException {
        streams = Streams.of(video, audio);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new MediaException(Reason.INTERNAL, "cannot create " + folder + ": " + e.getMessage(), e);
        }
        Map<String, String> options = new LinkedHashMap<>();
        options.put("hls_time", Integer.toString(segmentSeconds));
        options.put("hls_list_size", Integer.toString(listSize));
        options.put("hls_segment_filename", folder.toAbsolutePath().resolve("segment%05d.ts").toString());
        options.put("hls_flags", listSize > 0 ? "independent_segments+delete_segments" : "independent_segments");
        muxer = Muxer.open("hls", playlist().toAbsolutePath().toString(), streams, Map.of(), options);
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
