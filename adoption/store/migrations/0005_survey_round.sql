-- The status of each survey year (round): 'preliminar' while answers are still
-- coming in, 'publicerad' once an administrator publishes it. Versioned like
-- data rows (valid_from/valid_to), so a link pinned to a data version keeps
-- the statuses it was made with, and publishing is a data version of its own.
CREATE TABLE survey_round (
    ar          SMALLINT NOT NULL,
    status      VARCHAR NOT NULL CHECK (status IN ('preliminar', 'publicerad')),
    valid_from  INTEGER NOT NULL,
    valid_to    INTEGER
);

-- Years loaded before rounds existed were shown as final: they stay
-- published, from the first version that held them.
INSERT INTO survey_round
SELECT ar, 'publicerad', min(valid_from), NULL FROM response GROUP BY ar;
