-- Livestreaming (reference 6.1, 6.3): live rooms, interaction rule libraries and products. Each keeps its nested
-- configuration as a JSON document (content); what lists filter on are columns. Multi-valued filter columns hold
-- the values between bars ("|a|b|") so a filter is one LIKE '%|a|%'.
CREATE TABLE live_room (
    room_id              VARCHAR(64)   PRIMARY KEY,
    project_id           VARCHAR(64)   NOT NULL,
    room_name            VARCHAR(256)  NOT NULL,
    room_type            VARCHAR(16)   NOT NULL,
    room_state           VARCHAR(16)   NOT NULL,
    view_mode            VARCHAR(16)   NOT NULL,
    model_asset_ids      VARCHAR(4096),
    dh_ids               VARCHAR(4096),
    model_names          TEXT,
    shared_type          VARCHAR(16),
    shared_state         VARCHAR(16),
    shared_expire_time   TIMESTAMP WITH TIME ZONE,
    shared_with          TEXT,
    last_job_id          VARCHAR(64),
    last_job_status      VARCHAR(16),
    last_job_start_time  TIMESTAMP WITH TIME ZONE,
    last_job_end_time    TIMESTAMP WITH TIME ZONE,
    error_code           VARCHAR(32),
    error_msg            VARCHAR(2048),
    content              TEXT          NOT NULL,
    create_time          TIMESTAMP WITH TIME ZONE NOT NULL,
    update_time          TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_live_room_project ON live_room (project_id, create_time);

CREATE TABLE live_rule_group (
    group_id             VARCHAR(64)   PRIMARY KEY,
    project_id           VARCHAR(64)   NOT NULL,
    group_name           VARCHAR(256)  NOT NULL,
    content              TEXT          NOT NULL,
    create_time          TIMESTAMP WITH TIME ZONE NOT NULL,
    update_time          TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_live_rule_group_project ON live_rule_group (project_id, create_time);

CREATE TABLE live_product (
    product_id           VARCHAR(64)   PRIMARY KEY,
    project_id           VARCHAR(64)   NOT NULL,
    name                 VARCHAR(256)  NOT NULL,
    description          VARCHAR(2048),
    tags                 TEXT,
    state                VARCHAR(16)   NOT NULL,
    content              TEXT          NOT NULL,
    create_time          TIMESTAMP WITH TIME ZONE NOT NULL,
    update_time          TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_live_product_project ON live_product (project_id, create_time);
