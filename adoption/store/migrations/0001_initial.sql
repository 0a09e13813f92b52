-- Reference data, survey data with data versions, population and uploads.
--
-- Versioning: every load creates a row in data_version. Data rows are never
-- updated in place except to close them: a row is part of version v when
-- valid_from <= v AND (valid_to IS NULL OR valid_to > v). A version is
-- created in the same transaction as its rows, so a reader that asks for
-- max(version) never sees a half-written one.

CREATE TABLE county (
    lan_kod   VARCHAR PRIMARY KEY,
    name      VARCHAR NOT NULL,
    area_km2  DOUBLE NOT NULL
);

CREATE TABLE municipality (
    kommunkod VARCHAR PRIMARY KEY,
    name      VARCHAR NOT NULL,
    lan_kod   VARCHAR NOT NULL,
    area_km2  DOUBLE NOT NULL
);

-- Simplified boundaries (GeoJSON geometry text, WGS 84), prepared once at init.
CREATE TABLE geometry (
    level     VARCHAR NOT NULL,   -- 'kommun' or 'lan'
    code      VARCHAR NOT NULL,
    geojson   VARCHAR NOT NULL,
    PRIMARY KEY (level, code)
);

CREATE TABLE sector (
    code      VARCHAR PRIMARY KEY,
    sort      INTEGER NOT NULL,
    name_sv   VARCHAR NOT NULL,
    name_en   VARCHAR NOT NULL,
    cofog     VARCHAR[] NOT NULL
);

CREATE TABLE stage (
    value       TINYINT PRIMARY KEY,
    code        VARCHAR NOT NULL,
    name_sv     VARCHAR NOT NULL,
    name_en     VARCHAR NOT NULL,
    pstw_status VARCHAR[] NOT NULL
);

CREATE TABLE data_version (
    version       INTEGER PRIMARY KEY,
    created_at    TIMESTAMPTZ NOT NULL,
    created_by    VARCHAR NOT NULL,
    action        VARCHAR NOT NULL,  -- demo, upload, population, rollback, demo_removed
    description   VARCHAR NOT NULL,
    restored_from INTEGER
);

-- One row per organisation and survey year (upload A). org_key identifies a
-- respondent within a year: '' for a municipality, the organisationsnummer
-- or the lower-cased name for a civil-society organisation.
CREATE TABLE response (
    row_id                  BIGINT NOT NULL,
    valid_from              INTEGER NOT NULL,
    valid_to                INTEGER,
    ar                      SMALLINT NOT NULL,
    typ                     VARCHAR NOT NULL,
    kommunkod               VARCHAR NOT NULL,
    org_key                 VARCHAR NOT NULL,
    organisation            VARCHAR,
    organisationsnummer     VARCHAR,
    org_kategori            VARCHAR,
    ai_strategi             TINYINT,   -- 0 nej, 1 pagar, 2 ja, NULL no answer
    riktlinjer_genai        BOOLEAN,
    antal_initiativ         INTEGER,
    antal_i_drift           INTEGER,
    andel_utbildad_personal DOUBLE,
    ai_budget_tkr           DOUBLE,
    hinder                  VARCHAR[],  -- NULL: no answer
    deltar_kraftsamling     BOOLEAN,
    is_demo                 BOOLEAN NOT NULL
);

-- A stage answer per sector; no row means no answer. stage -1 is "." (not
-- applicable), so stage >= 0 means answered and stage >= 1 means activity.
CREATE TABLE response_stage (
    row_id  BIGINT NOT NULL,
    sector  VARCHAR NOT NULL,
    stage   TINYINT NOT NULL CHECK (stage BETWEEN -1 AND 4)
);

CREATE TABLE initiative (
    row_id       BIGINT NOT NULL,
    valid_from   INTEGER NOT NULL,
    valid_to     INTEGER,
    ar           SMALLINT NOT NULL,
    typ          VARCHAR NOT NULL,
    kommunkod    VARCHAR NOT NULL,
    organisation VARCHAR,
    titel        VARCHAR NOT NULL,
    sektor       VARCHAR NOT NULL,
    mognad       TINYINT NOT NULL CHECK (mognad BETWEEN 1 AND 4),
    teknik       VARCHAR,
    beskrivning  VARCHAR,
    nytta        VARCHAR[],
    utvarderad   BOOLEAN,
    samverkan    VARCHAR[],
    kalla        VARCHAR,
    is_demo      BOOLEAN NOT NULL
);

CREATE TABLE population (
    valid_from  INTEGER NOT NULL,
    valid_to    INTEGER,
    kommunkod   VARCHAR NOT NULL,
    ar          SMALLINT NOT NULL,
    population  BIGINT NOT NULL,
    source      VARCHAR NOT NULL
);

-- What was loaded, by whom and from which file. No file contents are kept.
CREATE TABLE upload (
    upload_id      INTEGER PRIMARY KEY,
    uploaded_at    TIMESTAMPTZ NOT NULL,
    uploaded_by    VARCHAR NOT NULL,
    filename       VARCHAR NOT NULL,
    sha256         VARCHAR NOT NULL,
    kind           VARCHAR NOT NULL,
    rows_added     INTEGER NOT NULL,
    rows_changed   INTEGER NOT NULL,
    rows_unchanged INTEGER NOT NULL,
    data_version   INTEGER
);
