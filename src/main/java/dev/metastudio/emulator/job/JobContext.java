package dev.metastudio.emulator.job;

/** What a running job may ask of its worker. */
public interface JobContext {

    /** Records progress (throttled; cheap to call per frame). */
    void progress(int done, int total);

    /** True once the job should stop: its lease was lost to another node, or the node is shutting down. */
    boolean stopRequested();

    /** The node's id, for output naming and logs. */
    String nodeId();

    /** Whether this node has a GPU (and so may use a hardware encoder). */
    boolean gpu();
}
