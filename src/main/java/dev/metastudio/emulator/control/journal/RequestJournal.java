package dev.metastudio.emulator.control.journal;

import dev.metastudio.emulator.config.EmulatorProperties;
import dev.metastudio.emulator.config.TenantData;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The request journal of this node: a ring of the last {@code METASTUDIO_JOURNAL} requests (10,000 by default), in
 * memory, per node (a cluster's nodes each show what they served). Bodies are kept within {@link #BODY_BUDGET}
 * bytes in all; past it the oldest entries lose their bodies (they show {@code "omitted": "evicted"}) and keep
 * everything else. Registered as tenant data so a reset clears it, for one project or all.
 */
@Component
public class RequestJournal implements TenantData {
    /** 10,000 entries with 64 KB bodies both ways would be 1.3 GB; the bodies of the newest 64 MB are kept. */
    static final long BODY_BUDGET = 64L * 1024 * 1024;

    static final Duration SETTLE_WAIT = Duration.ofSeconds(1);

    private final Map<Object, HttpServletResponse> inFlight = new ConcurrentHashMap<>();
    private final int capacity;
    private final long bodyBudget;
    private final JournalEntry[] ring;
    /** Index of the next slot to write, and how many slots hold an entry. */
    private int next;
    private int size;
    private long retained;
    /** Age (0 = oldest) below which every entry has already lost its bodies. */
    private int evictedUpTo;

    @Autowired
    RequestJournal(EmulatorProperties properties) {
        this(properties.journalEntries(), BODY_BUDGET);
    }

    RequestJournal(int capacity, long bodyBudget) {
        this.capacity = capacity;
        this.bodyBudget = bodyBudget;
        this.ring = new JournalEntry[Math.max(capacity, 0)];
    }

    boolean enabled() {
        return capacity > 0;
    }

    int capacity() {
        return capacity;
    }

    /**
     * A request being served. Its client may already hold the whole answer while the filter has not yet added the
     * entry (an error written with its length and flushed): readers wait for such requests ({@link #settle}), so an
     * entry is there as soon as the client has its response.
     */
    void begin(Object request, HttpServletResponse response) {
        inFlight.put(request, response);
    }

    void end(Object request) {
        inFlight.remove(request);
    }

    /** Waits (at most {@link #SETTLE_WAIT}) for the requests whose answer has already been sent to be recorded. */
    void settle() {
        List<Object> answered = inFlight.entrySet().stream().filter(e -> e.getValue().isCommitted())
                .map(Map.Entry::getKey).toList();
        long deadline = System.nanoTime() + SETTLE_WAIT.toNanos();
        while (answered.stream().anyMatch(inFlight::containsKey) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    synchronized void add(JournalEntry entry) {
        if (capacity == 0) {
            return;
        }
        JournalEntry overwritten = ring[next];
        if (overwritten != null) {
            retained -= overwritten.retainedBytes();
            evictedUpTo = Math.max(0, evictedUpTo - 1);
        }
        ring[next] = entry;
        next = (next + 1) % capacity;
        size = Math.min(size + 1, capacity);
        retained += entry.retainedBytes();
        while (retained > bodyBudget && evictedUpTo < size) {
            retained -= at(evictedUpTo).evictBodies();
            evictedUpTo++;
        }
    }

    /** Newest first, those {@code filter} accepts, at most {@code limit}. */
    synchronized List<JournalEntry> newest(Predicate<JournalEntry> filter, int limit) {
        List<JournalEntry> found = new ArrayList<>(Math.min(limit, size));
        for (int age = size - 1; age >= 0 && found.size() < limit; age--) {
            JournalEntry entry = at(age);
            if (filter.test(entry)) {
                found.add(entry);
            }
        }
        return found;
    }

    synchronized Optional<JournalEntry> find(String requestId) {
        for (int age = size - 1; age >= 0; age--) {
            if (at(age).requestId.equals(requestId)) {
                return Optional.of(at(age));
            }
        }
        return Optional.empty();
    }

    /** Removes the entries of one project (or all when null); the rest keep their order. */
    synchronized int remove(String projectId) {
        List<JournalEntry> kept = new ArrayList<>(size);
        for (int age = 0; age < size; age++) {
            JournalEntry entry = at(age);
            if (projectId != null && !projectId.equals(entry.projectId)) {
                kept.add(entry);
            }
        }
        int removed = size - kept.size();
        java.util.Arrays.fill(ring, null);
        next = 0;
        size = 0;
        retained = 0;
        evictedUpTo = 0;
        for (JournalEntry entry : kept) {
            ring[next] = entry;
            next = (next + 1) % capacity;
            size++;
            retained += entry.retainedBytes();
        }
        return removed;
    }

    synchronized int size() {
        return size;
    }

    @Override
    public String resource() {
        return "requests";
    }

    @Override
    public long removeProject(String projectId) {
        return remove(projectId);
    }

    /** Entries never refer to anything; clear them last so the reset's own traces of earlier steps go too. */
    @Override
    public int order() {
        return 1000;
    }

    /** The entry of a given age: 0 is the oldest kept. */
    private JournalEntry at(int age) {
        int oldest = size < capacity ? 0 : next;
        return ring[(oldest + age) % capacity];
    }
}
