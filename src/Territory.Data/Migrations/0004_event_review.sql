-- Territory schema: what event review adds. An analyst's note on an event (why it was edited, merged or entered), and
-- the look-up that follows merged events to the one they were merged into.

ALTER TABLE events
    ADD COLUMN note text CHECK (note IS NULL OR length(note) <= 2000);

CREATE INDEX events_merged_into_idx ON events (merged_into) WHERE merged_into IS NOT NULL;
