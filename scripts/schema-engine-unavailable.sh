#!/bin/sh
# Stands in for Prisma's native schema engine where it cannot be downloaded. `prisma generate` only needs the path
# to exist; commands that really need the engine (migrate, db push) fail here with this message instead.
echo "Prisma's schema engine is not installed on this machine. Migrations are applied by scripts/migrate.ts (npm run db:migrate)." >&2
exit 1
