-- DropTable
DROP TABLE "refresh_mark";

-- CreateTable
CREATE TABLE "refresh_citizen" (
    "citizen_id" BIGINT NOT NULL,
    "marked_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "refresh_citizen_pkey" PRIMARY KEY ("citizen_id")
);
