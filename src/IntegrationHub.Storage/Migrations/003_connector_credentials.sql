-- Credentials a vendor rotates (an OAuth refresh token), kept where every instance and the
-- next start find the newest one.
CREATE TABLE connector_credentials (
    connector TEXT NOT NULL,
    name TEXT NOT NULL,
    value TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (connector, name)
)
