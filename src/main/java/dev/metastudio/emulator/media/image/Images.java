package dev.metastudio.emulator.media.image;

import dev.metastudio.emulator.media.FFmpegLog;
import dev.metastudio.emulator.media.MediaException;
import dev.metastudio.emulator.media.MediaException.Reason;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

/** Reading and writing still images: PNG/JPEG/GIF (first frame)/BMP through ImageIO, WebP through FFmpeg. */
public final class Images {

    private Images() {
    }

    /** The service's pixel rule for images: at most 4K in either orientation. */
    public static boolean withinPixelLimit(int width, int height) {
        return (width <= 2160 && height <= 3840) || (width <= 3840 && height <= 2160);
    }

    /**
     * Reads an image for compositing, as TYPE_INT_ARGB with alpha kept. Images beyond 4K are refused before their
     * pixels are decoded, so a huge upload cannot exhaust the heap.
     */
    public static BufferedImage read(Path file) throws MediaException {
        return readInternal(file, 0, true);
    }

    /** Reads an image of any size for a preview, decoding only every n-th pixel of big images. */
    public static BufferedImage readScaledDown(Path file, int targetWidth) throws MediaException {
        return readInternal(file, targetWidth, false);
    }

    private static BufferedImage readInternal(Path file, int targetWidth, boolean enforceLimit) throws MediaException {
        if (file == null || !Files.isRegularFile(file)) {
            throw new MediaException(Reason.FILE_MISSING, "image file not found: " + file);
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                return readWithFfmpeg(file, enforceLimit);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                if (enforceLimit && !withinPixelLimit(w, h)) {
                    throw tooLarge(file, w, h);
                }
                ImageReadParam param = reader.getDefaultReadParam();
                if (targetWidth > 0) {
                    int step = Math.max(1, w / (targetWidth * 2));
                    param.setSourceSubsampling(step, step, 0, 0);
                }
                return toArgb(reader.read(0, param));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new MediaException(Reason.UNSUPPORTED_MEDIA,
                    "cannot decode image " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private static MediaException tooLarge(Path file, int w, int h) {
        return new MediaException(Reason.IMAGE_TOO_LARGE,
                "image " + file.getFileName() + " is " + w + "x" + h + ", more than 3840x2160 / 2160x3840 pixels");
    }

    private static BufferedImage readWithFfmpeg(Path file, boolean enforceLimit) throws MediaException {
        FFmpegLog.quiet();
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
             Java2DFrameConverter converter = new Java2DFrameConverter()) {
            grabber.start();
            if (!grabber.hasVideo() || grabber.getImageWidth() <= 0) {
                throw new MediaException(Reason.UNSUPPORTED_MEDIA, "not an image: " + file.getFileName());
            }
            if (enforceLimit && !withinPixelLimit(grabber.getImageWidth(), grabber.getImageHeight())) {
                throw tooLarge(file, grabber.getImageWidth(), grabber.getImageHeight());
            }
            Frame frame = grabber.grabImage();
            if (frame == null) {
                throw new MediaException(Reason.UNSUPPORTED_MEDIA, "no picture in " + file.getFileName());
            }
            return toArgb(converter.convert(frame));
        } catch (org.bytedeco.javacv.FrameGrabber.Exception e) {
            throw new MediaException(Reason.UNSUPPORTED_MEDIA,
                    "not a readable image: " + file.getFileName() + " (" + e.getMessage() + ")", e);
        }
    }

    public static BufferedImage toArgb(BufferedImage src) {
        if (src.getType() == BufferedImage.TYPE_INT_ARGB) {
            return src;
        }
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(src, 0, 0, null);
        g.dispose();
        return out;
    }

    /**
     * High-quality downscale: halving steps with bilinear filtering avoid the aliasing of one big bilinear step.
     */
    public static BufferedImage scale(BufferedImage src, int width, int height) {
        BufferedImage current = src;
        while (current.getWidth() / 2 >= width && current.getHeight() / 2 >= height) {
            current = resample(current, current.getWidth() / 2, current.getHeight() / 2);
        }
        if (current.getWidth() == width && current.getHeight() == height && current != src) {
            return current;
        }
        return resample(current, width, height);
    }

    private static BufferedImage resample(BufferedImage src, int width, int height) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(src, 0, 0, width, height, null);
        g.dispose();
        return out;
    }

    /** JPEG has no alpha: transparent pixels are flattened onto black, as players show them. */
    public static void writeJpeg(BufferedImage image, Path out, float quality) throws MediaException {
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(Files.newOutputStream(out))) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.setOutput(ios);
            writer.write(null, new IIOImage(rgb, null, null), param);
        } catch (IOException e) {
            throw new MediaException(Reason.INTERNAL, "cannot write " + out + ": " + e.getMessage(), e);
        } finally {
            writer.dispose();
        }
    }
}
