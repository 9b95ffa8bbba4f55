-- Secrets every node shares through the database (token signing, URL presigning),
-- so tokens and URLs survive restarts and are accepted by any node.
CREATE TABLE server_secret (
    name       VARCHAR(64)  PRIMARY KEY,
    secret     VARCHAR(128) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
