-- Territory schema, version 1.
-- Every geometry is SRID 4326 (lon/lat, WGS84) with a GiST index. Every derived row keeps the
-- report revision and character offsets it came from, or the user who entered it.

CREATE EXTENSION IF NOT EXISTS postgis;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- People -------------------------------------------------------------------------------------

CREATE TABLE users (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name            text NOT NULL,
    password_hash   text NOT NULL,
    role            text NOT NULL DEFAULT 'analyst' CHECK (role IN ('analyst', 'admin')),
    must_change_password boolean NOT NULL DEFAULT false,
    created_at      timestamptz NOT NULL,
    created_by      bigint REFERENCES users (id),
    disabled_at     timestamptz
);
CREATE UNIQUE INDEX users_name_key ON users (lower(name));

-- Who changed what, with the row before and after.
CREATE TABLE audit_log (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at          timestamptz NOT NULL,
    user_id     bigint REFERENCES users (id),
    action      text NOT NULL,
    entity      text NOT NULL,
    entity_id   bigint,
    before      jsonb,
    after       jsonb
);
CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id);

-- Actors (the taxonomy itself is data loaded from data/actors) ------------------------------------

CREATE TABLE actors (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    key         text NOT NULL UNIQUE,
    name        text NOT NULL,
    side        text NOT NULL,            -- coalition the actor fights with: opposition, government, sdf, unknown...
    parent_id   bigint REFERENCES actors (id),
    color       text
);

CREATE TABLE actor_aliases (
    actor_id    bigint NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    alias       text NOT NULL,
    lang        text NOT NULL,
    PRIMARY KEY (actor_id, alias, lang)
);

-- Gazetteer --------------------------------------------------------------------------------------

CREATE TABLE places (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind            text NOT NULL CHECK (kind IN ('country', 'governorate', 'district', 'subdistrict', 'city',
                        'town', 'village', 'neighbourhood', 'airport', 'airbase', 'military_base', 'landmark',
                        'road', 'junction', 'square', 'region')),
    name            text NOT NULL,
    point           geometry(Point, 4326) NOT NULL,
    area            geometry(MultiPolygon, 4326),
    parent_id       bigint REFERENCES places (id),
    admin1_id       bigint REFERENCES places (id),
    admin2_id       bigint REFERENCES places (id),
    admin3_id       bigint REFERENCES places (id),
    population      integer CHECK (population IS NULL OR population >= 0),
    -- Each source keeps its own rows: curated (geo/), geonames, ocha, boundaries, analyst.
    source          text NOT NULL,
    source_key      text NOT NULL,
    -- An analyst's correction of an imported place lives in its own row that supersedes the import,
    -- so a re-import never overwrites it.
    supersedes_id   bigint REFERENCES places (id),
    created_at      timestamptz NOT NULL,
    created_by      bigint REFERENCES users (id),
    UNIQUE (source, source_key)
);
CREATE INDEX places_point_gix ON places USING gist (point);
CREATE INDEX places_area_gix ON places USING gist (area);
CREATE INDEX places_parent_idx ON places (parent_id);

CREATE TABLE place_names (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    place_id    bigint NOT NULL REFERENCES places (id) ON DELETE CASCADE,
    name        text NOT NULL,
    lang        text NOT NULL DEFAULT 'und',   -- BCP 47 language (fr, en, ar, tr...) or 'und'
    script      text NOT NULL DEFAULT 'Latn',  -- ISO 15924 (Latn, Arab)
    normalized  text NOT NULL,
    is_primary  boolean NOT NULL DEFAULT false,
    UNIQUE (place_id, name, lang)
);
CREATE INDEX place_names_normalized_idx ON place_names (normalized);
CREATE INDEX place_names_trgm_idx ON place_names USING gin (normalized gin_trgm_ops);

-- Reports ----------------------------------------------------------------------------------------

-- A report is one story from one source; its text lives in revisions.
CREATE TABLE reports (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source_url      text,
    outlet          text,
    title           text,
    created_at      timestamptz NOT NULL,
    created_by      bigint REFERENCES users (id)
);
CREATE UNIQUE INDEX reports_source_url_key ON reports (source_url) WHERE source_url IS NOT NULL;

CREATE TABLE report_revisions (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    report_id           bigint NOT NULL REFERENCES reports (id),
    revision            integer NOT NULL CHECK (revision >= 1),
    body                text NOT NULL,                 -- the text exactly as read, in UTF-8
    content_sha256      bytea NOT NULL UNIQUE,          -- same text again changes nothing
    original_format     text NOT NULL DEFAULT 'text' CHECK (original_format IN ('text', 'markdown', 'html')),
    original_encoding   text NOT NULL DEFAULT 'utf-8',
    original_name       text,
    language            text,
    language_status     text NOT NULL DEFAULT 'detected' CHECK (language_status IN ('given', 'detected', 'unsupported')),
    published_on        date,
    published_status    text NOT NULL DEFAULT 'unknown' CHECK (published_status IN ('given', 'inferred', 'set', 'unknown')),
    published_evidence  text,
    ingested_at         timestamptz NOT NULL,
    ingested_by         bigint REFERENCES users (id),
    UNIQUE (report_id, revision)
);

-- Mentions and geocodes --------------------------------------------------------------------------

CREATE TABLE mentions (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    revision_id     bigint NOT NULL REFERENCES report_revisions (id) ON DELETE CASCADE,
    start_offset    integer NOT NULL CHECK (start_offset >= 0),
    end_offset      integer NOT NULL,
    surface         text NOT NULL,           -- the characters as written
    context_cue     text,                    -- «quartier», «aéroport», «north of»...
    place_id        bigint REFERENCES places (id),
    score           real,
    runner_up_id    bigint REFERENCES places (id),
    margin          real,
    geoprecision    smallint CHECK (geoprecision BETWEEN 1 AND 3),
    candidates      jsonb NOT NULL DEFAULT '[]',
    status          text NOT NULL DEFAULT 'auto' CHECK (status IN ('auto', 'unresolved', 'confirmed', 'corrected')),
    reviewed_by     bigint REFERENCES users (id),
    reviewed_at     timestamptz,
    CHECK (end_offset > start_offset)
);
CREATE INDEX mentions_revision_idx ON mentions (revision_id);
CREATE INDEX mentions_place_idx ON mentions (place_id);

-- Events -----------------------------------------------------------------------------------------

CREATE TABLE events (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind            text NOT NULL CHECK (kind IN ('control_change', 'strike', 'casualties', 'claim', 'denial')),
    -- control_change strength: claimed > entered > reached/attacking > contested; withdrawn is a loss.
    tier            text CHECK (tier IN ('claimed', 'entered', 'reached', 'contested', 'withdrawn')),
    place_id        bigint REFERENCES places (id),
    gainer_id       bigint REFERENCES actors (id),
    loser_id        bigint REFERENCES actors (id),
    day_from        date NOT NULL,
    day_to          date NOT NULL,
    date_precision  text NOT NULL CHECK (date_precision IN ('day', 'range', 'before_publication')),
    quantities      jsonb,                   -- casualties, aggregate claims: {"localities": 108, "km2": 850}
    rule            text NOT NULL,           -- the extraction rule, or 'manual'
    confidence      real NOT NULL CHECK (confidence BETWEEN 0 AND 1),
    status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'auto_accepted', 'rejected', 'merged')),
    merged_into     bigint REFERENCES events (id),
    created_at      timestamptz NOT NULL,
    created_by      bigint REFERENCES users (id),
    updated_at      timestamptz NOT NULL,
    updated_by      bigint REFERENCES users (id),
    CHECK (day_to >= day_from)
);
CREATE INDEX events_day_idx ON events (day_from, day_to);
CREATE INDEX events_place_idx ON events (place_id);
CREATE INDEX events_status_idx ON events (status);

-- Where an event was read: one row per report sentence (several after merging duplicates).
CREATE TABLE event_sources (
    event_id        bigint NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    revision_id     bigint NOT NULL REFERENCES report_revisions (id),
    sentence_start  integer NOT NULL,
    sentence_end    integer NOT NULL,
    quote           text NOT NULL,
    mention_id      bigint REFERENCES mentions (id),
    PRIMARY KEY (event_id, revision_id, sentence_start)
);

-- Control ----------------------------------------------------------------------------------------

-- The lines before the offensive: polygons or places per actor, editable by analysts.
CREATE TABLE initial_control (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    actor_id    bigint NOT NULL REFERENCES actors (id),
    valid_on    date NOT NULL,
    area        geometry(MultiPolygon, 4326),
    place_id    bigint REFERENCES places (id),
    note        text,
    created_at  timestamptz NOT NULL,
    created_by  bigint REFERENCES users (id),
    CHECK ((area IS NULL) <> (place_id IS NULL))
);
CREATE INDEX initial_control_area_gix ON initial_control USING gist (area);

-- Who holds each settlement on each day, and the events that put it there.
CREATE TABLE control_states (
    day         date NOT NULL,
    place_id    bigint NOT NULL REFERENCES places (id),
    actor_id    bigint REFERENCES actors (id),   -- null while contested
    state       text NOT NULL CHECK (state IN ('held', 'contested')),
    tier        text,
    event_ids   bigint[] NOT NULL DEFAULT '{}',
    PRIMARY KEY (day, place_id)
);

-- The tessellation of the theater: one cell per settlement.
CREATE TABLE control_cells (
    place_id    bigint PRIMARY KEY REFERENCES places (id),
    cell        geometry(Polygon, 4326) NOT NULL,
    area_km2    double precision NOT NULL,
    built_at    timestamptz NOT NULL
);
CREATE INDEX control_cells_cell_gix ON control_cells USING gist (cell);

-- Day-by-day territories per actor: exact geometry for area, simplified coverage for display.
CREATE TABLE territories (
    day             date NOT NULL,
    actor_id        bigint REFERENCES actors (id),
    state           text NOT NULL CHECK (state IN ('held', 'contested')),
    area            geometry(MultiPolygon, 4326) NOT NULL,
    display         geometry(MultiPolygon, 4326) NOT NULL,
    area_km2        double precision NOT NULL,
    event_ids       bigint[] NOT NULL DEFAULT '{}',
    built_at        timestamptz NOT NULL
);
CREATE UNIQUE INDEX territories_key ON territories (day, coalesce(actor_id, 0), state);
CREATE INDEX territories_area_gix ON territories USING gist (area);
CREATE INDEX territories_display_gix ON territories USING gist (display);
