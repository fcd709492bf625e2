-- The figures of GetRoutingMetrics and the dashboard as counters, so a window is answered by summing a row per hour
-- instead of walking its decisions. hour_start is the UTC hour (ms) of the decision a count belongs to: a later event
-- (an offer accepted, declined or expired) counts in its decision's hour, as the figures always did. figure names what
-- is counted, dimension what it is counted by ('' for nothing: a rule, a rep id, a wait range). Incremented by UPSERT
-- in the transaction of the decision or of the event, and filled from the stored decisions when this script runs (the hub
-- does that in the same transaction, see RoutingCountBackfill).
CREATE TABLE routing_counts (
    hour_start BIGINT NOT NULL,
    figure TEXT NOT NULL,
    dimension TEXT NOT NULL,
    tally BIGINT NOT NULL,
    PRIMARY KEY (hour_start, figure, dimension)
);
-- The same counters per UTC day, so a long window sums a row per day for its whole days (the hours of its partial
-- days come from routing_counts). Written with the hourly ones, by the same UPSERTs.
CREATE TABLE routing_counts_daily (
    day_start BIGINT NOT NULL,
    figure TEXT NOT NULL,
    dimension TEXT NOT NULL,
    tally BIGINT NOT NULL,
    PRIMARY KEY (day_start, figure, dimension)
);
-- The decisions-per-hour chart reads one figure over many hours.
CREATE INDEX ix_routing_counts_figure ON routing_counts (figure, hour_start);
-- Who is waiting (offers still open) is read live, by state: without this every read walked every conversation.
CREATE INDEX ix_conversations_state ON conversations (state, id)
