-- AlterTable
ALTER TABLE "encounter" ALTER COLUMN "first_received_at" SET DEFAULT CURRENT_TIMESTAMP;
