package dev.metastudio.emulator.media.render;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The pacing arithmetic on a fake clock: deadlines from t0, never from the previous sleep. */
class FramePacerTest {

    @Test
    void frameNIsDueAtT0PlusNTimes40MsEvenWhenEverySleepOvershoots() throws Exception {
        AtomicLong now = new AtomicLong(1_000_000_000L);
        // Every sleep wakes 7 ms late, as a loaded machine does; sleep(40) per frame would drift 7 ms a frame.
        FramePacer pacer = new FramePacer(now::get, (deadline, clock) -> now.set(deadline + 7_000_000L));
        long start = now.get();
        for (long n = 0; n < 1500; n++) {
            long late = pacer.awaitFrame(n);
            assertThat(pacer.deadline(n)).isEqualTo(start + n * 40_000_000L);
            assertThat(late).isLessThanOrEqualTo(7_000_000L);
            // Some work that takes 10 ms.
            now.addAndGet(10_000_000L);
        }
        // The last frame went out 17 ms after its own deadline (7 ms oversleep, 10 ms work), not 1500 * 17 ms late:
        // 1500 frames in 60 s of clock.
        assertThat(now.get() - start).isEqualTo(1499 * 40_000_000L + 17_000_000L);
        assertThat(pacer.framesDue()).isEqualTo(1499L);
    }

    @Test
    void aLateFrameIsReportedLateAndTheScheduleDoesNotShift() throws Exception {
        AtomicLong now = new AtomicLong(0);
        FramePacer pacer = new FramePacer(now::get, (deadline, clock) -> now.set(deadline));
        pacer.awaitFrame(0);
        now.addAndGet(130_000_000L);
        assertThat(pacer.awaitFrame(1)).as("frame 1 was due at 40 ms, it is 130 ms").isEqualTo(90_000_000L);
        assertThat(pacer.awaitFrame(5)).isZero();
        assertThat(now.get()).isEqualTo(200_000_000L);
    }
}
