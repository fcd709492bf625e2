-- Subscribers to routing events (webhooks). The signing secret is kept encrypted (secret_protected), never in the
-- clear: the hub must sign with it, so it cannot be a hash. The event types a subscription wants are rows of their
-- own so that a routing event becomes one outbox row per interested subscription with one INSERT ... SELECT inside
-- the transaction of the change that caused it.
CREATE TABLE event_subscriptions (
    id TEXT PRIMARY KEY,
    url TEXT NOT NULL,
    description TEXT NOT NULL,
    secret_protected TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    secret_rotated_at BIGINT
);
CREATE TABLE event_subscription_types (
    event_type TEXT NOT NULL,
    subscription_id TEXT NOT NULL,
    PRIMARY KEY (event_type, subscription_id)
)
