CREATE TABLE decisions (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    request_id TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    rep_id TEXT,
    rule TEXT,
    payload TEXT NOT NULL,
    UNIQUE (kind, request_id)
);
CREATE INDEX ix_decisions_created ON decisions (created_at);
CREATE INDEX ix_decisions_rep ON decisions (rep_id, created_at);
CREATE INDEX ix_decisions_rule ON decisions (rule, created_at);
CREATE TABLE outbox (
    id TEXT PRIMARY KEY,
    decision_id TEXT,
    type TEXT NOT NULL,
    idempotency_key TEXT NOT NULL UNIQUE,
    payload TEXT NOT NULL,
    state TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    lease_owner TEXT,
    lease_until BIGINT,
    last_error TEXT,
    created_at BIGINT NOT NULL,
    delivered_at BIGINT
);
CREATE INDEX ix_outbox_due ON outbox (state, next_attempt_at);
CREATE TABLE round_robin (
    pool TEXT NOT NULL,
    member TEXT NOT NULL,
    picks BIGINT NOT NULL,
    PRIMARY KEY (pool, member)
);
CREATE TABLE presence (
    rep_id TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    since BIGINT NOT NULL
);
CREATE TABLE presence_history (
    rep_id TEXT NOT NULL,
    status TEXT NOT NULL,
    started_at BIGINT NOT NULL,
    ended_at BIGINT
);
CREATE INDEX ix_presence_history ON presence_history (rep_id, started_at);
CREATE TABLE scheduled_work (
    work_key TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    payload TEXT NOT NULL,
    due_at BIGINT NOT NULL,
    lease_owner TEXT,
    lease_until BIGINT,
    done_at BIGINT
);
CREATE INDEX ix_scheduled_due ON scheduled_work (done_at, due_at);
CREATE TABLE conversations (
    id TEXT PRIMARY KEY,
    decision_id TEXT NOT NULL,
    state TEXT NOT NULL,
    rep_id TEXT,
    offer_expires_at BIGINT,
    version BIGINT NOT NULL,
    payload TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE TABLE idempotency (
    idem_key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    expires_at BIGINT NOT NULL
);
;
CREATE TABLE event_payloads (
    id TEXT PRIMARY KEY,
    payload TEXT NOT NULL,
    created_at BIGINT NOT NULL
)
