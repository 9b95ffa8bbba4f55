package dev.metastudio.emulator.asset;

/** review_config: the content-review whitelist flag, stored and answered as given. */
public record ReviewConfig(Boolean noNeedReview) {
}
