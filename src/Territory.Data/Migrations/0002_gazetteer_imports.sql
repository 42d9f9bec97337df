-- Territory schema, version 2: gazetteer imports.
-- Each source (curated, geonames, ocha, boundaries, analyst...) keeps its own rows in places, keyed by
-- (source, source_key); an import upserts its source's rows only, so analysts' rows and other sources survive it.
-- Admin units are referred to by OCHA P-code (SY02, SY0200, SY020000) rather than by row id: the codes are the same
-- whichever source a boundary came from, and they survive a re-import.

-- One row per file imported, with what it changed.
CREATE TABLE gazetteer_imports (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source          text NOT NULL,
    format          text NOT NULL,
    file_name       text NOT NULL,
    file_sha256     text NOT NULL CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
    options         text,
    imported_at     timestamptz NOT NULL,
    imported_by     bigint REFERENCES users (id),
    records         integer,
    inserted        integer,
    updated         integer,
    names_added     integer,
    names_removed   integer,
    admin_filled    integer
);
CREATE INDEX gazetteer_imports_sha_idx ON gazetteer_imports (file_sha256);

ALTER TABLE places
    DROP COLUMN admin1_id,
    DROP COLUMN admin2_id,
    DROP COLUMN admin3_id,
    ADD COLUMN pcode        text,            -- OCHA code of this place (C####, N####, SY##...), when known
    ADD COLUMN admin1_code  text,            -- OCHA governorate P-code
    ADD COLUMN admin2_code  text,            -- OCHA district P-code
    ADD COLUMN admin3_code  text,            -- OCHA subdistrict P-code
    ADD COLUMN parent_key   text,            -- source_key of the parent in the same source; resolved into parent_id
    ADD COLUMN import_id    bigint REFERENCES gazetteer_imports (id),
    ADD COLUMN updated_at   timestamptz,
    ADD COLUMN updated_by   bigint REFERENCES users (id);

CREATE INDEX places_pcode_idx ON places (pcode);
CREATE INDEX places_supersedes_idx ON places (supersedes_id);
