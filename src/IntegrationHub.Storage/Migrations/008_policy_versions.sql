-- Every published routing policy, kept so it can be listed, compared and restored. The newest version is the one
-- every instance runs. content_hash spots a publish that changes nothing, and restored_version names what a rollback
-- brought back.
CREATE TABLE policy_versions (
    version BIGINT PRIMARY KEY,
    policy_json TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    published_by TEXT NOT NULL,
    published_at BIGINT NOT NULL,
    source TEXT NOT NULL,
    note TEXT NOT NULL,
    restored_version BIGINT,
    rep_count INTEGER NOT NULL,
    pool_count INTEGER NOT NULL
)
