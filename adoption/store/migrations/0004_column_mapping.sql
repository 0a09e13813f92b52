-- Column choices remembered for uploads: when an administrator maps a header
-- of a file (e.g. "Varav i drift") to a column of the format (antal_i_drift),
-- the next file of the same kind with the same header gets the same choice.
-- target '' means "ignore this column". Not data: no data version.
CREATE TABLE column_mapping (
    kind      VARCHAR NOT NULL,
    header    VARCHAR NOT NULL,   -- the header as written in the file, trimmed
    target    VARCHAR NOT NULL,
    saved_at  TIMESTAMPTZ NOT NULL,
    saved_by  VARCHAR NOT NULL,
    PRIMARY KEY (kind, header)
);
