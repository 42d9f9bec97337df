-- Gazetteer: admin membership as OCHA P-codes (filled by the importers, or by point-in-polygon against imported
-- boundaries), alternative keys for cross-source matching, and the import runs that produced each row.

ALTER TABLE places
    ADD COLUMN admin1_code text,
    ADD COLUMN admin2_code text,
    ADD COLUMN admin3_code text,
    ADD COLUMN pcode text,                  -- the place's own OCHA P-code when it has one (C1007, SY02, N0176...)
    ADD COLUMN import_id bigint,
    ADD COLUMN note text;

CREATE INDEX places_admin1_idx ON places (admin1_code);
CREATE INDEX places_pcode_idx ON places (pcode);
CREATE INDEX places_source_idx ON places (source);

-- One row per import run, so every imported place traces to the file it came from.
CREATE TABLE gazetteer_imports (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source      text NOT NULL,
    format      text NOT NULL,
    file_name   text NOT NULL,
    file_sha256 bytea NOT NULL,
    places      integer NOT NULL,
    names       integer NOT NULL,
    imported_at timestamptz NOT NULL,
    imported_by bigint REFERENCES users (id)
);

ALTER TABLE places ADD CONSTRAINT places_import_fk FOREIGN KEY (import_id) REFERENCES gazetteer_imports (id);
