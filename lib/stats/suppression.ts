/**
 * Small-number suppression for viewers who are not entitled to the unsuppressed figures.
 *
 * Primary suppression: a cell whose numerator or denominator is 1–4 is hidden (value, CI and counts; shown as "<5").
 * 0 is not a small number and is shown.
 *
 * Complementary (secondary) suppression — the usual rule of cell suppression that a published sum must never contain
 * exactly one hidden cell (secondary cell suppression, A. Hundepool et al., *Statistical Disclosure Control*, Wiley
 * 2012). For each additive group — members whose numerators and denominators add up to a total cell (municipalities →
 * region, regions → nation, the categories of a breakdown → the headline figure) — the equation total = Σ members
 * must not have exactly one quantity the viewer does not know, or that one can be recovered by subtraction (or, for a
 * hidden total, by addition). When it has, one more cell of the group is suppressed: the visible member with the
 * smallest denominator (ties by key, plain string order), preferring non-empty members; if there is none, the total;
 * and only as a last resort an empty (0/0) member, since hiding an empty cell protects nothing when the viewer can
 * guess that it is empty. Groups are examined in the order given, repeatedly, until nothing changes, so chains across
 * groups (a hidden region forcing a second hidden region in the nation group and then a hidden municipality inside
 * it; a hidden category forcing further hidden cells across a two-way table) are followed. A cell may be in several
 * groups.
 *
 * What the viewer knows: every visible cell, and every cell they are entitled to (e.g. their own municipality). An
 * entitled cell is shown as it is, never suppressed, and — because the viewer knows it — it does not protect anyone
 * else: a small neighbour in the same region still needs a second hidden cell besides the viewer's own.
 * A group whose total is null (no published total, or a total the viewer cannot see at all) gives nothing to subtract
 * from and is ignored. The caller decides entitlement per cell: for a viewer's own municipality that includes its
 * breakdown cells.
 *
 * Limits: this prevents recovery from any single sum. It does not solve the full linear system of all sums together,
 * nor use interval knowledge ("<5"); for the hierarchical tables and breakdowns of LDBU the iterated rule is the
 * standard practical choice. When every other quantity of a group is known to the viewer through entitlement, nothing
 * can be hidden to protect the cell: that cell then counts as known for the other groups, and `suppressionReport`
 * lists it as recoverable.
 */

export const SMALL_NUMBER_MIN = 1;
export const SMALL_NUMBER_MAX = 4;
/** what a suppressed count is shown as */
export const SUPPRESSED_LABEL = "<5";

export type SuppressionReason = "primary" | "complementary";

export interface SuppressionCell {
  key: string;
  numerator: number;
  denominator: number;
}

/** Members whose numerators and denominators add up to the total cell (or to no published total: null). */
export interface AdditiveGroup {
  total: string | null;
  members: readonly string[];
}

export interface SuppressionOptions {
  /** cells the viewer may see unsuppressed (e.g. their own municipality); default: none */
  entitled?: (key: string) => boolean;
}

export interface SuppressionReport {
  status: Map<string, SuppressionReason | null>;
  /**
   * hidden cells the viewer can still work out from single sums, because every other quantity of a group is known to
   * them through entitlement (e.g. a one-member group whose member is the viewer's own); empty in ordinary use
   */
  recoverable: string[];
}

/** 1–4: a small number. 0 is not. */
export function isSmallNumber(n: number): boolean {
  return n >= SMALL_NUMBER_MIN && n <= SMALL_NUMBER_MAX;
}

/** Primary suppression rule for one cell. */
export function needsPrimarySuppression(cell: Pick<SuppressionCell, "numerator" | "denominator">): boolean {
  return isSmallNumber(cell.numerator) || isSmallNumber(cell.denominator);
}

/**
 * Primary and complementary suppression of the cells for one viewer, with the hidden cells that nevertheless remain
 * recoverable (see SuppressionReport).
 * @throws Error for duplicate cell keys, or groups naming unknown cells or containing their total as a member.
 */
export function suppressionReport<T extends SuppressionCell>(
  cells: readonly T[],
  groups: readonly AdditiveGroup[],
  options: SuppressionOptions = {},
): SuppressionReport {
  const entitledFn = options.entitled ?? (() => false);
  const byKey = new Map<string, T>();
  for (const cell of cells) {
    if (byKey.has(cell.key)) throw new Error(`suppress: duplicate cell key ${cell.key}`);
    byKey.set(cell.key, cell);
  }
  groups.forEach((g, i) => {
    const keys = g.total === null ? g.members : [g.total, ...g.members];
    for (const k of keys) if (!byKey.has(k)) throw new Error(`suppress: group ${i} names unknown cell ${k}`);
    if (g.total !== null && g.members.includes(g.total)) throw new Error(`suppress: group ${i} has its total ${g.total} as a member`);
    if (new Set(g.members).size !== g.members.length) throw new Error(`suppress: group ${i} lists a member twice`);
  });

  const entitled = new Set<string>();
  const status = new Map<string, SuppressionReason | null>();
  for (const cell of cells) {
    const isEntitled = entitledFn(cell.key);
    if (isEntitled) entitled.add(cell.key);
    status.set(cell.key, !isEntitled && needsPrimarySuppression(cell) ? "primary" : null);
  }
  const hideable = (k: string) => !entitled.has(k) && status.get(k) === null;
  const denominatorOf = (k: string) => byKey.get(k)!.denominator;
  const smallestFirst = (a: string, b: string) => denominatorOf(a) - denominatorOf(b) || (a < b ? -1 : a > b ? 1 : 0);
  const singleUnknown = (g: AdditiveGroup, known: (k: string) => boolean): string | null => {
    if (g.total === null) return null;
    const unknown = [g.total, ...g.members].filter((k) => !known(k));
    return unknown.length === 1 ? unknown[0] : null;
  };

  // Hidden cells the viewer can nevertheless work out because nothing in their group could be hidden (everything else
  // is known through entitlement). They count as known from then on, so the groups they are in protect the rest.
  const derived = new Set<string>();
  const knownNow = (k: string) => entitled.has(k) || status.get(k) === null || derived.has(k);
  let changed = true;
  while (changed) {
    changed = false;
    for (const g of groups) {
      const exposed = singleUnknown(g, knownNow);
      if (exposed === null) continue;
      const members = g.members.filter(hideable).sort(smallestFirst);
      const pick =
        members.find((k) => denominatorOf(k) > 0) ?? (g.total !== null && hideable(g.total) ? g.total : undefined) ?? members[0];
      if (pick === undefined) derived.add(exposed);
      else status.set(pick, "complementary");
      changed = true;
    }
  }

  // What remains recoverable in the final state: close the viewer's knowledge under single-unknown sums.
  const closure = new Set([...status].filter(([k, r]) => r === null || entitled.has(k)).map(([k]) => k));
  for (let grew = true; grew; ) {
    grew = false;
    for (const g of groups) {
      const exposed = singleUnknown(g, (k) => closure.has(k));
      if (exposed !== null) {
        closure.add(exposed);
        grew = true;
      }
    }
  }
  const recoverable = [...closure].filter((k) => status.get(k) !== null).sort();
  return { status, recoverable };
}

/**
 * Suppression status of every cell for one viewer: "primary", "complementary", or null (shown).
 * Cells the viewer is entitled to are always null. See the file comment for the rules.
 */
export function suppress<T extends SuppressionCell>(
  cells: readonly T[],
  groups: readonly AdditiveGroup[],
  options: SuppressionOptions = {},
): Map<string, SuppressionReason | null> {
  return suppressionReport(cells, groups, options).status;
}
