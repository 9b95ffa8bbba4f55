-- Live jobs (reference 6.2): one row per start of a room, documented state WAITING, PROCESSING, SUCCEED, FAILED or
-- BLOCKED. config is the room configuration the job runs (the room's, with the start body's overrides), as JSON.
-- active_room holds the room id while the job is not terminal: the unique constraint is "one active job per room"
-- (MSS.20010036) on PostgreSQL and H2 alike (NULLs never collide).
CREATE TABLE live_job (
    job_id                      VARCHAR(64)   PRIMARY KEY,
    project_id                  VARCHAR(64)   NOT NULL,
    room_id                     VARCHAR(64)   NOT NULL,
    room_name                   VARCHAR(256),
    room_type                   VARCHAR(16),
    active_room                 VARCHAR(64),
    state                       VARCHAR(16)   NOT NULL,
    config                      TEXT          NOT NULL,
    rtc_room_info               TEXT,
    live_event_callback_config  TEXT,
    rtc_callback_config         TEXT,
    co_streamer_config          TEXT,
    interaction_callback_url    VARCHAR(2048),
    output_url                  VARCHAR(2048),
    stream_key                  VARCHAR(1024),
    duration                    DOUBLE PRECISION,
    stream_duration             DOUBLE PRECISION,
    error_code                  VARCHAR(32),
    error_msg                   VARCHAR(2048),
    create_time                 TIMESTAMP WITH TIME ZONE NOT NULL,
    update_time                 TIMESTAMP WITH TIME ZONE NOT NULL,
    start_time                  TIMESTAMP WITH TIME ZONE,
    end_time                    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_live_job_active_room UNIQUE (project_id, active_room)
);
CREATE INDEX ix_live_job_room ON live_job (project_id, room_id, create_time);
CREATE INDEX ix_live_job_tenant ON live_job (project_id, create_time);
