-- citylab event store, migration 4. Runs inside one transaction; safe to run twice.
-- Never edit once shipped: add the next migration instead.
--
-- A COPY batch's open and close plan their statements once per session and keep the plans.
-- Left to choose, PL/pgSQL re-planned citylab_append_close's range count on every call: the
-- count over the batch's positions (a hundred rows, known to the custom plan) looked cheaper
-- than the generic estimate, which grows with the log, so the plan cache never settled and
-- each close paid the planner again (about a third of its time). The generic plans are index
-- scans at any size of log: the range count an index-only scan of the primary key, the head a
-- one-row look-up.
ALTER FUNCTION citylab_append_open(text, text[], integer[]) SET plan_cache_mode = force_generic_plan;
ALTER FUNCTION citylab_append_close(bigint, bigint, bytea, text, text, text) SET plan_cache_mode = force_generic_plan;
