package dev.metastudio.emulator.media.encode;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BitrateFloorTest {

    @Test
    void smallPicturesArePaddedUpToTheFloorAndAKeyFramePaysForTheNextOnes() {
        BitrateFloor floor = new BitrateFloor(2_000_000, 25);
        // 10000 bytes per frame at 2 Mbit/s and 25 fps.
        assertThat(floor.afterPicture(50_000)).as("a big key frame needs no filler").isZero();
        long total = 50_000;
        for (int i = 1; i < 100; i++) {
            int picture = 800;
            total += picture + floor.afterPicture(picture);
        }
        assertThat(total).isBetween(100 * 10_000L - 10_000, 100 * 10_000L);
    }

    @Test
    void aPictureAfterSkippedOnesPaysForTheirStreamTimeToo() {
        BitrateFloor floor = new BitrateFloor(2_000_000, 25);
        assertThat(floor.afterPicture(1000, 3)).as("three frames of stream time, 30000 bytes owed")
                .isEqualTo(29_000);
    }

    @Test
    void fillerIsAWellFormedNalUnit() {
        byte[] b = new byte[10];
        BitrateFloor.writeFiller(b, 0, 10);
        assertThat(b).containsExactly(0, 0, 0, 1, 0x0C, 0xFF, 0xFF, 0xFF, 0xFF, 0x80);
    }
}
