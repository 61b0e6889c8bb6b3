-- AlterTable
ALTER TABLE "SiteSettings" ADD COLUMN     "attemptsPerMinute" INTEGER NOT NULL DEFAULT 30;

-- AlterTable
ALTER TABLE "StaffUser" ADD COLUMN     "sessionVersion" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "ModerationAction" ADD COLUMN     "batchId" TEXT;

-- CreateIndex
CREATE INDEX "ModerationAction_batchId_idx" ON "ModerationAction"("batchId");

