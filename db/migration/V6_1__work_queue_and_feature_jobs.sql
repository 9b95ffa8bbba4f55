-- One kind-neutral work queue for every kind of job, and each feature's own job table with its documented states.
-- The rows of render_job (the video/TTS queue of V3) move here: video jobs to video_job, TTS previews to tts_job,
-- and every job, in every state, gets its work item, so a database of the previous release upgrades in place.

-- A unit of work any node may run: what it is (kind, the feature's job id as subject_id), who holds it (a lease),
-- and the signals its runner must see while it runs (a stop, commands, a progression advance).
CREATE TABLE work_item (
    work_id         VARCHAR(64)   PRIMARY KEY,
    kind            VARCHAR(32)   NOT NULL,
    project_id      VARCHAR(64)   NOT NULL,
    -- The feature's own job id (video_job.job_id, tts_job.job_id, ...).
    subject_id      VARCHAR(64)   NOT NULL,
    capability      VARCHAR(16)   NOT NULL,
    -- HELD (waits for a progression advance before any node may claim it), QUEUED, RUNNING (under a lease), DONE.
    queue_state     VARCHAR(16)   NOT NULL,
    -- The documented state of the feature's job as the queue last saw it change (for the control plane).
    job_state       VARCHAR(64)   NOT NULL,
    state_since     TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts        INTEGER       NOT NULL,
    lease_owner     VARCHAR(128),
    lease_until     TIMESTAMP WITH TIME ZONE,
    -- The node that claimed it last (kept after it finishes).
    last_owner      VARCHAR(128),
    progress_done   INTEGER,
    progress_total  INTEGER,
    -- Bumped by every stop, command, advance or fault, so a node polls its running items cheaply.
    signal_seq      BIGINT        NOT NULL,
    stop_requested  BOOLEAN       NOT NULL,
    -- Manual progression: the documented state the runner waits to enter, and the one an advance granted.
    awaiting_state  VARCHAR(64),
    granted_state   VARCHAR(64),
    create_time     TIMESTAMP WITH TIME ZONE NOT NULL,
    update_time     TIMESTAMP WITH TIME ZONE NOT NULL,
    start_time      TIMESTAMP WITH TIME ZONE,
    end_time        TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_work_item_subject UNIQUE (kind, subject_id)
);
CREATE INDEX ix_work_item_claim ON work_item (queue_state, kind, capability, create_time);
CREATE INDEX ix_work_item_owner ON work_item (lease_owner, queue_state);
CREATE INDEX ix_work_item_tenant ON work_item (project_id, kind, queue_state);
CREATE INDEX ix_work_item_lease ON work_item (queue_state, lease_until);
CREATE INDEX ix_work_item_subject_id ON work_item (subject_id);
CREATE INDEX ix_work_item_time ON work_item (create_time);

-- Commands sent to a running job (a live job's INSERT_PLAY_SCRIPT, ...), in order, with the runner's result.
CREATE TABLE work_command (
    command_id   VARCHAR(40)   PRIMARY KEY,
    work_id      VARCHAR(64)   NOT NULL REFERENCES work_item (work_id) ON DELETE CASCADE,
    seq          INTEGER       NOT NULL,
    name         VARCHAR(64)   NOT NULL,
    payload      TEXT,
    -- PENDING, TAKEN (the runner has it), SUCCEEDED or FAILED (with result).
    state        VARCHAR(16)   NOT NULL,
    result       TEXT,
    create_time  TIMESTAMP WITH TIME ZONE NOT NULL,
    update_time  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_work_command_seq UNIQUE (work_id, seq)
);
CREATE INDEX ix_work_command_state ON work_command (work_id, state);

-- Video production jobs (reference 5.2/5.3) with their documented state WAITING, PROCESSING, SUCCEED, FAILED,
-- CANCELED or BLOCK. request is the job's composition document as the worker renders it.
CREATE TABLE video_job (
    job_id             VARCHAR(64)   PRIMARY KEY,
    project_id         VARCHAR(64)   NOT NULL,
    job_type           VARCHAR(32)   NOT NULL,
    state              VARCHAR(16)   NOT NULL,
    script_id          VARCHAR(64),
    output_asset_name  VARCHAR(256)  NOT NULL,
    output_asset_id    VARCHAR(64),
    duration           DOUBLE PRECISION,
    app_user_id        VARCHAR(128),
    request            TEXT          NOT NULL,
    error_code         VARCHAR(32),
    error_msg          VARCHAR(2048),
    create_time        TIMESTAMP WITH TIME ZONE NOT NULL,
    update_time        TIMESTAMP WITH TIME ZONE NOT NULL,
    start_time         TIMESTAMP WITH TIME ZONE,
    end_time           TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_video_job_project ON video_job (project_id, create_time);
CREATE INDEX ix_video_job_state ON video_job (project_id, state);
CREATE INDEX ix_video_job_output ON video_job (project_id, output_asset_name);

-- TTS preview jobs (reference 10): the reference gives them no state enum; WAITING, PROCESSING, SUCCEED, FAILED
-- decide is_file_complete. result holds the stored preview files.
CREATE TABLE tts_job (
    job_id       VARCHAR(64)   PRIMARY KEY,
    project_id   VARCHAR(64)   NOT NULL,
    state        VARCHAR(16)   NOT NULL,
    app_user_id  VARCHAR(128),
    request      TEXT          NOT NULL,
    result       TEXT,
    duration     DOUBLE PRECISION,
    error_code   VARCHAR(32),
    error_msg    VARCHAR(2048),
    create_time  TIMESTAMP WITH TIME ZONE NOT NULL,
    update_time  TIMESTAMP WITH TIME ZONE NOT NULL,
    start_time   TIMESTAMP WITH TIME ZONE,
    end_time     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_tts_job_project ON tts_job (project_id, state);

INSERT INTO video_job (job_id, project_id, job_type, state, script_id, output_asset_name, output_asset_id, duration,
                       app_user_id, request, error_code, error_msg, create_time, update_time, start_time, end_time)
SELECT job_id, project_id, COALESCE(job_type, '2D_DIGITAL_HUMAN_VIDEO'), state, script_id,
       COALESCE(output_asset_name, ''), output_asset_id, duration, app_user_id, request, error_code, error_msg,
       create_time, update_time, start_time, end_time
FROM render_job WHERE kind = 'VIDEO_2D';

INSERT INTO tts_job (job_id, project_id, state, app_user_id, request, result, duration, error_code, error_msg,
                     create_time, update_time, start_time, end_time)
SELECT job_id, project_id, state, app_user_id, request, result, duration, error_code, error_msg, create_time,
       update_time, start_time, end_time
FROM render_job WHERE kind = 'TTS_AUDITION';

-- A job that was PROCESSING keeps its (dead) worker's lease: once it expires, recovery puts the job back to
-- WAITING, or fails it with its kind's code after its last attempt, exactly as the previous release did.
INSERT INTO work_item (work_id, kind, project_id, subject_id, capability, queue_state, job_state, state_since, attempts,
                       lease_owner, lease_until, last_owner, progress_done, progress_total, signal_seq, stop_requested,
                       awaiting_state, granted_state, create_time, update_time, start_time, end_time)
SELECT job_id, CASE kind WHEN 'VIDEO_2D' THEN 'VIDEO' ELSE 'TTS' END, project_id, job_id, capability,
       CASE state WHEN 'WAITING' THEN 'QUEUED' WHEN 'PROCESSING' THEN 'RUNNING' ELSE 'DONE' END,
       state, update_time, attempts,
       CASE WHEN state = 'PROCESSING' THEN lease_owner END,
       CASE WHEN state = 'PROCESSING' THEN COALESCE(lease_until, update_time) END,
       rendered_by, progress_done, progress_total, 0, FALSE, NULL, NULL, create_time, update_time, start_time, end_time
FROM render_job WHERE kind IN ('VIDEO_2D', 'TTS_AUDITION');

DROP TABLE render_job;
