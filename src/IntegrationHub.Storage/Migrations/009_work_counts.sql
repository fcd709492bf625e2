-- How much work each rep took per day and per week of their own time zone, leads and chats apart: what caps are
-- checked against. subject is a rep id, or "pool/rep id" for the work one pool's round robin gave a rep. period_start
-- is the instant (ms) the rep's day or week began. Written with the decisions, in their transaction. cap is the limit
-- the last increment was held to (NULL when none was: a named owner's work counts but is never refused), so two
-- instances that both read a free slot cannot both take it: the second increment breaks the CHECK, its batch fails,
-- and its decision is made again with the count as it now stands.
CREATE TABLE work_counts (
    subject TEXT NOT NULL,
    channel TEXT NOT NULL,
    period TEXT NOT NULL,
    period_start BIGINT NOT NULL,
    taken BIGINT NOT NULL,
    cap BIGINT,
    PRIMARY KEY (subject, channel, period, period_start),
    CHECK (cap IS NULL OR taken <= cap)
)
