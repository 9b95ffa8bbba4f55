package dev.metastudio.emulator.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metastudio.emulator.support.ServerTest;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.security.MessageDigest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A 1 GiB body through a presigned URL on the running server, which must stream it rather than hold it. */
class LargeUploadTest extends ServerTest {
    private static final long SIZE = 1L << 30;
    private static final long MIB = 1L << 20;

    @Autowired
    ObjectStore store;

    @Test
    void oneGibibyteStreamsToDiskWithoutGrowingTheHeap() throws Exception {
        String key = "large/" + System.nanoTime() + "/one-gib.bin";
        GeneratedBody body = new GeneratedBody(SIZE);
        String url = store.uploadUrl(key, Duration.ofHours(1), null, baseUrl());
        try {
            long started = System.nanoTime();
            int status;
            long peak;
            long live;
            try (HeapWatch heap = new HeapWatch()) {
                status = put(url, body);
                peak = heap.peakGrowth();
                live = heap.peakLiveGrowth();
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            System.out.printf("[large upload] 1 GiB in %d ms; heap peak +%d MiB above the start (garbage included),"
                    + " +%d MiB still in use after collections%n", millis, peak / MIB, live / MIB);

            assertThat(status).isEqualTo(200);
            assertThat(store.stat(key)).contains(new ObjectInfo(SIZE, body.md5()));
            // Client and server share this JVM, so both count. Holding the body anywhere would add 1 GiB;
            // streaming needs a few reused buffers (256 KiB in the endpoint, Tomcat's, the client's) and measures
            // about +16 MiB here. 128 MiB leaves room for a different collector's timing and the odd allocation
            // elsewhere in the server, yet is an eighth of what holding the body would cost.
            assertThat(peak).as("heap growth while uploading 1 GiB").isLessThan(128 * MIB);
        } finally {
            store.delete(key);
        }
    }

    /**
     * A plain streaming PUT with a Content-Length. Not java.net.http: its InputStream publisher allocates a new
     * buffer per chunk, about 1 GiB of garbage in all, which would measure the client instead of the server.
     */
    private static int put(String url, InputStream body) throws Exception {
        HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
        connection.setRequestMethod("PUT");
        connection.setDoOutput(true);
        connection.setFixedLengthStreamingMode(SIZE);
        connection.setReadTimeout(120_000);
        try (OutputStream out = connection.getOutputStream()) {
            body.transferTo(out);
        }
        try {
            return connection.getResponseCode();
        } finally {
            connection.disconnect();
        }
    }

    /** Deterministic pseudo-random bytes, generated as they are read; their MD5 is known once all are read. */
    private static final class GeneratedBody extends InputStream {
        private final long size;
        private final MessageDigest md5 = Md5.newDigest();
        private long produced;
        private long state = 0x9E3779B97F4A7C15L;

        GeneratedBody(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (produced >= size) {
                return -1;
            }
            int n = (int) Math.min(length, size - produced);
            for (int i = 0; i < n; i++) {
                if ((produced + i & 7) == 0) {
                    state ^= state << 13;
                    state ^= state >>> 7;
                    state ^= state << 17;
                }
                buffer[offset + i] = (byte) (state >>> ((produced + i & 7) << 3));
            }
            md5.update(buffer, offset, n);
            produced += n;
            return n;
        }

        String md5() {
            assertThat(produced).isEqualTo(size);
            return Md5.base64(md5.digest());
        }
    }
}
