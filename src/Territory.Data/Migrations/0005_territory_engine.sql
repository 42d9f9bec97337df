-- Territory schema: the territory engine (control timeline, cells, day-by-day territories).
-- A cell may be split by the country outline, so it is a MultiPolygon; its display twin is the same cell cut from the
-- simplified outline, so neighbouring cells keep their shared (Voronoi) edges and the dissolved display stays a coverage.

ALTER TABLE control_cells
    ALTER COLUMN cell TYPE geometry(MultiPolygon, 4326) USING ST_Multi(cell),
    ADD COLUMN display geometry(MultiPolygon, 4326),
    ADD COLUMN admin1_code text,
    ADD COLUMN admin2_code text;

-- Per-place states also record which events only made a place uncertain (a capture reported within a date range).
ALTER TABLE control_states
    ADD COLUMN since date;

CREATE INDEX control_states_place_idx ON control_states (place_id, day);
CREATE INDEX control_cells_display_gix ON control_cells USING gist (display);

-- One row per built day: its content fingerprint (the ETag: an unchanged day keeps it across rebuilds) and when built.
CREATE TABLE territory_days (
    day             date PRIMARY KEY,
    fingerprint     text NOT NULL,
    built_at        timestamptz NOT NULL
);

-- Area per actor and region per day (region '' is the whole theater), with the bounds and changes the API serves.
CREATE TABLE territory_areas (
    day             date NOT NULL,
    actor_id        bigint NOT NULL REFERENCES actors (id),
    region          text NOT NULL DEFAULT '',   -- '' for the whole theater, else an OCHA admin1 or admin2 P-code
    held_km2        double precision NOT NULL,  -- lower bound: cells the actor holds
    contested_km2   double precision NOT NULL,  -- cells contested where the actor is a party
    gain_km2        double precision NOT NULL,  -- held now, not held the day before
    loss_km2        double precision NOT NULL,  -- held the day before, not now
    since_start_km2 double precision NOT NULL,  -- held now minus held on the start day
    PRIMARY KEY (day, actor_id, region)
);

-- The earliest day whose territories are out of date, and a version bumped by every change that queued it.
CREATE TABLE territory_rebuild_queue (
    id          smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    from_day    date NOT NULL,
    version     bigint NOT NULL DEFAULT 1,
    queued_at   timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION territory_queue_rebuild(day date) RETURNS void LANGUAGE sql AS $$
    INSERT INTO territory_rebuild_queue (id, from_day) VALUES (1, day)
    ON CONFLICT (id) DO UPDATE SET from_day = least(territory_rebuild_queue.from_day, EXCLUDED.from_day),
                                   version = territory_rebuild_queue.version + 1, queued_at = now();
$$;

-- Any change to a control change that can matter (status, place, days, actors, tier, retake) queues its earliest day.
CREATE FUNCTION territory_events_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF OLD.kind = 'control_change' THEN PERFORM territory_queue_rebuild(OLD.day_from); END IF;
        RETURN OLD;
    END IF;
    IF TG_OP = 'UPDATE' THEN
        IF (OLD.kind, OLD.status, OLD.place_id, OLD.day_from, OLD.day_to, OLD.gainer_id, OLD.loser_id, OLD.tier, OLD.retake)
           IS NOT DISTINCT FROM
           (NEW.kind, NEW.status, NEW.place_id, NEW.day_from, NEW.day_to, NEW.gainer_id, NEW.loser_id, NEW.tier, NEW.retake) THEN
            RETURN NEW;
        END IF;
        IF OLD.kind = 'control_change' OR NEW.kind = 'control_change' THEN
            PERFORM territory_queue_rebuild(least(OLD.day_from, NEW.day_from));
        END IF;
        RETURN NEW;
    END IF;
    IF NEW.kind = 'control_change' THEN PERFORM territory_queue_rebuild(NEW.day_from); END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER events_queue_territory_rebuild
    AFTER INSERT OR UPDATE OR DELETE ON events
    FOR EACH ROW EXECUTE FUNCTION territory_events_changed();

-- The starting lines change every day after them.
CREATE FUNCTION territory_initial_control_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM territory_queue_rebuild(CASE WHEN TG_OP = 'DELETE' THEN OLD.valid_on ELSE NEW.valid_on END);
    RETURN NULL;
END $$;

CREATE TRIGGER initial_control_queue_territory_rebuild
    AFTER INSERT OR UPDATE OR DELETE ON initial_control
    FOR EACH ROW EXECUTE FUNCTION territory_initial_control_changed();
