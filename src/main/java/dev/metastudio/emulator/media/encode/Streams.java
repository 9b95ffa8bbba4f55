package dev.metastudio.emulator.media.encode;

import dev.metastudio.emulator.media.MediaException;
import dev.metastudio.emulator.media.MediaException.Reason;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;

/**
 * A copy of what a muxer needs to know of the two encoders (codec parameters with the parameter sets, time bases,
 * frame rate), owned by one output: the RTMP push reconnects on its own thread, possibly while the encoders are
 * already being closed.
 */
final class Streams implements AutoCloseable {

    final AVCodecParameters video;
    final AVCodecParameters audio;
    final AVRational videoTimeBase;
    final AVRational audioTimeBase;
    final AVRational frameRate;

    private Streams(AVCodecParameters video, AVCodecParameters audio, AVRational videoTimeBase,
                    AVRational audioTimeBase, AVRational frameRate) {
        this.video = video;
        this.audio = audio;
        this.videoTimeBase = videoTimeBase;
        this.audioTimeBase = audioTimeBase;
        this.frameRate = frameRate;
    }

    static Streams of(AVCodecContext video, AVCodecContext audio) throws MediaException {
        AVCodecParameters v = avcodec.avcodec_parameters_alloc();
        AVCodecParameters a = avcodec.avcodec_parameters_alloc();
        Streams s = new Streams(v, a, q(video.time_base()), q(audio.time_base()), q(video.framerate()));
        if (avcodec.avcodec_parameters_from_context(v, video) < 0
                || avcodec.avcodec_parameters_from_context(a, audio) < 0) {
            s.close();
            throw new MediaException(Reason.INTERNAL, "cannot copy the encoders' parameters");
        }
        return s;
    }

    private static AVRational q(AVRational r) {
        return avutil.av_make_q(r.num(), r.den());
    }

    @Override
    public void close() {
        avcodec.avcodec_parameters_free(video);
        avcodec.avcodec_parameters_free(audio);
    }
}
