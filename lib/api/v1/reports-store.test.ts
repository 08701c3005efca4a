import { describe, expect, it } from "vitest";
import type { PublishedVersion } from "@/lib/aarsrapport/published";
import { currentVersions, pickVersion } from "./reports-store";

const v = (year: number, version: number, status: PublishedVersion["status"]): PublishedVersion => ({
  year, version, status, publishedAt: new Date(Date.UTC(year + 1, 2, version)), changeNote: version > 1 ? "Rettelse" : null, dataCutoff: new Date(Date.UTC(year + 1, 1, 1)), catalogVersion: "2026.1",
});
const versions = [v(2025, 2, "published"), v(2025, 1, "superseded"), v(2024, 1, "published")];

describe("report versions", () => {
  it("picks the newest version of a year, or the asked one", () => {
    expect(pickVersion(versions, 2025)?.version).toBe(2);
    expect(pickVersion(versions, 2025, 1)?.status).toBe("superseded");
    expect(pickVersion(versions, 2025, 3)).toBeNull();
    expect(pickVersion(versions, 2023)).toBeNull();
  });
  it("lists the current version of each year, newest year first", () => {
    expect(currentVersions(versions).map((x) => `${x.year}-v${x.version}`)).toEqual(["2025-v2", "2024-v1"]);
    expect(currentVersions([])).toEqual([]);
  });
});
