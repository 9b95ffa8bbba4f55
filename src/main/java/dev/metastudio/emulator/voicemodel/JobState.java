package dev.metastudio.emulator.voicemodel;

/**
 * Voice training job states (reference 9.4, 13 values; the SDK's JobState adds USER_RESULT_REVIEW,
 * USER_REVIEW_REJECT and UPLOADING, accepted as list filters, never entered). State machine B:
 * CREATING -submit-> SYSTEM_AUDITING -> AUDITING -> [ADVANCE: WAITING_SPLIT -> SPLITTING -> ANNOTATING ->] WAITING
 * -> PROCESSING -> RESULT_REVIEW -> SUCCEED; a failed review -> AUDIT_FAILED (submit again -> SYSTEM_AUDITING);
 * training that breaks -> FAILED.
 */
enum JobState {
    CREATING, SYSTEM_AUDITING, AUDITING, WAITING_SPLIT, SPLITTING, SPLIT_FAILED, ANNOTATING, WAITING, PROCESSING,
    RESULT_REVIEW, AUDIT_FAILED, USER_RESULT_REVIEW, USER_REVIEW_REJECT, UPLOADING, FAILED, SUCCEED;

    boolean terminal() {
        return this == SUCCEED || this == FAILED || this == SPLIT_FAILED;
    }

    /** Reviewed or training: counts against the tenant's ongoing tasks. */
    boolean ongoing() {
        return !terminal() && this != CREATING && this != AUDIT_FAILED;
    }
}
