-- AlterTable
ALTER TABLE "SiteSettings" ADD COLUMN     "fingerprintRetentionDays" INTEGER NOT NULL DEFAULT 30,
ADD COLUMN     "rejectedRetentionDays" INTEGER NOT NULL DEFAULT 90,
ADD COLUMN     "unconfirmedRetentionDays" INTEGER NOT NULL DEFAULT 7;

