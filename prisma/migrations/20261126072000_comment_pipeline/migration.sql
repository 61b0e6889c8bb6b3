-- CreateEnum
CREATE TYPE "ModerationMode" AS ENUM ('HOLD_ALL', 'HOLD_FIRST_TIME', 'PUBLISH');

-- CreateEnum
CREATE TYPE "BlockKind" AS ENUM ('EMAIL', 'DOMAIN', 'CLIENT');

-- CreateEnum
CREATE TYPE "BlockMode" AS ENUM ('REFUSE', 'HOLD');

-- AlterEnum
ALTER TYPE "CommentStatus" ADD VALUE 'UNCONFIRMED';

-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "clientHash" TEXT,
ADD COLUMN     "confirmedAt" TIMESTAMPTZ(3),
ADD COLUMN     "depth" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "idempotencyKey" TEXT,
ADD COLUMN     "notifyOnApproval" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "notifyOnReply" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "SiteSettings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "moderationMode" "ModerationMode" NOT NULL DEFAULT 'HOLD_ALL',
    "requireEmailConfirmation" BOOLEAN NOT NULL DEFAULT false,
    "linkHoldThreshold" INTEGER NOT NULL DEFAULT 2,
    "holdWords" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "refuseWords" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "autoCloseDays" INTEGER,
    "floodIntervalSeconds" INTEGER NOT NULL DEFAULT 15,
    "minFormSeconds" INTEGER NOT NULL DEFAULT 3,
    "maxThreadDepth" INTEGER NOT NULL DEFAULT 5,
    "commentsPerPage" INTEGER NOT NULL DEFAULT 50,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SiteSettings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Block" (
    "id" SERIAL NOT NULL,
    "kind" "BlockKind" NOT NULL,
    "value" TEXT NOT NULL,
    "mode" "BlockMode" NOT NULL DEFAULT 'REFUSE',
    "reason" TEXT,
    "expiresAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Block_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimit" (
    "key" TEXT NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" TIMESTAMPTZ(3),

    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "Block_kind_value_key" ON "Block"("kind", "value");

-- CreateIndex
CREATE UNIQUE INDEX "Comment_idempotencyKey_key" ON "Comment"("idempotencyKey");

-- CreateIndex
CREATE INDEX "Comment_authorEmail_createdAt_idx" ON "Comment"("authorEmail", "createdAt");

-- CreateIndex
CREATE INDEX "Comment_clientHash_createdAt_idx" ON "Comment"("clientHash", "createdAt");


-- Backfill: depth of existing replies, counted from their top-level comment.
WITH RECURSIVE tree AS (
    SELECT "id", 0 AS "depth" FROM "Comment" WHERE "parentId" IS NULL
    UNION ALL
    SELECT c."id", tree."depth" + 1 FROM "Comment" c JOIN tree ON c."parentId" = tree."id"
)
UPDATE "Comment" SET "depth" = tree."depth" FROM tree WHERE "Comment"."id" = tree."id" AND tree."depth" > 0;
