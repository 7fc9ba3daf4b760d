-- Carnet schema version 9: on a server, every change is announced to the other open windows (PostgreSQL's
-- LISTEN/NOTIFY, migration 0009 there). A local file is one computer's: the window notices another program's
-- commit through PRAGMA data_version, and nothing in the file changes.
SELECT 1;
