-- The county of each row's municipality, copied onto survey and initiative
-- rows. Every metric filters or groups by county; finding it by joining the
-- municipality table on the text code cost more than the rest of a metric's
-- query once there are 100,000 units. The copy is kept equal to the
-- municipality table: rows get it when they are written, and a new
-- reference load updates it (Store.load_reference).
ALTER TABLE response ADD COLUMN lan_kod VARCHAR;
UPDATE response SET lan_kod = m.lan_kod FROM municipality m WHERE m.kommunkod = response.kommunkod;
ALTER TABLE initiative ADD COLUMN lan_kod VARCHAR;
UPDATE initiative SET lan_kod = m.lan_kod FROM municipality m WHERE m.kommunkod = initiative.kommunkod;
