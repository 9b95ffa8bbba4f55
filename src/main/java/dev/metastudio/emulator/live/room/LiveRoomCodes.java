package dev.metastudio.emulator.live.room;

/** The reference's codes (11.2) for live rooms. */
public final class LiveRoomCodes {
    /** 400, L16832: "Duplicate live room name." */
    public static final String DUPLICATE_NAME = "MSS.20010031";
    /** 400, L16833: "Room information not found." (update or delete of a room the caller does not have). */
    public static final String ROOM_NOT_FOUND = "MSS.20010045";
    /** 400, L16853: "Too many text characters (* > upper limit) in the paragraphs of this live room." */
    public static final String ROOM_TEXT_TOO_LONG = "MSS.20010108";
    /** 400, L16854: "Too many text characters in the paragraphs of the script * (* paragraphs > upper limit *)." */
    public static final String SCRIPT_TEXT_TOO_LONG = "MSS.20010109";
    /** 400, L16851: "Too many video files in the script *** (* > upper limit *)." */
    public static final String TOO_MANY_VIDEOS = "MSS.20010106";

    /**
     * L16931 (listed with HTTP 500): "There are ongoing livestreaming tasks in the live room." Deleting a room whose
     * job runs is refused with it, as 400: a refused request is never a 5xx here (see edge.ErrorCodes).
     */
    public static final String ONGOING_JOB = "MSS.20010036";

    private LiveRoomCodes() {
    }
}
