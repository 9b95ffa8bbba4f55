package dev.metastudio.emulator.video;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface VideoJobRepository extends JpaRepository<VideoJobEntity, String>, JpaSpecificationExecutor<VideoJobEntity> {

    Optional<VideoJobEntity> findByJobIdAndProjectId(String jobId, String projectId);

    long countByProjectIdAndState(String projectId, VideoJobState state);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("SELECT j FROM VideoJobEntity j WHERE j.jobId = :jobId")
    Optional<VideoJobEntity> lock(String jobId);
}
