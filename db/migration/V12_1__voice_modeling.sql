-- Voice modeling (reference 9): one row per voice training job, in the documented states of state machine B.
-- Nested documents (operation logs, the last audit result, the confirmed sentence indexes, the learnt timbre) are JSON.
CREATE TABLE voice_training_job (
    job_id             VARCHAR(64)    PRIMARY KEY,
    project_id         VARCHAR(64)    NOT NULL,
    -- BASIC, MIDDLE, ADVANCE
    job_type           VARCHAR(32)    NOT NULL,
    state              VARCHAR(32)    NOT NULL,
    voice_name         VARCHAR(256)   NOT NULL,
    description        VARCHAR(4096),
    sex                VARCHAR(16)    NOT NULL,
    language           VARCHAR(16)    NOT NULL,
    tag                VARCHAR(32),
    -- PACKAGE, SEGMENT, or NULL when the tenant named none (both kinds of upload URL were handed out)
    create_type        VARCHAR(16),
    phone              VARCHAR(64),
    dhtms_job_id       VARCHAR(64),
    batch_name         VARCHAR(256),
    output_language    VARCHAR(16),
    app_user_id        VARCHAR(128),
    reject_times       INTEGER        NOT NULL,
    asset_id           VARCHAR(64),
    job_failed_code    VARCHAR(32),
    job_failed_reason  VARCHAR(2048),
    operation_logs     TEXT           NOT NULL,
    audit_result       TEXT,
    confirmed_indexes  TEXT           NOT NULL,
    timbre             TEXT,
    create_time        TIMESTAMP WITH TIME ZONE NOT NULL,
    update_time        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_voice_training_job_project ON voice_training_job (project_id, create_time);
