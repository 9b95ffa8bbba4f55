package dev.metastudio.emulator.live.room;

import dev.metastudio.emulator.edge.ApiException;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The live rooms' API for the live jobs: read a room's configuration, record its jobs' state (the room list's
 * live_state, last_job_status and last_job_start/end_time), disable or block a room, clear a TEMP room after its
 * job, and the room detail as GET_LIVE_JOB_CONFIG_INFO answers it. Validation of what a job start or a REWRITE
 * command carries: inject {@link LiveRoomRules}.
 */
@Component
public class LiveRooms {
    private final LiveRoomRepository rooms;
    private final LiveRoomService service;

    LiveRooms(LiveRoomRepository rooms, LiveRoomService service) {
        this.rooms = rooms;
        this.service = service;
    }

    /** The project's own room (another project's room does not exist for it). */
    @Transactional(readOnly = true)
    public Optional<LiveRoomView> find(String projectId, String roomId) {
        return rooms.findByProjectIdAndRoomId(projectId, roomId).map(LiveRooms::view);
    }

    /**
     * Records the state of the room's latest job: its id and status, and the start and end times given (a null
     * time keeps the stored one, so a job's start sets start_time and its end only end_time). Returns false when the
     * room no longer exists.
     */
    @Transactional
    public boolean markLiveState(String projectId, String roomId, String jobId, LiveState state, Instant startTime,
                                 Instant endTime) {
        Optional<LiveRoomEntity> found = rooms.findByProjectIdAndRoomId(projectId, roomId);
        if (found.isEmpty()) {
            return false;
        }
        LiveRoomEntity room = found.get();
        if (jobId != null && !jobId.equals(room.getLastJobId())) {
            room.setLastJobId(jobId);
            room.setLastJobStartTime(null);
            room.setLastJobEndTime(null);
        }
        room.setLastJobStatus(state == null ? null : state.name());
        if (startTime != null) {
            room.setLastJobStartTime(startTime);
        }
        if (endTime != null) {
            room.setLastJobEndTime(endTime);
        }
        return true;
    }

    /** room_state ENABLE, or DISABLE / BLOCKED with the cause answered as error_info (null clears it). */
    @Transactional
    public boolean markRoomState(String projectId, String roomId, RoomState state, String errorCode,
                                 String errorMsg) {
        Optional<LiveRoomEntity> found = rooms.findByProjectIdAndRoomId(projectId, roomId);
        found.ifPresent(room -> {
            room.setRoomState(state.name());
            room.setErrorCode(errorCode);
            room.setErrorMsg(errorMsg);
        });
        return found.isPresent();
    }

    /** Removes the room (a TEMP room is cleared after its job completes); false when it was already gone. */
    @Transactional
    public boolean remove(String projectId, String roomId) {
        Optional<LiveRoomEntity> found = rooms.findByProjectIdAndRoomId(projectId, roomId);
        found.ifPresent(rooms::delete);
        return found.isPresent();
    }

    /** The room detail (6.1.3 shape), e.g. for GET_LIVE_JOB_CONFIG_INFO; 400 MSS.20010045 for an unknown room. */
    @Transactional(readOnly = true)
    public LiveRoomViews.Detail detail(String projectId, String roomId, String baseUrl) {
        return rooms.findByProjectIdAndRoomId(projectId, roomId).map(room -> service.detail(room, baseUrl))
                .orElseThrow(() -> new ApiException(400, LiveRoomCodes.ROOM_NOT_FOUND, "Room information not found: "
                        + roomId));
    }

    static LiveRoomView view(LiveRoomEntity r) {
        LiveRoomContent c = r.getContent();
        return new LiveRoomView(r.getRoomId(), r.getProjectId(), r.getRoomName(), c.effectiveRoomType(),
                RoomState.valueOf(r.getRoomState()), LiveRoomContent.ViewMode.valueOf(r.getViewMode()), c,
                r.getLastJobId(), r.getLastJobStatus() == null ? null : LiveState.valueOf(r.getLastJobStatus()),
                r.getLastJobStartTime(), r.getLastJobEndTime(), r.getCreateTime(), r.getUpdateTime());
    }
}
