package dev.metastudio.emulator.media.face;

import dev.metastudio.emulator.media.FFmpegLog;
import dev.metastudio.emulator.media.MediaException;
import dev.metastudio.emulator.media.MediaException.Reason;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.RectVector;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.CascadeClassifier;

/**
 * Finds frontal faces with OpenCV's Haar cascade (the {@code haarcascade_frontalface_default.xml} that ships in
 * the OpenCV natives jar), in pictures or in frames sampled from a video. Plain library code: no Spring, no I/O
 * beyond the files it is given. A classifier is not thread-safe, so each detector owns one; frames are scaled to at
 * most {@link #WORK_WIDTH} pixels wide before detection (faces in a training clip are large).
 */
public final class FaceDetector implements AutoCloseable {
    static final int WORK_WIDTH = 640;
    private static final String CASCADE = "share/opencv4/haarcascades/haarcascade_frontalface_default.xml";

    /** A face in the picture's own pixel coordinates. */
    public record Face(int x, int y, int width, int height) {
        public int area() {
            return width * height;
        }
    }

    /** What sampling a video found: how many frames were examined, and the largest face of each frame with one. */
    public record VideoFaces(int framesSampled, List<Face> faces, int frameWidth, int frameHeight) {
        public int framesWithFace() {
            return faces.size();
        }

        /** The union box of the faces found, in frame pixels; null when none. */
        public Face region() {
            if (faces.isEmpty()) {
                return null;
            }
            int x0 = Integer.MAX_VALUE, y0 = Integer.MAX_VALUE, x1 = 0, y1 = 0;
            for (Face f : faces) {
                x0 = Math.min(x0, f.x());
                y0 = Math.min(y0, f.y());
                x1 = Math.max(x1, f.x() + f.width());
                y1 = Math.max(y1, f.y() + f.height());
            }
            return new Face(x0, y0, x1 - x0, y1 - y0);
        }
    }

    private final CascadeClassifier classifier;
    private final OpenCVFrameConverter.ToMat toMat = new OpenCVFrameConverter.ToMat();
    private final Java2DFrameConverter java2d = new Java2DFrameConverter();

    public FaceDetector() throws MediaException {
        String resource = "/org/bytedeco/opencv/" + Loader.getPlatform() + "/" + CASCADE;
        File file;
        try {
            Loader.load(org.bytedeco.opencv.global.opencv_objdetect.class);
            file = Loader.cacheResource(FaceDetector.class, resource);
        } catch (IOException | RuntimeException | UnsatisfiedLinkError e) {
            throw new MediaException(Reason.INVALID_INPUT, "the OpenCV face cascade cannot be loaded: " + e.getMessage(), e);
        }
        if (file == null) {
            throw new MediaException(Reason.FILE_MISSING, "the OpenCV face cascade is not on the class path: " + resource);
        }
        classifier = new CascadeClassifier(file.getAbsolutePath());
        if (classifier.empty()) {
            classifier.close();
            throw new MediaException(Reason.INVALID_INPUT, "the OpenCV face cascade is empty: " + file);
        }
    }

    /** The faces in a picture, largest first. */
    public List<Face> detect(BufferedImage picture) {
        Frame frame = java2d.convert(picture);
        Mat mat = toMat.convert(frame);
        return detect(mat);
    }

    private List<Face> detect(Mat colour) {
        double scale = colour.cols() > WORK_WIDTH ? WORK_WIDTH / (double) colour.cols() : 1.0;
        try (Mat grey = new Mat(); Mat small = new Mat(); RectVector found = new RectVector()) {
            int channels = colour.channels();
            if (channels == 1) {
                colour.copyTo(grey);
            } else {
                opencv_imgproc.cvtColor(colour, grey, channels == 4 ? opencv_imgproc.COLOR_BGRA2GRAY
                        : opencv_imgproc.COLOR_BGR2GRAY);
            }
            Mat work = grey;
            if (scale < 1.0) {
                opencv_imgproc.resize(grey, small, new Size((int) Math.round(grey.cols() * scale),
                        (int) Math.round(grey.rows() * scale)));
                work = small;
            }
            opencv_imgproc.equalizeHist(work, work);
            int minSide = Math.max(24, work.cols() / 20);
            classifier.detectMultiScale(work, found, 1.1, 5, 0, new Size(minSide, minSide), new Size());
            List<Face> faces = new ArrayList<>();
            for (long i = 0; i < found.size(); i++) {
                Rect r = found.get(i);
                faces.add(new Face((int) Math.round(r.x() / scale), (int) Math.round(r.y() / scale),
                        (int) Math.round(r.width() / scale), (int) Math.round(r.height() / scale)));
            }
            faces.sort((a, b) -> Integer.compare(b.area(), a.area()));
            return faces;
        }
    }

    /** Samples {@code samples} frames spread over the video and detects faces in each. */
    public VideoFaces sampleVideo(Path video, int samples, double durationSeconds) throws MediaException {
        FFmpegLog.quiet();
        List<Face> faces = new ArrayList<>();
        int sampled = 0;
        int width = 0;
        int height = 0;
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(video.toFile())) {
            grabber.start();
            width = grabber.getImageWidth();
            height = grabber.getImageHeight();
            for (int i = 0; i < samples; i++) {
                long at = (long) (durationSeconds * 1_000_000L * (i + 0.5) / samples);
                grabber.setVideoTimestamp(at);
                Frame frame = grabber.grabImage();
                if (frame == null) {
                    continue;
                }
                sampled++;
                Mat mat = toMat.convert(frame);
                List<Face> found = detect(mat);
                if (!found.isEmpty()) {
                    faces.add(found.get(0));
                }
            }
        } catch (org.bytedeco.javacv.FrameGrabber.Exception e) {
            throw new MediaException(Reason.DECODE_FAILED, "cannot decode " + video.getFileName() + ": "
                    + e.getMessage(), e);
        }
        return new VideoFaces(sampled, faces, width, height);
    }

    @Override
    public void close() {
        classifier.close();
        toMat.close();
        java2d.close();
    }
}
