-- Which due effects a dispatcher takes first when it cannot take them all at once (a burst): 0 urgent (a lead's owner
-- in the CRM, a rep's alert while the visitor is on the page), 1 the rest. Rows written before this migration are 1.
ALTER TABLE outbox ADD COLUMN priority INTEGER NOT NULL DEFAULT 1;
CREATE INDEX ix_outbox_claim ON outbox (state, priority, next_attempt_at)
