package dev.metastudio.emulator.work;

import java.time.Instant;

/** A command sent to a job (e.g. a live job's INSERT_PLAY_SCRIPT), in the order sent, with its runner's result. */
public record WorkCommand(String commandId, String workId, int seq, String name, String payload, State state,
                          String result, Instant createTime, Instant updateTime) {

    public enum State {
        PENDING, TAKEN, SUCCEEDED, FAILED;

        public boolean finished() {
            return this == SUCCEEDED || this == FAILED;
        }
    }
}
