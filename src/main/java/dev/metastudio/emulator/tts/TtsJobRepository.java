package dev.metastudio.emulator.tts;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface TtsJobRepository extends JpaRepository<TtsJobEntity, String> {

    Optional<TtsJobEntity> findByJobIdAndProjectId(String jobId, String projectId);

    long countByProjectIdAndStateInAndPurposeIsNull(String projectId, Collection<TtsJobState> states);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("SELECT j FROM TtsJobEntity j WHERE j.jobId = :jobId")
    Optional<TtsJobEntity> lock(String jobId);
}
