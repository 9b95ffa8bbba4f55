-- Job-completion callbacks (callback_config of video production jobs) as a transactional outbox: a row is written
-- in the same transaction as the job's final state, and dispatcher threads on any node claim and send it.
CREATE TABLE callback_delivery (
    id               VARCHAR(40)   PRIMARY KEY,
    project_id       VARCHAR(64)   NOT NULL,
    job_id           VARCHAR(64)   NOT NULL,
    -- callback_url exactly as configured; the MSS_A secret and time_stamp are added at each attempt.
    url              VARCHAR(2048) NOT NULL,
    auth_type        VARCHAR(16)   NOT NULL,
    -- The MSS_A HMAC key; never returned by any API.
    auth_key         TEXT,
    body             TEXT          NOT NULL,
    -- PENDING, SENDING (claimed by lease_owner until lease_until), DELIVERED or FAILED.
    state            VARCHAR(16)   NOT NULL,
    -- Attempts started, counted when claimed so that an attempt cut short by a dying node still counts.
    attempts         INTEGER       NOT NULL,
    -- When the next attempt is due; NULL once DELIVERED or FAILED.
    next_attempt_at  TIMESTAMP WITH TIME ZONE,
    lease_owner      VARCHAR(64),
    lease_until      TIMESTAMP WITH TIME ZONE,
    last_status      INTEGER,
    last_error       VARCHAR(2048),
    create_time      TIMESTAMP WITH TIME ZONE NOT NULL,
    update_time      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_callback_delivery_due ON callback_delivery (state, next_attempt_at);
CREATE INDEX ix_callback_delivery_job ON callback_delivery (project_id, job_id);
CREATE INDEX ix_callback_delivery_time ON callback_delivery (create_time);
