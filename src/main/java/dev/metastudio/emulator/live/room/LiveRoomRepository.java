package dev.metastudio.emulator.live.room;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface LiveRoomRepository extends JpaRepository<LiveRoomEntity, String>, JpaSpecificationExecutor<LiveRoomEntity> {
    Optional<LiveRoomEntity> findByProjectIdAndRoomId(String projectId, String roomId);

    boolean existsByProjectIdAndRoomNameAndRoomIdNot(String projectId, String roomName, String roomId);
}
