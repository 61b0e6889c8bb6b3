-- CreateEnum
CREATE TYPE "ModeratorMail" AS ENUM ('OFF', 'IMMEDIATE', 'HOURLY', 'DAILY');

-- AlterTable
ALTER TABLE "StaffUser" ADD COLUMN     "lastDigestAt" TIMESTAMPTZ(3),
ADD COLUMN     "linkVersion" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "moderatorMail" "ModeratorMail" NOT NULL DEFAULT 'OFF';

-- CreateTable
CREATE TABLE "SpentLink" (
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "spentAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SpentLink_pkey" PRIMARY KEY ("tokenHash")
);

-- CreateIndex
CREATE INDEX "SpentLink_expiresAt_idx" ON "SpentLink"("expiresAt");

