-- The asset library. Nested documents (extra meta, sharing, review) are JSON text; what lists filter or sort on
-- is a real column or a child table.
CREATE TABLE asset (
    id                   VARCHAR(40)   PRIMARY KEY,
    asset_id             VARCHAR(64)   NOT NULL,
    -- The owning project; system assets belong to the pseudo-project '_system' and are visible to every project.
    project_id           VARCHAR(64)   NOT NULL,
    asset_source         VARCHAR(16)   NOT NULL,
    asset_name           VARCHAR(256)  NOT NULL,
    asset_description    VARCHAR(4096),
    asset_type           VARCHAR(32)   NOT NULL,
    asset_state          VARCHAR(32)   NOT NULL,
    state_before_delete  VARCHAR(32),
    fail_type            VARCHAR(32),
    reason               VARCHAR(2048),
    app_user_id          VARCHAR(128),
    asset_order          INTEGER,
    sex                  VARCHAR(16),
    language             VARCHAR(32),
    style_id             VARCHAR(64),
    voice_provider       VARCHAR(32),
    realtime_voice       BOOLEAN,
    model_version        VARCHAR(16),
    action_editable      BOOLEAN,
    with_action_library  BOOLEAN,
    -- How the media engine realises this asset (avatar look, TTS voice); emulator-internal, never returned.
    engine_binding       VARCHAR(256),
    extra_meta           TEXT,
    shared_config        TEXT,
    review_config        TEXT,
    create_time          TIMESTAMP WITH TIME ZONE NOT NULL,
    update_time          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_asset_project UNIQUE (project_id, asset_id)
);
CREATE INDEX ix_asset_project_time ON asset (project_id, create_time);
CREATE INDEX ix_asset_state_time ON asset (asset_state, create_time);

CREATE TABLE asset_tag (
    asset_row  VARCHAR(40)  NOT NULL REFERENCES asset (id) ON DELETE CASCADE,
    position   INTEGER      NOT NULL,
    tag        VARCHAR(128) NOT NULL,
    PRIMARY KEY (asset_row, position)
);
CREATE INDEX ix_asset_tag_tag ON asset_tag (tag);

CREATE TABLE asset_system_property (
    asset_row  VARCHAR(40)   NOT NULL REFERENCES asset (id) ON DELETE CASCADE,
    position   INTEGER       NOT NULL,
    prop_key   VARCHAR(64)   NOT NULL,
    prop_value VARCHAR(1024) NOT NULL,
    PRIMARY KEY (asset_row, position)
);

CREATE TABLE asset_supported_service (
    asset_row  VARCHAR(40) NOT NULL REFERENCES asset (id) ON DELETE CASCADE,
    position   INTEGER     NOT NULL,
    service    VARCHAR(32) NOT NULL,
    PRIMARY KEY (asset_row, position)
);

CREATE TABLE asset_device_name (
    asset_row   VARCHAR(40) NOT NULL REFERENCES asset (id) ON DELETE CASCADE,
    position    INTEGER     NOT NULL,
    device_name VARCHAR(64) NOT NULL,
    PRIMARY KEY (asset_row, position)
);

-- Projects an asset is shared with (batch SHARE / shared_config.allowed_project_ids).
CREATE TABLE asset_share (
    asset_row  VARCHAR(40) NOT NULL REFERENCES asset (id) ON DELETE CASCADE,
    position   INTEGER     NOT NULL,
    project_id VARCHAR(64) NOT NULL,
    PRIMARY KEY (asset_row, position)
);
CREATE INDEX ix_asset_share_project ON asset_share (project_id);

CREATE TABLE asset_file (
    file_id              VARCHAR(64)   PRIMARY KEY,
    asset_row            VARCHAR(40)   NOT NULL REFERENCES asset (id) ON DELETE CASCADE,
    project_id           VARCHAR(64)   NOT NULL,
    file_name            VARCHAR(256)  NOT NULL,
    file_md5             VARCHAR(64),
    file_size            BIGINT,
    file_type            VARCHAR(64)   NOT NULL,
    asset_file_category  VARCHAR(32)   NOT NULL,
    state                VARCHAR(32)   NOT NULL,
    reason               VARCHAR(2048),
    object_key           VARCHAR(512)  NOT NULL,
    -- Multipart (large-files) uploads: the store's upload id and the number of parts.
    multipart_upload_id  VARCHAR(256),
    multipart_count      INTEGER,
    transcoding_status   VARCHAR(32),
    create_time          TIMESTAMP WITH TIME ZONE NOT NULL,
    update_time          TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_asset_file_asset ON asset_file (asset_row);
