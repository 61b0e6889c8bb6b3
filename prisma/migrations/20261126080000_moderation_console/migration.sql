-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "staffAuthorId" INTEGER,
ADD COLUMN     "statusReason" TEXT;

-- AlterTable
ALTER TABLE "SiteSettings" ADD COLUMN     "attemptsPerMinute" INTEGER NOT NULL DEFAULT 30;

-- AlterTable
ALTER TABLE "StaffUser" ADD COLUMN     "sessionVersion" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "ModerationAction" ADD COLUMN     "batchId" TEXT;

-- CreateIndex
CREATE INDEX "ModerationAction_batchId_idx" ON "ModerationAction"("batchId");

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_staffAuthorId_fkey" FOREIGN KEY ("staffAuthorId") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

