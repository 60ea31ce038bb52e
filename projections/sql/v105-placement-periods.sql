-- citylab read models, migration 105: the opening's period (first and last day, inclusive,
-- in the city's calendar) on each placement. Safe to run twice. Never edit once shipped.
-- Rows written before it have no period: the placements projection's version 2 rebuilds
-- them from the log on the next catch-up.
ALTER TABLE placements ADD COLUMN IF NOT EXISTS starts date;
ALTER TABLE placements ADD COLUMN IF NOT EXISTS ends date;
ALTER TABLE placement_openings ADD COLUMN IF NOT EXISTS starts date;
ALTER TABLE placement_openings ADD COLUMN IF NOT EXISTS ends date;
