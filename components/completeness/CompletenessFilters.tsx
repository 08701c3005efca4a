/** Filters of the Datakomplethed page: a GET form, so the state lives in the URL and works without JavaScript. */
import { Select } from "@/components/completeness/Select";
import type { CompletenessState } from "@/lib/completeness/url-state";
import { MEASURE_INFO, MEASURE_KEYS } from "@/lib/completeness/views";
import type { RegionRef } from "@/lib/views/types";

export function CompletenessFilters({ state, year, years, regions }: { state: CompletenessState; year: number; years: number[]; regions: RegionRef[] }) {
  return (
    <form className="filters" method="get" action="/datakomplethed" aria-label="Filtre">
      <Select name="periode" label="År" value={String(year)} options={years.map((y) => ({ value: String(y), label: String(y) }))} />
      <Select name="maal" label="Mål" value={state.maal} options={MEASURE_KEYS.map((k) => ({ value: k, label: MEASURE_INFO[k].label }))} />
      <Select name="region" label="Region" value={state.region ?? ""} options={[{ value: "", label: "Hele landet" }, ...regions.map((r) => ({ value: r.code, label: r.name }))]} />
      {state.sort !== "navn" && <input type="hidden" name="sort" value={state.sort} />}
      {state.retning !== "stigende" && <input type="hidden" name="retning" value={state.retning} />}
      {state.kommune && <input type="hidden" name="kommune" value={state.kommune} />}
      <button type="submit" className="button">Vis</button>
    </form>
  );
}
