-- Territory schema, version 3: what report ingestion records beyond version 1.
-- The detector's confidence in a revision's language, and the words that date an event (its provenance, like the
-- sentence it came from). A retake (a side took back a place it had held) is kept as a flag for the timeline.

ALTER TABLE report_revisions
    ADD COLUMN language_confidence real CHECK (language_confidence IS NULL OR language_confidence BETWEEN 0 AND 1),
    ADD COLUMN title text;

ALTER TABLE events
    ADD COLUMN date_evidence text,
    ADD COLUMN retake boolean NOT NULL DEFAULT false;

CREATE INDEX event_sources_revision_idx ON event_sources (revision_id);
