-- The rate limiter counts in one INSERT … ON CONFLICT through the connection pool (rate-limiter-flexible's
-- PostgreSQL store), which keeps a counter's expiry as milliseconds since the epoch.
ALTER TABLE "RateLimit" ALTER COLUMN "expire" TYPE BIGINT USING (extract(epoch FROM "expire") * 1000)::BIGINT;

