-- Control-plane settings every node obeys and that survive a restart: fault rules and job progression rules.

-- A fault rule: what it matches (scope API, JOB or CALLBACK, with the match fields as columns so the matching is
-- plain), what it does, and how often. hits counts the calls (jobs, deliveries) it has applied to, raised with a
-- single conditional UPDATE so that concurrent calls on every node count exactly and never exceed times.
CREATE TABLE fault_rule (
    rule_id          VARCHAR(40)   PRIMARY KEY,
    scope            VARCHAR(16)   NOT NULL,
    project_id       VARCHAR(64),
    operation        VARCHAR(128),
    method           VARCHAR(16),
    path_pattern     VARCHAR(1024),
    job_kind         VARCHAR(32),
    status           INTEGER,
    error_code       VARCHAR(64),
    error_msg        VARCHAR(2048),
    fault            VARCHAR(32),
    delay_ms         BIGINT,
    after_ms         BIGINT,
    probability      DOUBLE PRECISION NOT NULL,
    times            INTEGER,
    hits             INTEGER       NOT NULL,
    create_time      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_fault_rule_scope ON fault_rule (scope, create_time);

-- How the jobs of a kind progress (realtime is the default and has no row).
CREATE TABLE progression_rule (
    job_kind           VARCHAR(32)  PRIMARY KEY,
    mode               VARCHAR(16)  NOT NULL,
    min_processing_ms  BIGINT       NOT NULL,
    update_time        TIMESTAMP WITH TIME ZONE NOT NULL
);

-- A delivery a callback fault rule delayed once: it is sent at its new time without asking the rules again.
ALTER TABLE callback_delivery ADD COLUMN fault_checked BOOLEAN DEFAULT FALSE NOT NULL;
