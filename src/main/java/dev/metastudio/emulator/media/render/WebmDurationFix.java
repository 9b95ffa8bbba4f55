package dev.metastudio.emulator.media.render;

import dev.metastudio.emulator.media.FFmpegLog;
import dev.metastudio.emulator.media.MediaException;
import dev.metastudio.emulator.media.MediaException.Reason;
import dev.metastudio.emulator.media.audio.Pcm;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;

import java.nio.file.Path;

/**
 * JavaCV's recorder rescales packet timestamps but not packet durations. MP4 keeps audio in the codec's time base, so
 * it does not matter there; WebM counts in milliseconds, so every 960-sample Opus packet claims 960 ms and the file's
 * duration comes out almost a second too long. This stream copy rewrites each packet's duration correctly (no
 * re-encoding: a few milliseconds per megabyte).
 */
final class WebmDurationFix {

    private WebmDurationFix() {
    }

    static void copy(Path in, Path out) throws MediaException {
        FFmpegLog.quiet();
        AVFormatContext ic = new AVFormatContext(null);
        check(avformat.avformat_open_input(ic, in.toString(), null, null), "open " + in);
        AVFormatContext oc = new AVFormatContext(null);
        AVPacket pkt = avcodec.av_packet_alloc();
        try {
            check(avformat.avformat_find_stream_info(ic, (AVDictionary) null), "read " + in);
            check(avformat.avformat_alloc_output_context2(oc, null, "webm", out.toString()), "create " + out);
            for (int i = 0; i < ic.nb_streams(); i++) {
                AVStream os = avformat.avformat_new_stream(oc, null);
                check(avcodec.avcodec_parameters_copy(os.codecpar(), ic.streams(i).codecpar()), "copy stream");
                os.codecpar().codec_tag(0);
            }
            AVIOContext pb = new AVIOContext(null);
            check(avformat.avio_open(pb, out.toString(), avformat.AVIO_FLAG_WRITE), "open " + out);
            oc.pb(pb);
            check(avformat.avformat_write_header(oc, (AVDictionary) null), "write header");
            AVRational frame = avutil.av_make_q(1, Pcm.FPS);
            while (avformat.av_read_frame(ic, pkt) >= 0) {
                AVStream is = ic.streams(pkt.stream_index());
                AVStream os = oc.streams(pkt.stream_index());
                if (is.codecpar().codec_type() == avutil.AVMEDIA_TYPE_AUDIO) {
                    int samples = avcodec.av_get_audio_frame_duration2(is.codecpar(), pkt.size());
                    AVRational rate = avutil.av_make_q(1, is.codecpar().sample_rate());
                    pkt.duration(samples > 0 ? avutil.av_rescale_q(samples, rate, is.time_base()) : 0);
                } else {
                    pkt.duration(avutil.av_rescale_q(1, frame, is.time_base()));
                }
                avcodec.av_packet_rescale_ts(pkt, is.time_base(), os.time_base());
                check(avformat.av_interleaved_write_frame(oc, pkt), "write packet");
            }
            check(avformat.av_write_trailer(oc), "finish " + out);
        } finally {
            avcodec.av_packet_free(pkt);
            avformat.avformat_close_input(ic);
            if (oc.pb() != null) {
                avformat.avio_closep(oc.pb());
            }
            avformat.avformat_free_context(oc);
        }
    }

    private static void check(int rc, String what) throws MediaException {
        if (rc < 0) {
            throw new MediaException(Reason.ENCODE_FAILED, "cannot " + what + ": " + FFmpegLog.describe(rc));
        }
    }
}
