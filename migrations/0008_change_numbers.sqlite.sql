-- SQLite keeps the one-row counter of 0003 for change numbers: its writes are serial,
-- so numbers commit in order and nothing waits longer for it. (PostgreSQL moves to a
-- sequence in its 0008.)
SELECT 1;
