package dev.metastudio.emulator.job;

/** Told of every terminal transition (SUCCEED, FAILED), inside the transaction that makes it. */
public interface JobListener {
    void finished(JobEntity job);
}
