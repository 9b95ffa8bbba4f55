-- Video scripts (drafts and system templates). The script's content (voice, video, scenes...) is one JSON document.
CREATE TABLE video_script (
    script_id           VARCHAR(64)   PRIMARY KEY,
    project_id          VARCHAR(64)   NOT NULL,
    script_catalog      VARCHAR(32)   NOT NULL,
    script_name         VARCHAR(256)  NOT NULL,
    script_description  VARCHAR(1024),
    view_mode           VARCHAR(16),
    model_asset_id      VARCHAR(64),
    model_asset_type    VARCHAR(32),
    content             TEXT          NOT NULL,
    create_time         TIMESTAMP WITH TIME ZONE NOT NULL,
    update_time         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_video_script_project ON video_script (project_id, script_catalog, create_time);

-- The job queue: video production and TTS preview jobs wait here; workers on any node claim them with a lease.
CREATE TABLE render_job (
    job_id              VARCHAR(64)   PRIMARY KEY,
    project_id          VARCHAR(64)   NOT NULL,
    kind                VARCHAR(32)   NOT NULL,
    job_type            VARCHAR(32),
    state               VARCHAR(16)   NOT NULL,
    capability          VARCHAR(16)   NOT NULL,
    attempts            INTEGER       NOT NULL,
    lease_owner         VARCHAR(128),
    lease_until         TIMESTAMP WITH TIME ZONE,
    progress_done       INTEGER,
    progress_total      INTEGER,
    script_id           VARCHAR(64),
    output_asset_name   VARCHAR(256),
    output_asset_id     VARCHAR(64),
    duration            DOUBLE PRECISION,
    app_user_id         VARCHAR(128),
    request             TEXT          NOT NULL,
    result              TEXT,
    error_code          VARCHAR(32),
    error_msg           VARCHAR(2048),
    rendered_by         VARCHAR(128),
    create_time         TIMESTAMP WITH TIME ZONE NOT NULL,
    update_time         TIMESTAMP WITH TIME ZONE NOT NULL,
    start_time          TIMESTAMP WITH TIME ZONE,
    end_time            TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_render_job_claim ON render_job (state, capability, create_time);
CREATE INDEX ix_render_job_project ON render_job (project_id, kind, create_time);
CREATE INDEX ix_render_job_lease ON render_job (state, lease_until);

-- Control-plane switches every node honours (e.g. pausing the queue so jobs stay WAITING).
CREATE TABLE emulator_flag (
    name        VARCHAR(64)  PRIMARY KEY,
    flag_value  VARCHAR(256) NOT NULL,
    update_time TIMESTAMP WITH TIME ZONE NOT NULL
);
