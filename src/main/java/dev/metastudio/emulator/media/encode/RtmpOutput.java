package dev.metastudio.emulator.media.encode;

import dev.metastudio.emulator.media.MediaException;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.global.avcodec;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * FLV over RTMP to a server, on a thread of its own so that a slow or vanished server never holds up the encoder or
 * the other outputs. Packets pass through a short queue; when the connection breaks (the server went away, a write
 * timed out) the push reconnects with growing pauses and resumes at the next key frame, the new connection's
 * timestamps starting again at zero, as a new publish does. Packets that arrive while there is no connection, or that
 * find the queue full, are dropped and counted.
 */
public final class RtmpOutput implements PacketOutput {

    /** How the push retries. maxAttempts 0: forever (until the stream ends). */
    public record Retry(Duration firstPause, Duration maxPause, int maxAttempts, Duration ioTimeout) {
        public static Retry defaults() {
            return new Retry(Duration.ofMillis(250), Duration.ofSeconds(5), 0, Duration.ofSeconds(5));
        }
    }

    /** A reference to an encoder packet, or the end of the stream (null packet). */
    private record Item(AVPacket packet, boolean video) {
    }

    private static final int QUEUE = 200;

    private final String url;
    private final Retry retry;
    private final LinkListener listener;
    private final BlockingQueue<Item> queue = new ArrayBlockingQueue<>(QUEUE);
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private volatile LinkState state = LinkState.CONNECTING;
    private volatile boolean ending;
    private volatile boolean keyFrameWanted;
    private volatile boolean closed;
    private int connections;
    private Thread thread;
    private Streams streams;

    public RtmpOutput(String url, Retry retry, LinkListener listener) {
        this.url = url;
        this.retry = retry == null ? Retry.defaults() : retry;
        this.listener = listener == null ? LinkListener.NONE : listener;
    }

    public LinkState state() {
        return state;
    }

    /** Packets (audio and video) not delivered: no connection at the time, or a full queue. */
    public long droppedPackets() {
        return dropped.get();
    }

    public long sentPackets() {
        return sent.get();
    }

    /** Starts connecting in the background: a server that is not there yet is not an error of the stream. */
    @Override
    public void open(AVCodecContext video, AVCodecContext audio) throws MediaException {
        streams = Streams.of(video, audio);
        thread = new Thread(this::run, "rtmp-push");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void write(AVPacket packet, boolean isVideo) {
        if (state != LinkState.CONNECTED) {
            dropped.incrementAndGet();
            return;
        }
        AVPacket copy = avcodec.av_packet_clone(packet);
        if (copy == null || !queue.offer(new Item(copy, isVideo))) {
            if (copy != null) {
                avcodec.av_packet_free(copy);
            }
            dropped.incrementAndGet();
        }
    }

    /** Lets the queued packets go out and closes the connection (waits at most the I/O timeout for it). */
    @Override
    public void finish() {
        ending = true;
        queue.offer(new Item(null, false));
        join(retry.ioTimeout().toMillis() + 1000);
    }

    @Override
    public void close() {
        ending = true;
        closed = true;
        if (thread != null) {
            thread.interrupt();
            join(retry.ioTimeout().toMillis() + 1000);
        }
        drain();
    }

    private void join(long millis) {
        if (thread == null) {
            return;
        }
        try {
            thread.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        listener.changed(LinkState.CONNECTING, url);
        try {
            connectAndPush();
        } finally {
            drain();
            streams.close();
        }
    }

    private void connectAndPush() {
        int attempt = 0;
        while (!ending) {
            Muxer muxer;
            try {
                muxer = Muxer.open("flv", url, streams, ioOptions(), Map.of());
            } catch (MediaException e) {
                attempt++;
                if (retry.maxAttempts() > 0 && attempt >= retry.maxAttempts()) {
                    change(LinkState.FAILED, e.getMessage());
                    return;
                }
                change(connections == 0 ? LinkState.CONNECTING : LinkState.RECONNECTING, e.getMessage());
                if (!pause(attempt)) {
                    return;
                }
                continue;
            }
            attempt = 0;
            connections++;
            String broken = push(muxer);
            if (broken == null) {
                try {
                    muxer.finish();
                } catch (MediaException ignored) {
                    // The server may already have hung up; the stream has ended either way.
                }
                muxer.close();
                drain();
                change(LinkState.CLOSED, null);
                return;
            }
            muxer.close();
            drain();
            if (!ending) {
                change(LinkState.RECONNECTING, broken);
            }
        }
        drain();
        change(LinkState.CLOSED, null);
    }

    /** Sends queued packets until the end (returns null) or a broken connection (returns why). */
    private String push(Muxer muxer) {
        change(LinkState.CONNECTED, null);
        long videoOffset = -1;
        long audioOffset = 0;
        while (true) {
            Item item;
            try {
                item = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return closed ? null : "interrupted";
            }
            if (item == null) {
                if (closed || ending) {
                    return null;
                }
                continue;
            }
            if (item.packet() == null) {
                return null;
            }
            AVPacket p = item.packet();
            try {
                if (videoOffset < 0) {
                    // A new connection starts at a key frame, at time zero; sound before it is of no use there.
                    if (!item.video() || (p.flags() & avcodec.AV_PKT_FLAG_KEY) == 0) {
                        continue;
                    }
                    videoOffset = p.pts();
                    audioOffset = videoOffset * streams.audioTimeBase.den() / streams.videoTimeBase.den();
                }
                long offset = item.video() ? videoOffset : audioOffset;
                if (p.pts() < offset) {
                    continue;
                }
                muxer.write(p, item.video(), offset);
                sent.incrementAndGet();
            } catch (MediaException e) {
                return e.getMessage();
            } finally {
                avcodec.av_packet_free(p);
            }
        }
    }

    private Map<String, String> ioOptions() {
        String micros = Long.toString(retry.ioTimeout().toNanos() / 1000);
        // rw_timeout bounds every read and write of the connection (not "timeout": to the RTMP protocol that means
        // "listen for a publisher", which turns a push into a server).
        return Map.of("rw_timeout", micros);
    }

    /** Waits before attempt n+1: first pause doubled per attempt up to the maximum. False: the stream ended. */
    private boolean pause(int attempt) {
        long first = retry.firstPause().toMillis();
        long millis = Math.min(retry.maxPause().toMillis(), first << Math.min(20, attempt - 1));
        long until = System.nanoTime() + millis * 1_000_000;
        try {
            while (!ending && System.nanoTime() < until) {
                Thread.sleep(Math.min(50, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
            }
        } catch (InterruptedException e) {
            return false;
        }
        return !ending;
    }

    /** Tells the listener of a change; a further failed attempt in the same state is not a change. */
    private void change(LinkState next, String detail) {
        if (state != next) {
            if (next == LinkState.CONNECTED) {
                // A new connection can start at once instead of waiting up to a GOP for the next key frame.
                keyFrameWanted = true;
            }
            state = next;
            synchronized (this) {
                notifyAll();
            }
            listener.changed(next, detail);
        }
    }

    @Override
    public boolean wantsKeyFrame() {
        if (keyFrameWanted) {
            keyFrameWanted = false;
            return true;
        }
        return false;
    }

    /** Waits at most {@code timeout} for the first connection; true if connected. */
    public boolean awaitConnected(Duration timeout) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (state != LinkState.CONNECTED && state != LinkState.FAILED) {
                long left = (until - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    break;
                }
                wait(left);
            }
        }
        return state == LinkState.CONNECTED;
    }

    private void drain() {
        Item item;
        while ((item = queue.poll()) != null) {
            if (item.packet() != null) {
                avcodec.av_packet_free(item.packet());
            }
        }
    }
}
