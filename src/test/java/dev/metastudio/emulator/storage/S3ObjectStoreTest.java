package dev.metastudio.emulator.storage;

import dev.metastudio.emulator.storage.s3.S3ObjectStore;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;

/** The contract on the S3 store, against a real S3-compatible server (S3Proxy) running beside the tests. */
class S3ObjectStoreTest extends ObjectStoreContract {
    private static S3ObjectStore store;

    @Override
    protected synchronized ObjectStore store() {
        if (store == null) {
            store = S3ProxyServer.shared().newStore();
        }
        return store;
    }

    @AfterAll
    static void closeClients() {
        if (store != null) {
            store.close();
            store = null;
        }
    }

    /** SigV4 expiry cannot be signed in the past through the SDK, so the URL is left to lapse. */
    @Override
    protected String expiredUploadUrl(String key) throws Exception {
        String url = store().uploadUrl(key, Duration.ofSeconds(1), null, null);
        Thread.sleep(2_100);
        return url;
    }

    /** S3 refuses parts under 5 MiB, except the last. */
    @Override
    protected int partSize(int n) {
        return n < 3 ? 5 * 1024 * 1024 + n : 1000;
    }
}
