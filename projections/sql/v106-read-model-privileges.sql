-- citylab read models, migration 106: read models are written only by citylab_projector and
-- read by citylab_reader (every staff role is a member of it; migration 5 made both roles and
-- citylab_read_model_privileges). Safe to run twice. A migration that adds a read-model table
-- calls citylab_read_model_privileges for it; a rebuild's shadow copies get it when created.
SELECT citylab_read_model_privileges(t)
FROM unnest(ARRAY['projection_checkpoints', 'attendees', 'program', 'rosters', 'program_people', 'agendas', 'agenda_sessions',
                  'agenda_editions', 'placements', 'placement_scholars', 'placement_openings']) AS t
WHERE to_regclass(t) IS NOT NULL;
