-- Rate-limit counters are worth little after a crash (a window lasts minutes at most), yet as a logged
-- table every counted comment wrote WAL and waited for its flush while holding its client's counter row: posts from
-- one busy client queued behind each other's disk writes. Unlogged, a counter's update commits without a flush; after
-- a crash PostgreSQL empties the table, as if every window had just begun. (Not replicated to standbys: only the
-- primary counts.)
ALTER TABLE "RateLimit" SET UNLOGGED;
