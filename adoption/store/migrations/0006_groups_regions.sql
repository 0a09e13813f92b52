-- Municipality groups (SKR's kommungruppsindelning), functional analysis
-- regions and a record of every reference file loaded.
--
-- Groups are imported data: versioned like population, replaced as a whole
-- classification at a time. sha256 is the file they came from, kept on every
-- row so that a rollback that copies the rows forward still knows their file.
CREATE TABLE municipality_group (
    valid_from  INTEGER NOT NULL,
    valid_to    INTEGER,
    kommunkod   VARCHAR NOT NULL,
    grupp       VARCHAR NOT NULL,   -- A1 .. C9; the main group is its letter
    ar          SMALLINT NOT NULL,  -- the classification's year (2023)
    source      VARCHAR NOT NULL,
    sha256      VARCHAR NOT NULL
);

-- Functional analysis regions (FA), assigned to municipalities by geometry at
-- init. Reference data like the municipality table: not versioned.
CREATE TABLE municipality_region (
    kommunkod   VARCHAR PRIMARY KEY,
    fa_kod      VARCHAR NOT NULL,
    fa_name     VARCHAR NOT NULL
);

-- The reference files behind the reference tables (boundaries, regions):
-- which file, its checksum and the package version it shipped with.
CREATE TABLE reference_set (
    name        VARCHAR PRIMARY KEY,  -- kommun, lan, fa
    source      VARCHAR NOT NULL,
    filename    VARCHAR NOT NULL,
    sha256      VARCHAR NOT NULL,
    data_version VARCHAR NOT NULL,
    loaded_at   TIMESTAMPTZ NOT NULL
);
