-- A lead the hub enrolled in a sequence, found again by the sequencer's enrolment id when
-- the sequencer reports on it, with the lifecycle status the hub last moved it to.
CREATE TABLE lead_enrollments (
    enrollment_id TEXT PRIMARY KEY,
    external_id TEXT NOT NULL,
    lead TEXT NOT NULL,
    status TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX ix_lead_enrollments_external ON lead_enrollments (external_id)
