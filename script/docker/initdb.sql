-- Run once by the postgres:15 image on an empty volume (docker-entrypoint-initdb.d), as its
-- superuser `postgres`, in database `citylab`. citylab itself never connects as a superuser:
--   citylab      migrates the schema: owns the database (CREATE on it) and has CREATEROLE, which
--                'citylab db migrate' needs to make the group roles; the first admin.
--   citylab_web  'citylab serve': reads the read models and runs the projector, nothing else.
-- The two group roles serve needs are made here already (db migrate keeps them and grants
-- them their rights), so that the web login can be given them before the first migration.
CREATE ROLE citylab LOGIN CREATEROLE PASSWORD 'citylab';
ALTER DATABASE citylab OWNER TO citylab;
CREATE ROLE citylab_reader NOLOGIN;
CREATE ROLE citylab_projector NOLOGIN;
CREATE ROLE citylab_web LOGIN PASSWORD 'citylab_web' IN ROLE citylab_reader, citylab_projector;
