-- Image (virtual-avatar) model training jobs, reference chapter 8 (state machine A). What lists filter or sort on
-- is a column; the rest of the job (request, logs, review findings) are JSON documents.
CREATE TABLE image_training_job (
    job_id            VARCHAR(32)   PRIMARY KEY,
    project_id        VARCHAR(64)   NOT NULL,
    state             VARCHAR(64)   NOT NULL,
    name              VARCHAR(256)  NOT NULL,
    batch_name        VARCHAR(256),
    model_resolution  VARCHAR(16)   NOT NULL,
    is_flexus         BOOLEAN       NOT NULL,
    app_user_id       VARCHAR(128),
    asset_id          VARCHAR(64),
    tags              TEXT          NOT NULL,
    settings          TEXT          NOT NULL,
    uploads           TEXT          NOT NULL,
    operation_logs    TEXT          NOT NULL,
    comment_logs      TEXT          NOT NULL,
    matting_info      TEXT,
    previous_state    VARCHAR(64),
    generation        INTEGER       NOT NULL,
    create_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    update_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    last_update_time  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_image_training_job_project ON image_training_job (project_id, create_time);
