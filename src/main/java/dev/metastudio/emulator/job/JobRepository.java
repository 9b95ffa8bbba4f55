package dev.metastudio.emulator.job;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface JobRepository extends JpaRepository<JobEntity, String>, JpaSpecificationExecutor<JobEntity> {

    Optional<JobEntity> findByJobIdAndProjectIdAndKind(String jobId, String projectId, JobKind kind);

    long countByProjectIdAndKindAndState(String projectId, JobKind kind, JobState state);
}
