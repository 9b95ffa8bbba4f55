package dev.metastudio.emulator.voicemodel;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface VoiceJobRepository extends JpaRepository<VoiceJobEntity, String>, JpaSpecificationExecutor<VoiceJobEntity> {

    Optional<VoiceJobEntity> findByJobIdAndProjectId(String jobId, String projectId);

    long countByProjectIdAndStateIn(String projectId, Collection<JobState> states);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("SELECT j FROM VoiceJobEntity j WHERE j.jobId = :jobId")
    Optional<VoiceJobEntity> lock(String jobId);
}
