package dev.metastudio.emulator.asset;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * An asset whose main file is not uploaded within 24 hours of its creation fails (service overview, asset
 * creation failures). The deadline and the sweep period are configurable so tests need not wait a day.
 */
@Component
class UploadDeadlineSweeper {
    private static final Logger LOG = LoggerFactory.getLogger(UploadDeadlineSweeper.class);

    private final AssetRepository assets;
    private final Clock clock;
    private final Duration deadline;

    UploadDeadlineSweeper(AssetRepository assets, Clock clock,
                          @Value("${metastudio.assets.upload-deadline:PT24H}") Duration deadline) {
        this.assets = assets;
        this.clock = clock;
        this.deadline = deadline;
    }

    @Scheduled(fixedDelayString = "${metastudio.assets.sweep-interval:PT1M}",
            initialDelayString = "${metastudio.assets.sweep-interval:PT1M}")
    @Transactional
    public void sweep() {
        Instant now = clock.instant();
        for (AssetEntity asset : assets.findByAssetStateAndCreateTimeBefore(AssetState.CREATING, now.minus(deadline))) {
            asset.setAssetState(AssetState.FAILED);
            asset.setFailType("AUTOMATIC_REVIEW_REJECT");
            asset.setReason("The main file was not uploaded within " + describe(deadline) + " of the asset's creation");
            asset.setUpdateTime(now);
            LOG.info("Asset {} of project {} failed: no main file after {}", asset.getAssetId(), asset.getProjectId(),
                    deadline);
        }
    }

    private static String describe(Duration duration) {
        return duration.toHours() >= 1 && duration.toMinutesPart() == 0 ? duration.toHours() + " hours"
                : duration.toSeconds() + " seconds";
    }
}
