package dev.metastudio.emulator.imagemodel;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ImageTrainingJobRepository extends JpaRepository<ImageTrainingJobEntity, String> {
    Optional<ImageTrainingJobEntity> findByJobIdAndProjectId(String jobId, String projectId);

    List<ImageTrainingJobEntity> findByProjectId(String projectId);

    long countByProjectId(String projectId);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select j from ImageTrainingJobEntity j where j.jobId = ?1")
    Optional<ImageTrainingJobEntity> lock(String jobId);
}
