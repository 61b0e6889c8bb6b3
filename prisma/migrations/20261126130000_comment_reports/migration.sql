-- CreateEnum
CREATE TYPE "ReportReason" AS ENUM ('ABUSIVE', 'SPAM', 'OFF_TOPIC', 'PERSONAL_INFORMATION', 'ILLEGAL', 'OTHER');

-- CreateEnum
CREATE TYPE "ReportResolution" AS ENUM ('DISMISSED', 'ACTED');

-- AlterTable
ALTER TABLE "SiteSettings" ADD COLUMN     "reportThreshold" INTEGER NOT NULL DEFAULT 3;

-- CreateTable
CREATE TABLE "CommentReport" (
    "id" SERIAL NOT NULL,
    "commentId" INTEGER NOT NULL,
    "reporterHash" TEXT NOT NULL,
    "reason" "ReportReason" NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMPTZ(3),
    "resolution" "ReportResolution",

    CONSTRAINT "CommentReport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CommentReport_resolvedAt_commentId_idx" ON "CommentReport"("resolvedAt", "commentId");

-- CreateIndex
CREATE UNIQUE INDEX "CommentReport_commentId_reporterHash_key" ON "CommentReport"("commentId", "reporterHash");

-- AddForeignKey
ALTER TABLE "CommentReport" ADD CONSTRAINT "CommentReport_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

