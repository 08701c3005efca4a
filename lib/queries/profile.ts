/** Data of Kommuneprofil: every indicator for one municipality next to its region and the nation. */
import type { Viewer } from "@/lib/auth/roles";
import { INDICATORS } from "@/lib/indicators/catalog";
import type { ProfileData, ResultCell } from "@/lib/views/types";
import { coverageWarning } from "./completeness";
import { regionOfMunicipalities } from "./municipalities";
import { currentResultsOf } from "./results";
import { cachedView, type ViewPayload } from "./view-cache";

/** null when the municipality does not exist. */
export async function profileData(viewer: Viewer, municipalityCode: string): Promise<ProfileData | null> {
  return (await profileView(viewer, municipalityCode)).value;
}

export function profileView(viewer: Viewer, municipalityCode: string): Promise<ViewPayload<ProfileData | null>> {
  return cachedView("profile", viewer, municipalityCode, () => computeProfile(viewer, municipalityCode));
}

async function computeProfile(viewer: Viewer, municipalityCode: string): Promise<ProfileData | null> {
  const regionCode = (await regionOfMunicipalities()).get(municipalityCode);
  if (!regionCode) return null;
  // headline cells of every area and period: the spread of the municipalities needs them all
  const cells = await currentResultsOf(viewer, { indicatorIds: INDICATORS.map((d) => d.id) }, (c) => c.breakdown === "all");
  const rows = await Promise.all(INDICATORS.map(async (d) => {
    const own = cells.filter((c) => c.indicatorId === d.id);
    const periods = [...new Set(own.filter((c) => c.areaLevel === "nation").map((c) => c.period))].sort();
    const period = periods.at(-1) ?? null;
    const at = (level: string, code?: string) => own.find((c) => c.period === period && c.areaLevel === level && (code === undefined || c.areaCode === code)) ?? null;
    const series = periods.map((p) => own.find((c) => c.period === p && c.areaLevel === "municipality" && c.areaCode === municipalityCode)).filter((c): c is ResultCell => c !== undefined);
    const distribution = own.filter((c) => c.period === period && c.areaLevel === "municipality" && c.state === "ok" && c.value !== null).map((c) => c.value as number);
    const warning = period === null ? null : await coverageWarning(viewer, { indicatorId: d.id, period, areaLevel: "municipality", areaCode: municipalityCode });
    return { indicatorId: d.id, period, municipality: at("municipality", municipalityCode), region: at("region", regionCode), nation: at("nation"), distribution, series, coverageWarning: warning?.text ?? null };
  }));
  return { municipalityCode, regionCode, rows };
}
