-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "noticeDueAt" TIMESTAMPTZ(3),
ADD COLUMN     "noticedStatus" "CommentStatus";

-- Comments published before this change were told of it already (or never asked): nothing is sent for them.
UPDATE "Comment" SET "noticedStatus" = status WHERE status IN ('APPROVED', 'REJECTED');

-- CreateIndex
CREATE INDEX "Comment_noticeDueAt_idx" ON "Comment"("noticeDueAt");
