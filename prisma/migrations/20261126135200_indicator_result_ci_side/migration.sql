-- AlterTable
ALTER TABLE "indicator_result" ADD COLUMN     "standard_ci_side" TEXT;
