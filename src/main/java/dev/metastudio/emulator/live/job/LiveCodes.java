package dev.metastudio.emulator.live.job;

/**
 * The live-job codes of reference 11.2 (lines 16216-17018) this package answers, with their HTTP status there. Where
 * 11.2 lists 500 for a refused request (an unknown job, a job not running, an unknown command, a busy room), the
 * emulator answers 404 for what does not exist and 400 for the rest, with the documented code, as chapters 4 and 5 do:
 * a 500 would tell a client's retry logic that the server failed (pinned in LiveJobContractTest.refusals).
 */
final class LiveCodes {
    /** 500 "There are ongoing livestreaming tasks in the live room." */
    static final String ONGOING_JOB = "MSS.20010036";
    /** 401 "Live event report authentication failed." */
    static final String REPORT_AUTH_FAILED = "MSS.20010039";
    /** 400 "Room information not found." */
    static final String ROOM_NOT_FOUND = "MSS.20010045";
    /** 500 "Livestreaming task not found." */
    static final String JOB_NOT_FOUND = "MSS.20010046";
    /** 500 "The livestreaming task does not exist or has expired." */
    static final String JOB_GONE = "MSS.20010051";
    /** 500 "Invalid command. Check the parameter command." */
    static final String INVALID_COMMAND = "MSS.20010053";
    /** 401 "The reporting event has expired." */
    static final String REPORT_EXPIRED = "MSS.20010054";
    /** 500 "The livestreaming task is not in the running status. The task ID is *** and the status is ***." */
    static final String NOT_RUNNING = "MSS.20010099";
    /** 400 "Invalid RTMP URL." */
    static final String INVALID_RTMP_URL = "MSS.45000009";
    /** 400 "RTMP stream push failed." */
    static final String RTMP_PUSH_FAILED = "MSS.45000010";
    /** 500 "Virtual avatar asset unavailable." */
    static final String AVATAR_UNAVAILABLE = "MSS.20010044";
    /** "200" (a job's error_info): "Heartbeat of the task was lost." */
    static final String HEARTBEAT_LOST = "MSS.20010138";
    /** 500 live worker: task preparation failed. */
    static final String WORKER_PREPARE_FAILED = "MSS.47000002";
    /** 400 "No timbre available and text cannot be inserted." */
    static final String NO_TIMBRE = "MSS.20010153";
    /** 400 "Field verification error." */
    static final String FIELD_ERROR = "MSS.20010070";

    private LiveCodes() {
    }
}
