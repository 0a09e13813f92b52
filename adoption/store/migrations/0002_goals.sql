-- Programme goals with their full history: a change is a new revision, so
-- who changed what and when is never lost. The current goal is the latest
-- revision of each goal_id.
CREATE TABLE goal_revision (
    goal_id      VARCHAR NOT NULL,
    revision     INTEGER NOT NULL,
    metric       VARCHAR NOT NULL,
    measure      VARCHAR NOT NULL,   -- 'value' or 'numerator' of the metric
    target       DOUBLE NOT NULL,
    target_year  SMALLINT NOT NULL,
    label_sv     VARCHAR NOT NULL,
    label_en     VARCHAR NOT NULL,
    changed_at   TIMESTAMPTZ NOT NULL,
    changed_by   VARCHAR NOT NULL,
    PRIMARY KEY (goal_id, revision)
);
