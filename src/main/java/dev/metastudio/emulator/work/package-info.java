/**
 * The kind-neutral work queue: every kind of job (video, TTS, and next live streams and training) runs through it;
 * it knows nothing of what the work produces.
 *
 * <p>How a feature adds a kind (a live job, say):
 * <ol>
 *   <li>It owns its job table and documented states (WAITING, PROCESSING, SUCCEED, FAILED, BLOCKED) and registers a
 *   {@link dev.metastudio.emulator.work.WorkKind} bean named {@code LIVE}: the runner, the initial, started and
 *   failed states, the internal-error code, and the {@code requeued}/{@code failed} hooks that change its job row
 *   (and enqueue its callback) in the queue's transaction.</li>
 *   <li>Its create API saves the job and calls {@link dev.metastudio.emulator.work.WorkQueue#submit} in the same
 *   transaction.</li>
 *   <li>Its {@link dev.metastudio.emulator.work.WorkRunner} makes each documented transition with
 *   {@link dev.metastudio.emulator.work.WorkContext#transition} (progression gate, then the change committed only
 *   while the node holds the item), loops on {@code takeCommands()} / {@code awaitSignal()} while it streams,
 *   reads {@code paced()} for real-time output, and ends on {@code stopRequested()}: on
 *   {@code StopReason.STOP} with its final transition, on {@code LEASE_LOST} or {@code SHUTDOWN} without writing.
 *   It fails with its own code by throwing {@link dev.metastudio.emulator.work.WorkFailure}. A state that waits for
 *   the tenant (a training job's WAIT_USER_CONFIRM) is entered with {@code park()}: the runner returns, no worker is
 *   held, and the next command queues the job again for a runner that resumes from that state.</li>
 *   <li>Its stop and command APIs call {@link dev.metastudio.emulator.work.WorkQueue#stop} and
 *   {@link dev.metastudio.emulator.work.WorkQueue#command} (then {@code awaitCommand} for the result); a cancel of a
 *   job that has not started calls {@link dev.metastudio.emulator.work.WorkQueue#cancel}.</li>
 * </ol>
 *
 * <p>The control plane plugs in a {@link dev.metastudio.emulator.work.ProgressionPolicy} (realtime, immediate,
 * manual with {@link dev.metastudio.emulator.work.WorkQueue#advance}, minimum dwell) and
 * {@link dev.metastudio.emulator.work.WorkFaults} (a job fails with a chosen code after a time in its started
 * state), fails an item at once with {@link dev.metastudio.emulator.work.WorkQueue#fail}, and removes a project's
 * items on reset with {@link dev.metastudio.emulator.work.WorkQueue#removeProject}.
 */
package dev.metastudio.emulator.work;
