package dev.metastudio.emulator.live.room;

/**
 * A room's last job status (SmartLiveRoomBaseInfo.last_job_status, Table 6-48) and what the list's live_state filter
 * matches: the job states plus CANCELED. The filter spells the finished state SUCCESS (Table 6-44) where the job
 * and the room answer SUCCEED; the filter accepts both.
 */
public enum LiveState { WAITING, PROCESSING, SUCCEED, FAILED, CANCELED, BLOCKED }
