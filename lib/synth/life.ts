/**
 * A family's simulated course and the delivery reports its municipality's journal sends.
 *
 * `simulateFamily` is a pure function of (seed, family, municipality profiles): it draws
 * everything from streams keyed by the family's serial, so the generator can re-run it for any
 * family at any time and get the same reports (same ids, same timestamps). It returns the
 * reports as lazy `ReportSpec`s (JSON is built only when written) and the ground truth the
 * realism tests use.
 *
 * Programme (Sundhedsstyrelsen's guidance as the FBU guide encodes it): pregnancy visit for some,
 * postnatal visit for some, establishment visit (days 3–10), second visit within the first month,
 * visits at ~2, 4–6 and 8–11 months; need-based contacts following findings; school-entry and
 * school-exit examinations for the school cohorts.
 */
import {
  FINDINGS,
  INDICATORS,
  INTERVENTION,
  CONDITION,
  PROGRAMME,
  SCHOOL_WELLBEING,
  indicatorValue,
  visitObservations,
  type Code,
  type EncounterClassKey,
  type FeedingKey,
  type Grade,
  type IndicatorKey,
  type ObsKey,
  type VisitKind,
  INVARIANT_CODES,
} from "./codes";
import { MIN_PER_DAY, dayFromYmd, isoDate, isoDateTimeMs, isoInstant, isoMidnight, weekday, yearOf } from "./dates";
import { applyDefect, drawDefect, reportFeatures, type Defect } from "./defects";
import {
  citizen,
  deliveryReportJson,
  encounter,
  epdsResponse,
  examResultObs,
  feedingObs,
  headObs,
  heightObs,
  indicatorObs,
  intervention,
  location,
  parseReport,
  relatedParent,
  retracted,
  weightObs,
  type CarePlanStatus,
  type DeliveryReport,
  type HeightPosition,
  type Res,
} from "./fhir";
import {
  drawEpdsScore,
  drawFullBreastfeeding,
  drawInfantGrowth,
  epdsItems,
  feedingOn,
  feedingSegments,
  infantHead,
  infantLength,
  infantWeight,
  roundCm,
  schoolBody,
  type FeedingSegment,
  type InfantGrowth,
} from "./growth";
import type { MunicipalityProfile } from "./municipalities";
import type { Child, Family } from "./population";
import { clamp, hash32, rngFor, uuidFor, type Rng } from "./random";

// ---------------------------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------------------------

export interface SimContext {
  seed: number;
  profiles: ReadonlyMap<string, MunicipalityProfile>;
}

/** Variant of a report's content: which observations are sent as data-absent (a resend). */
export interface Variant {
  absent?: ObsKey[];
}

export type CorrectionKind = "duplicate-delivery" | "duplicate-documentation" | "entered-in-error" | "value-correction";

export interface CorrectionNote {
  kind: CorrectionKind;
  description: string;
  /** Resources concerned (type/id). */
  resources: string[];
  /** Bundle id of the report this one corrects or duplicates. */
  relatesTo: string;
}

export interface ReportSpec {
  family: number;
  seq: number;
  /** Bundle.timestamp, seconds since epoch. */
  time: number;
  /** Time of the documented contact (seconds since epoch). */
  contactTime: number;
  /** Time of the ndjson line (the wrapper's timestamp when wrapped), seconds. */
  lineTime: number;
  bundleId: string;
  muni: string;
  sor: string;
  /** Sent inside a daily incremental-delivery wrapper. */
  wrapped: boolean;
  make: (v?: Variant) => Res[];
  variant?: Variant;
  /** Invalid first attempt: the defect and the bundle id of the corrected resend (if any). */
  defect?: Defect;
  resentAs?: string;
  note?: CorrectionNote;
}

export interface ChildTruth {
  cpr: string;
  sex: "K" | "M";
  birthDay: number;
  birthWeight: number;
  gestation: number;
  registerWeight: number | null;
  bornAbroad: boolean;
  /** Municipality of the custodian on the child's latest accepted infant report (birth municipality if none). */
  muni: string;
  infant: boolean;
  /** True full-breastfeeding duration (days; 0 = never). */
  fullBfDays: number;
  nadirLoss: number;
  /** Weights (g) sent with a value in accepted reports, by age in days. */
  weights: { day: number; grams: number }[];
  /** Day of each standard visit that reached the database (finished, accepted). */
  visits: Partial<Record<VisitKind, number>>;
  /** Motor function at the 8–11-month visit: assessed value, data-absent, or omitted. */
  motor8?: { state: "value" | "absent" | "omitted"; grade?: Grade };
  schoolEntry?: { year: number; day: number | null; muni: string };
  schoolExit?: { year: number; day: number | null; muni: string };
}

export interface ParentEvent {
  parent: "mother" | "father";
  day: number;
}

export interface FamilyTruth {
  serial: number;
  muni: string;
  infant: boolean;
  children: ChildTruth[];
  /** Accepted EPDS screenings at the 2-month visit (day = days after birth). */
  epds: (ParentEvent & { score: number })[];
  /** Parent mental state "problem" recorded at the 2-month visit. */
  mentalProblem: ParentEvent[];
  /** Need-based interventions for a parent's mental state (start day after birth). */
  parentInterventions: (ParentEvent & { code: string })[];
}

export interface FamilyLife {
  reports: ReportSpec[];
  truth: FamilyTruth;
}

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

interface Journal {
  muni: string;
  profile: MunicipalityProfile;
  sor: string;
  childIds: string[];
  motherId?: string;
  fatherId?: string;
  /** RelatedPerson ids per child, for each parent. */
  relMother: string[];
  relFather: string[];
}

const BASE_GRADE: Record<string, [number, number]> = {
  // [potential, problem]
  relationship: [0.05, 0.012],
  socialInteraction: [0.04, 0.012],
  communication: [0.035, 0.01],
  sleep: [0.08, 0.025],
  motor: [0.04, 0.012],
  parentSocial: [0.1, 0.035],
  parentMental: [0.07, 0.025],
  "school:socialInteraction": [0.06, 0.02],
  "school:communication": [0.06, 0.02],
  "school:sleep": [0.07, 0.02],
  "school:motor": [0.06, 0.015],
  "school:nutrition": [0.07, 0.02],
  "school:physicalActivity": [0.1, 0.03],
  "school:hearing": [0.03, 0.012],
  "school:sight": [0.05, 0.03],
  "exit:socialInteraction": [0.08, 0.03],
  "exit:communication": [0.04, 0.015],
  "exit:sleep": [0.15, 0.05],
  "exit:nutrition": [0.1, 0.04],
  "exit:physicalActivity": [0.18, 0.07],
  "exit:hearing": [0.02, 0.015],
  "exit:sight": [0.05, 0.1],
  "exit:nicotine": [0.15, 0.05],
};

const EDU_RISK: Record<string, number> = {
  grundskole: 2.2,
  ungdomsuddannelse: 1.2,
  kort_videregaaende: 0.9,
  mellemlang_lang_videregaaende: 0.6,
  "": 1.4,
};

const EDU_BF_SHIFT: Record<string, number> = {
  grundskole: -0.5,
  ungdomsuddannelse: -0.2,
  kort_videregaaende: 0,
  mellemlang_lang_videregaaende: 0.25,
  "": -0.2,
};

function dayMinute(r: Rng, day: number): number {
  return day * MIN_PER_DAY + 7 * 60 + r.int(8 * 12) * 5; // 07:00–14:55 UTC
}

function weekdayOnOrAfter(day: number): number {
  const wd = weekday(day);
  return wd === 5 ? day + 2 : wd === 6 ? day + 1 : day;
}

const wrapOffsets = new Map<string, number>();
/** Seconds after 02:00 at which a municipality's daily incremental delivery is sent. */
function wrapOffset(code: string): number {
  let o = wrapOffsets.get(code);
  if (o === undefined) wrapOffsets.set(code, (o = hash32(code, "wrap") % 1800));
  return o;
}

const ENC_TYPES = new Set(["Encounter", "Observation", "QuestionnaireResponse"]);

/** Give Encounters/Observations/QuestionnaireResponses new ids (for a duplicated record), fixing references. */
function remapIds(resources: Res[], seed: number, salt: string): Res[] {
  const map = new Map<string, string>();
  for (const r of resources) if (ENC_TYPES.has(r.type)) map.set(r.id, uuidFor(seed, "dup", salt, r.id));
  return resources.map((r) => {
    let json = r.json;
    for (const [from, to] of map) if (json.includes(from)) json = json.split(from).join(to);
    return { type: r.type, id: map.get(r.id) ?? r.id, json };
  });
}

// ---------------------------------------------------------------------------------------------
// The simulation
// ---------------------------------------------------------------------------------------------

class FamilySim {
  readonly r: Rng; // clinical course
  readonly ids: Rng; // resource and bundle ids
  readonly q: Rng; // reporting behaviour: timing, defects, corrections
  readonly reports: ReportSpec[] = [];
  readonly truth: FamilyTruth;
  private seq = 0;
  private readonly journals: Journal[] = [];
  private readonly growth: InfantGrowth[] = [];
  private readonly feeding: FeedingSegment[][] = [];
  /** Reported state of each feeding segment, per journal and child: "open" | "closed". */
  private readonly feedingSent = new Map<string, "open" | "closed">();
  private readonly feedingIds = new Map<string, string>();
  private vulnerable = false;
  private supportGiven = false;
  /** Parents whose CarePlan travels with the visit report being built. */
  private parentsForCarePlans: ("mother" | "father")[] = [];
  private disengaged = false;
  private childRisk: number[] = [];

  constructor(
    readonly fam: Family,
    readonly ctx: SimContext,
  ) {
    this.r = rngFor(ctx.seed, "life", fam.serial);
    this.ids = rngFor(ctx.seed, "ids", fam.serial);
    this.q = rngFor(ctx.seed, "quality", fam.serial);
    this.truth = {
      serial: fam.serial,
      muni: fam.muni,
      infant: fam.infant,
      children: fam.children.map((c) => ({
        cpr: c.cpr,
        sex: c.sex,
        birthDay: c.birthDay,
        birthWeight: c.birthWeight,
        gestation: c.gestation,
        registerWeight: c.registerWeight,
        bornAbroad: c.bornAbroad,
        muni: fam.muni,
        infant: fam.infant,
        fullBfDays: 0,
        nadirLoss: 0,
        weights: [],
        visits: {},
      })),
      epds: [],
      mentalProblem: [],
      parentInterventions: [],
    };
  }

  profile(muni: string): MunicipalityProfile {
    return this.ctx.profiles.get(muni)!;
  }

  // -------------------------------------------------------------------------------------------
  // Journals and citizens
  // -------------------------------------------------------------------------------------------

  private newJournal(muni: string, sor: string): Journal {
    const f = this.fam;
    const j: Journal = {
      muni,
      profile: this.profile(muni),
      sor,
      childIds: f.children.map(() => this.ids.uuid()),
      relMother: [],
      relFather: [],
    };
    if (f.mother) {
      j.motherId = this.ids.uuid();
      j.relMother = f.children.map(() => this.ids.uuid());
    }
    if (f.father) {
      j.fatherId = this.ids.uuid();
      j.relFather = f.children.map(() => this.ids.uuid());
    }
    this.journals.push(j);
    return j;
  }

  private journalAt(day: number): Journal {
    const m = this.fam.move;
    return m && day >= m.day && this.journals[1] ? this.journals[1] : this.journals[0]!;
  }

  private childCitizens(j: Journal, which?: number[]): Res[] {
    return this.fam.children
      .map((c, i) => ({ c, i }))
      .filter(({ i }) => !which || which.includes(i))
      .map(({ c, i }) => citizen({ id: j.childIds[i]!, cpr: c.cpr, sor: j.sor, child: true }));
  }

  /** Parent citizens (linked to all children via RelatedParent), the RelatedParents, and the children. */
  private familyBlock(j: Journal, parents: ("mother" | "father")[]): Res[] {
    const f = this.fam;
    const out: Res[] = [];
    const rel: Res[] = [];
    for (const p of parents) {
      const person = p === "mother" ? f.mother : f.father;
      const pid = p === "mother" ? j.motherId : j.fatherId;
      const rels = p === "mother" ? j.relMother : j.relFather;
      if (!person || !pid) continue;
      out.push(citizen({ id: pid, cpr: person.cpr, sor: j.sor, child: false, relatedPersonIds: rels }));
      rels.forEach((rid, i) => rel.push(relatedParent({ id: rid, childId: j.childIds[i]! })));
    }
    return [...this.childCitizens(j), ...out, ...rel];
  }

  // -------------------------------------------------------------------------------------------
  // Reporting: timing, wrappers, defects, duplicates
  // -------------------------------------------------------------------------------------------

  private sendTime(visitMinute: number, p: MunicipalityProfile): number {
    const q = this.q;
    const visitSec = visitMinute * 60;
    const day = Math.floor(visitMinute / MIN_PER_DAY);
    if (q.chance(p.lateRate)) {
      const delay = 3 + Math.min(60, Math.floor(q.gamma(1.3, 6)));
      return (day + delay) * 86400 + 6 * 3600 + q.int(14 * 3600);
    }
    const u = q.next();
    if (u < 0.12) return visitSec + 600 + q.int(7200);
    if (u < 0.84) return day * 86400 + 17 * 3600 + q.int(7 * 3600 - 60);
    return (day + 1) * 86400 + 5 * 3600 + q.int(7 * 3600);
  }

  private wrapperTime(time: number, p: MunicipalityProfile): number {
    return (Math.floor(time / 86400) + 1) * 86400 + 2 * 3600 + wrapOffset(p.code);
  }

  /** Record a report; every spec gets the same fields (in the same order) so the objects stay monomorphic. */
  private push(
    base: { muni: string; sor: string; make: (v?: Variant) => Res[]; contactTime: number },
    time: number,
    bundleId: string,
    p: MunicipalityProfile,
    extra: { variant?: Variant; defect?: Defect; note?: CorrectionNote } = {},
  ): ReportSpec {
    const wrapped = p.incremental;
    const full: ReportSpec = {
      family: this.fam.serial,
      seq: this.seq++,
      time,
      contactTime: base.contactTime,
      lineTime: wrapped ? this.wrapperTime(time, p) : time,
      bundleId,
      muni: base.muni,
      sor: base.sor,
      wrapped,
      make: base.make,
      variant: extra.variant,
      defect: extra.defect,
      resentAs: undefined,
      note: extra.note,
    };
    this.reports.push(full);
    return full;
  }

  /**
   * Emit the report(s) of one piece of documentation. Returns the variant that finally reached
   * the database, or null when it never did (invalid and not resent).
   */
  emit(args: {
    minute: number;
    journal: Journal;
    make: (v?: Variant) => Res[];
    /** Enforced mandatory observations, when this is a face-to-face standard visit. */
    enforced?: ObsKey[];
    sorOverride?: string;
    note?: CorrectionNote;
  }): { variant: Variant; bundleId: string } | null {
    const j = args.journal;
    const p = j.profile;
    const q = this.q;
    const sor = args.sorOverride ?? j.sor;
    const time = this.sendTime(args.minute, p);
    const bundleId = this.ids.uuid();
    const base = { muni: j.muni, sor, make: args.make, contactTime: args.minute * 60 };
    if (!args.note && q.chance(p.invalidRate)) {
      const built = parseReport(deliveryReportJson(bundleId, isoInstant(time), args.make()));
      const enforcedPresent = (args.enforced ?? []).filter((k) => {
        const codes = INVARIANT_CODES[k];
        return built.entry.some((e) => {
          if (e.resource.resourceType !== "Observation") return false;
          const coding = (e.resource.code as { coding: { code: string }[] }).coding;
          return coding.some((c) => codes.includes(c.code));
        });
      });
      const defect = drawDefect(q, reportFeatures(built, enforcedPresent));
      if (defect) {
        const first = this.push(base, time, bundleId, p, { defect });
        let resend: { variant: Variant; bundleId: string } | null = null;
        if (defect.kind === "missing-mandatory") {
          const variant: Variant = q.chance(0.6) ? { absent: [defect.obsKey!] } : {};
          const t2 = time + 86400 + q.int(86400);
          const id2 = this.ids.uuid();
          this.push(base, t2, id2, p, { variant });
          resend = { variant, bundleId: id2 };
        } else if (q.chance(0.85)) {
          const t2 = time + 3 * 3600 + q.int(2 * 86400);
          const id2 = this.ids.uuid();
          this.push(base, t2, id2, p);
          resend = { variant: {}, bundleId: id2 };
        }
        first.resentAs = resend?.bundleId;
        return resend;
      }
    }
    this.push(base, time, bundleId, p, { note: args.note });
    if (!args.note && !p.incremental && q.chance(0.003)) {
      // The gateway forwards the same report twice (identical bytes).
      this.push(base, time, bundleId, p, {
        note: { kind: "duplicate-delivery", description: "identical report delivered twice", resources: [], relatesTo: bundleId },
      });
    }
    return { variant: {}, bundleId };
  }

  // -------------------------------------------------------------------------------------------
  // Grades and findings
  // -------------------------------------------------------------------------------------------

  grade(key: string, p: MunicipalityProfile, risk = 1): Grade {
    const [pot, prob] = BASE_GRADE[key] ?? [0.04, 0.012];
    const u = this.r.next();
    const pProb = Math.min(0.5, prob * risk);
    const pPot = Math.min(0.6, pot * risk * p.findingBias);
    if (u < pProb) return "problem";
    if (u < pProb + pPot) return "potential";
    return "normal";
  }

  // -------------------------------------------------------------------------------------------
  // Infant programme
  // -------------------------------------------------------------------------------------------

  runInfant(): void {
    const f = this.fam;
    const r = this.r;
    const pA = this.profile(f.muni);
    const jA = this.newJournal(f.muni, pA.sor);
    if (f.move) this.newJournal(f.move.muni, this.profile(f.move.muni).sor);
    const eduRisk = EDU_RISK[f.education] ?? 1;
    this.vulnerable = r.chance(clamp(0.05 * eduRisk * (1 - 0.25 * pA.ses), 0.01, 0.3));
    this.disengaged = r.chance(this.vulnerable ? 0.15 : 0.04);
    const twin = f.children.length > 1;

    // Per child: growth, feeding, developmental risk.
    f.children.forEach((c, i) => {
      const prof = this.profile(f.muni);
      const g = drawInfantGrowth(r, c.birthWeight, prof.nadirMean);
      this.growth.push(g);
      const shift =
        0.05 +
        prof.bfShift +
        (EDU_BF_SHIFT[f.education] ?? 0) +
        (twin ? -0.6 : 0) +
        (c.gestation < 259 ? -0.4 : 0) +
        (f.parity > 1 ? 0.08 : -0.08) +
        (this.vulnerable ? -0.3 : 0);
      const full = twin && i === 1 ? this.truth.children[0]!.fullBfDays : drawFullBreastfeeding(r, shift);
      this.feeding.push(feedingSegments(r, full));
      const t = this.truth.children[i]!;
      t.fullBfDays = full;
      t.nadirLoss = g.nadirLoss;
      this.childRisk.push(r.chance(0.04) ? 3.5 : 1);
    });

    // Parents' latent mental health (EPDS scale).
    const edu = f.education;
    const motherMean = 5.0 * Math.exp(-0.06 * pA.ses + (edu === "grundskole" ? 0.12 : edu === "mellemlang_lang_videregaaende" ? -0.05 : 0)) * (this.vulnerable ? 1.25 : 1);
    const motherScore = drawEpdsScore(r, motherMean);
    const fatherScore = drawEpdsScore(r, 3.4);
    const b = f.birthDay;
    const arrival = f.children[0]!.bornAbroad ? b + r.intBetween(0, 240) : b;

    // ---- Pregnancy visit (mother is the subject; before birth there is no child citizen)
    const pregRate = pA.pregnancyVisitRate * (f.parity === 1 ? 1.6 : 0.7) * (this.vulnerable ? 1.8 : 1);
    if (!f.children[0]!.bornAbroad && r.chance(clamp(pregRate, 0, 0.95))) {
      const day = weekdayOnOrAfter(b - r.intBetween(20, 75));
      this.pregnancyVisit(jA, day, motherScore);
    }

    // ---- Schedule of the universal visits (twins are visited together: one report per visit)
    const coverage = (k: "establishment" | "second" | "m2" | "m4" | "m8", day: number) => {
      const p = this.journalAt(day).profile;
      const c = p.coverage[k] * (this.disengaged && k !== "establishment" ? 0.6 : 1);
      return r.chance(c);
    };
    const preterm = f.children[0]!.gestation < 245;
    const postnatal = !preterm && r.chance(pA.postnatalVisitRate) ? b + r.weighted([2, 3, 4, 5], [0.3, 0.35, 0.25, 0.1]) : null;
    let estDay = b + (postnatal !== null ? r.intBetween(5, 9) : r.weighted([3, 4, 5, 6, 7, 8, 9, 10], [0.05, 0.2, 0.25, 0.2, 0.12, 0.08, 0.05, 0.05]));
    if (preterm) estDay += r.intBetween(5, 25);
    const est = coverage("establishment", estDay) ? estDay : null;
    const secondDay = Math.max(estDay + 5, b + r.intBetween(12, 27));
    const m2Day = b + Math.round(clamp(r.normal(61, 8), 40, 105));
    const m4Day = b + r.intBetween(118, 178);
    const m8Day = b + r.intBetween(240, 325);
    const need = () => this.vulnerable || motherScore >= 11;

    const visits: { kind: VisitKind; day: number }[] = [];
    if (postnatal !== null) visits.push({ kind: "postnatal", day: postnatal });
    if (est !== null) visits.push({ kind: "establishment", day: est });
    if (coverage("second", secondDay)) visits.push({ kind: "second", day: secondDay });
    if (coverage("m2", m2Day)) visits.push({ kind: "m2", day: m2Day });
    const m4Year = yearOf(m4Day);
    const susp = this.journalAt(m4Day).profile.m4Suspended;
    if (susp && m4Year >= susp.from && m4Year <= susp.to && !need()) {
      if (r.chance(0.4)) visits.push({ kind: "regularSmall", day: m4Day });
    } else if (coverage("m4", m4Day)) visits.push({ kind: "m4", day: m4Day });
    else if (r.chance(0.2)) visits.push({ kind: "regularSmall", day: m4Day + r.intBetween(14, 30) });
    if (coverage("m8", m8Day)) visits.push({ kind: "m8", day: m8Day });

    for (const v of visits) {
      if (v.day < arrival) continue;
      this.infantVisit(v.kind, weekdayOnOrAfter(v.day), { motherScore, fatherScore });
    }
    if (arrival > b) this.infantVisit("regularSmall", weekdayOnOrAfter(arrival + r.intBetween(3, 20)), { motherScore, fatherScore });
  }

  private pregnancyVisit(j: Journal, day: number, motherScore: number): void {
    const f = this.fam;
    const r = this.r;
    const p = j.profile;
    const minute = dayMinute(r, day);
    const eff = isoDateTimeMs(minute);
    const encId = this.ids.uuid();
    const cls: EncounterClassKey = r.chance(0.9) ? "HH" : "AMB";
    const withFather = !!f.father && r.chance(0.6);
    const risk = (EDU_RISK[f.education] ?? 1) * (this.vulnerable ? 2.5 : 1);
    const mentalRisk = motherScore >= 13 ? 4 : motherScore >= 10 ? 2 : 0.7;
    type PObs = { key: IndicatorKey; parent: "mother" | "father"; id: string; grade: Grade; absent: boolean };
    const obs: PObs[] = [];
    const parents: ("mother" | "father")[] = withFather ? ["mother", "father"] : ["mother"];
    for (const parent of parents) {
      for (const key of ["parentSocial", "parentMental", "network"] as IndicatorKey[]) {
        const g =
          key === "network"
            ? r.chance(0.06 * risk * 0.6) ? "problem" : "normal"
            : this.grade(key, p, key === "parentMental" ? (parent === "mother" ? mentalRisk : 0.6) : parent === "mother" ? risk : risk * 0.6);
        obs.push({ key, parent, id: this.ids.uuid(), grade: g, absent: this.q.chance(p.dataAbsentRate) });
      }
    }
    const findingId = this.ids.uuid();
    const finding = obs.find((o) => o.parent === "mother" && o.grade !== "normal" && o.key !== "network");
    const addFinding = !!finding && r.chance(0.5);
    const findingCode = finding ? r.pick(FINDINGS[finding.key]!) : null;
    const make = (v?: Variant): Res[] => {
      const out: Res[] = [];
      const motherId = j.motherId!;
      out.push(citizen({ id: motherId, cpr: f.mother!.cpr, sor: j.sor, child: false }));
      if (withFather) out.push(citizen({ id: j.fatherId!, cpr: f.father!.cpr, sor: j.sor, child: false }));
      out.push(encounter({ id: encId, kind: "pregnancy", classKey: cls, subjectId: motherId, start: eff }));
      for (const o of obs) {
        const sid = o.parent === "mother" ? motherId : j.fatherId!;
        const absent = o.absent || (v?.absent?.includes(o.key) ?? false);
        out.push(
          indicatorObs({
            id: o.id,
            key: o.key,
            subjectId: sid,
            encounterId: o.parent === "mother" ? encId : undefined,
            effective: eff,
            value: absent ? undefined : indicatorValue(o.key, o.grade),
          }),
        );
      }
      if (addFinding && findingCode) out.push(examResultObs({ id: findingId, subjectId: motherId, encounterId: encId, effective: eff, finding: findingCode }));
      return out;
    };
    this.emit({ minute, journal: j, make, enforced: cls === "HH" || cls === "AMB" ? PROGRAMME.pregnancy!.enforced : [] });
    // A vulnerable mother may get an intervention already in pregnancy.
    const social = obs.find((o) => o.parent === "mother" && o.key === "parentSocial");
    if (social?.grade === "problem" && r.chance(0.5 * p.interventionRate)) {
      this.parentIntervention(j, "mother", day, INTERVENTION.safety, [CONDITION.vulnerability], false);
    }
  }

  private classFor(kind: VisitKind, p: MunicipalityProfile): EncounterClassKey {
    const r = this.r;
    if (kind === "postnatal" || kind === "establishment") return "HH";
    if (r.chance(p.screenShare)) return "screen";
    if ((kind === "m4" || kind === "m8") && r.chance(p.clinicShare)) return "AMB";
    if (kind === "regularSmall") return r.chance(0.5) ? "AMB" : "HH";
    return r.chance(0.96) ? "HH" : "AMB";
  }

  private infantVisit(kind: VisitKind, day: number, parentScores: { motherScore: number; fatherScore: number }): void {
    const f = this.fam;
    const r = this.r;
    const q = this.q;
    const j = this.journalAt(day);
    const p = j.profile;
    const minute = dayMinute(r, day);
    const eff = isoDateTimeMs(minute);
    const cls = this.classFor(kind, p);
    const faceToFace = cls === "HH" || cls === "AMB";
    const keys: ObsKey[] = kind === "regularSmall" ? ["weight", "feeding"] : visitObservations(kind);
    const enforced = faceToFace ? (PROGRAMME[kind]?.enforced ?? []) : [];
    const age = day - f.birthDay;
    const n = f.children.length;

    // --- per child observations
    interface ChildObs {
      encId: string;
      ind: { key: IndicatorKey; id: string; grade: Grade; absent: boolean }[];
      weight?: { id: string; value: number; absent: boolean; typo?: number };
      height?: { id: string; value: number; absent: boolean; position: HeightPosition };
      head?: { id: string; value: number; absent: boolean };
      feeding: { id: string; value: FeedingKey; absent: boolean; periods: { id: string; seg: FeedingSegment }[] } | null;
      findings: { id: string; code: Code }[];
      motorState?: "value" | "absent" | "omitted";
    }
    const children: ChildObs[] = [];
    const measure = faceToFace;
    const half = r.chance(0.7);
    const position: HeightPosition = r.chance(0.9) ? "recumbent" : "any";
    for (let i = 0; i < n; i++) {
      const g = this.growth[i]!;
      const co: ChildObs = { encId: this.ids.uuid(), ind: [], feeding: null, findings: [] };
      for (const key of keys) {
        if (key === "weight" || key === "height" || key === "head") {
          if (!measure) continue;
          const absent = q.chance(p.dataAbsentRate * 0.5);
          const id = this.ids.uuid();
          if (key === "weight") co.weight = { id, value: Math.round(infantWeight(g, age) + r.normal(0, 8)), absent };
          else if (key === "height") co.height = { id, value: roundCm(infantLength(g, age) + r.normal(0, 0.5), half), absent, position };
          else co.head = { id, value: roundCm(infantHead(g, age) + r.normal(0, 0.3), false), absent };
          continue;
        }
        if (key === "feeding") {
          co.feeding = { id: this.ids.uuid(), value: feedingOn(this.feeding[i]!, age), absent: q.chance(p.dataAbsentRate), periods: [] };
          continue;
        }
        const ik = key as IndicatorKey;
        if (INDICATORS[ik].subject === "parent") continue;
        if (ik === "motor") {
          const rate = kind === "m8" ? p.motorAssessRate : Math.min(1, p.motorAssessRate + 0.03);
          if (!r.chance(rate)) {
            co.motorState = "omitted";
            continue;
          }
        }
        if (ik === "relationship" && kind === "m8" && !r.chance(p.relationshipAt8mRate)) continue;
        if (ik === "passiveSmoking") {
          const exposed = r.chance(clamp(0.045 * (EDU_RISK[f.education] ?? 1) * (this.vulnerable ? 1.8 : 1), 0, 0.5));
          co.ind.push({ key: ik, id: this.ids.uuid(), grade: exposed ? "problem" : "normal", absent: q.chance(p.dataAbsentRate) });
          continue;
        }
        const grade = this.grade(ik, p, this.childRisk[i]! * (this.vulnerable && ik === "relationship" ? 2.5 : 1));
        const absent = q.chance(p.dataAbsentRate);
        co.ind.push({ key: ik, id: this.ids.uuid(), grade, absent });
        if (ik === "motor") co.motorState = absent ? "absent" : "value";
        if (grade !== "normal" && !absent && FINDINGS[ik] && r.chance(0.4)) co.findings.push({ id: this.ids.uuid(), code: r.pick(FINDINGS[ik]!) });
      }
      // Rare weight typo, corrected later by re-sending the visit.
      if (co.weight && !co.weight.absent && q.chance(0.002)) {
        const v = co.weight.value;
        const s = String(v);
        co.weight.typo = s.length >= 4 && s[1] !== s[2] ? Number(s[0]! + s[2]! + s[1]! + s.slice(3)) : v * 10;
      }
      // Feeding periods that changed since the last report of this journal.
      if (co.feeding) {
        this.feeding[i]!.forEach((seg, si) => {
          if (seg.start > age) return;
          const key = `${j.muni}:${i}:${si}`;
          const state = seg.end !== undefined && seg.end <= age ? "closed" : "open";
          const sent = this.feedingSent.get(key);
          if (sent === state || sent === "closed") return;
          let id = this.feedingIds.get(key);
          if (!id) {
            id = this.ids.uuid();
            this.feedingIds.set(key, id);
          }
          co.feeding!.periods.push({ id, seg: state === "closed" ? seg : { method: seg.method, start: seg.start } });
        });
        if (co.feeding.value !== "full" && co.feeding.value !== "formula" && r.chance(0.05)) co.findings.push({ id: this.ids.uuid(), code: FINDINGS.feeding![0]! });
      }
      children.push(co);
    }

    // --- parent observations (in the report of the visit, no encounter reference)
    interface ParentObs {
      parent: "mother" | "father";
      key: IndicatorKey;
      id: string;
      grade: Grade;
      absent: boolean;
    }
    const pobs: ParentObs[] = [];
    const epds: { parent: "mother" | "father"; id: string; items: number[]; score: number }[] = [];
    const parentKeys = keys.filter((k) => k !== "weight" && k !== "height" && k !== "head" && k !== "feeding" && INDICATORS[k as IndicatorKey].subject === "parent") as IndicatorKey[];
    const hasFather = !!f.father && !!j.fatherId;
    const risk = (EDU_RISK[f.education] ?? 1) * (this.vulnerable ? 2.5 : 1);
    if (parentKeys.length > 0 && f.mother) {
      const fatherToo = hasFather && r.chance(kind === "m2" ? 0.35 : 0.7);
      const year = yearOf(day);
      const trend = clamp(0.015 * (year - 2021), -0.05, 0.08);
      if (kind === "m2" && r.chance(clamp(p.epdsMotherRate + trend, 0, 0.99))) {
        epds.push({ parent: "mother", id: this.ids.uuid(), items: epdsItems(r, parentScores.motherScore), score: parentScores.motherScore });
      }
      if (kind === "m2" && hasFather && r.chance(p.epdsFatherRate)) {
        epds.push({ parent: "father", id: this.ids.uuid(), items: epdsItems(r, parentScores.fatherScore), score: parentScores.fatherScore });
      }
      for (const parent of fatherToo ? (["mother", "father"] as const) : (["mother"] as const)) {
        const score = parent === "mother" ? parentScores.motherScore : parentScores.fatherScore;
        for (const key of parentKeys) {
          let grade: Grade;
          if (key === "parentMental") {
            const u = r.next();
            const [pp, pr] = score >= 13 ? [0.25, 0.7] : score >= 11 ? [0.5, 0.25] : score >= 8 ? [0.28, 0.03] : [0.04, 0.004];
            grade = u < pr ? "problem" : u < pr + Math.min(0.9 - pr, pp * p.findingBias) ? "potential" : "normal";
          } else if (key === "network") grade = r.chance(0.05 * risk * 0.6) ? "problem" : "normal";
          else grade = this.grade(key, p, parent === "mother" ? risk : risk * 0.6);
          pobs.push({ parent, key, id: this.ids.uuid(), grade, absent: q.chance(p.dataAbsentRate) });
        }
      }
    }
    const includeParents: ("mother" | "father")[] = [];
    if (pobs.some((o) => o.parent === "mother") || epds.some((e) => e.parent === "mother")) includeParents.push("mother");
    if (pobs.some((o) => o.parent === "father") || epds.some((e) => e.parent === "father")) includeParents.push("father");

    // Interventions decided at this visit, included in this report (CarePlan with start = visit day).
    const startedHere: Res[] = [];
    this.parentsForCarePlans = [];
    const carePlanParents = this.parentsForCarePlans;

    const make = (v?: Variant, opts?: { typo?: boolean }): Res[] => {
      // Parents are in the report when it carries data about them (observations, EPDS, a CarePlan).
      const parents = [...includeParents];
      for (const pp of carePlanParents) if (!parents.includes(pp)) parents.push(pp);
      parents.sort((a, b) => (a === b ? 0 : a === "mother" ? -1 : 1));
      const out: Res[] = parents.length > 0 ? this.familyBlock(j, parents) : this.childCitizens(j);
      const absentKey = (k: ObsKey) => v?.absent?.includes(k) ?? false;
      children.forEach((co, i) => {
        out.push(encounter({ id: co.encId, kind, classKey: cls, subjectId: j.childIds[i]!, start: eff }));
      });
      for (const o of pobs) {
        const sid = o.parent === "mother" ? j.motherId! : j.fatherId!;
        out.push(indicatorObs({ id: o.id, key: o.key, subjectId: sid, effective: eff, value: o.absent || absentKey(o.key) ? undefined : indicatorValue(o.key, o.grade) }));
      }
      for (const e of epds) out.push(epdsResponse({ id: e.id, subjectId: e.parent === "mother" ? j.motherId! : j.fatherId!, authored: isoDate(day), items: e.items }));
      children.forEach((co, i) => {
        const cid = j.childIds[i]!;
        for (const o of co.ind) {
          const absent = o.absent || absentKey(o.key);
          out.push(indicatorObs({ id: o.id, key: o.key, subjectId: cid, encounterId: co.encId, effective: eff, value: absent ? undefined : indicatorValue(o.key, o.grade) }));
        }
        if (co.weight) {
          const wv = opts?.typo && co.weight.typo !== undefined ? co.weight.typo : co.weight.value;
          out.push(weightObs({ id: co.weight.id, subjectId: cid, encounterId: co.encId, effective: eff, unit: "g", value: co.weight.absent || absentKey("weight") ? undefined : wv }));
        }
        if (co.height)
          out.push(heightObs({ id: co.height.id, subjectId: cid, encounterId: co.encId, effective: eff, position: co.height.position, value: co.height.absent || absentKey("height") ? undefined : co.height.value }));
        if (co.head) out.push(headObs({ id: co.head.id, subjectId: cid, encounterId: co.encId, effective: eff, value: co.head.absent || absentKey("head") ? undefined : co.head.value }));
        if (co.feeding) {
          const absent = co.feeding.absent || absentKey("feeding");
          for (const per of co.feeding.periods) {
            out.push(
              feedingObs({
                id: per.id,
                subjectId: cid,
                encounterId: co.encId,
                period: { start: isoMidnight(f.birthDay + per.seg.start), end: per.seg.end !== undefined ? isoMidnight(f.birthDay + per.seg.end) : undefined },
                value: per.seg.method,
              }),
            );
          }
          out.push(feedingObs({ id: co.feeding.id, subjectId: cid, encounterId: co.encId, effectiveDateTime: eff, value: absent ? undefined : co.feeding.value }));
        }
        for (const fd of co.findings) out.push(examResultObs({ id: fd.id, subjectId: cid, encounterId: co.encId, effective: eff, finding: fd.code }));
      });
      out.push(...startedHere);
      return out;
    };

    // --- decide interventions before emitting (those starting today travel with this report)
    const followUps: (() => void)[] = [];
    children.forEach((co, i) => {
      // Early weight loss ≥ 10 %: breastfeeding support / weight follow-up with extra weighings.
      if (co.weight && !co.weight.absent && age <= 14) {
        const loss = 1 - co.weight.value / f.children[i]!.birthWeight;
        if (loss >= 0.1 && r.chance(0.7)) {
          const bf = feedingOn(this.feeding[i]!, age);
          const code = bf === "full" || bf === "predominant" ? INTERVENTION.breastfeeding : INTERVENTION.weightGuidance;
          const reasons = bf === "full" || bf === "predominant" ? [CONDITION.fallingWeight, CONDITION.breastfeedingChallenge] : [CONDITION.fallingWeight];
          followUps.push(() => this.childIntervention(j, i, day, code, reasons, startedHere, { contacts: r.intBetween(1, 3), spacing: [2, 4], weigh: true }));
        }
      }
      const problem = co.ind.find((o) => o.grade === "problem" && !o.absent && ["socialInteraction", "relationship", "communication", "motor", "sleep"].includes(o.key));
      if (problem && r.chance(0.6 * p.interventionRate)) {
        const reason =
          problem.key === "socialInteraction"
            ? CONDITION.socialContact
            : problem.key === "relationship"
              ? CONDITION.relationship
              : problem.key === "communication"
                ? CONDITION.communication
                : problem.key === "motor"
                  ? CONDITION.motor
                  : CONDITION.sleep;
        const code = problem.key === "relationship" || problem.key === "socialInteraction" ? (r.chance(0.8) ? INTERVENTION.contactGuidance : INTERVENTION.holisticContact) : INTERVENTION.specialNeedsGuidance;
        followUps.push(() => this.childIntervention(j, i, day, code, [reason], startedHere, { contacts: r.intBetween(1, 4), spacing: [7, 21], weigh: false }));
      }
    });
    // Parent mental health: EPDS ≥ 11 or a "problem" mental state → support within 0–30 days (mostly).
    for (const parent of ["mother", "father"] as const) {
      const e = epds.find((x) => x.parent === parent);
      const mental = pobs.find((o) => o.parent === parent && o.key === "parentMental" && !o.absent);
      const inNeed = (e && e.score >= 11) || mental?.grade === "problem";
      if (!inNeed) continue;
      const rate = p.interventionRate * (parent === "father" ? 0.8 : 1);
      if (!r.chance(rate)) {
        if (r.chance(0.25)) {
          // late start (beyond 30 days): not counted as timely
          const start = day + r.intBetween(31, 70);
          followUps.push(() => this.parentIntervention(j, parent, start, INTERVENTION.mentalSupport, [CONDITION.mentalReaction], true));
        }
        continue;
      }
      const delay = r.chance(0.55) ? 0 : r.intBetween(1, 28);
      const code = r.chance(0.75) ? INTERVENTION.mentalSupport : r.chance(0.5) ? INTERVENTION.parentGroupMental : INTERVENTION.mentalSupportHolistic;
      const reasons = mental?.grade === "problem" ? [CONDITION.mentalReaction] : [r.chance(0.5) ? CONDITION.depressedMood : CONDITION.anxious];
      followUps.push(() => this.parentIntervention(j, parent, day + delay, code, reasons, true, delay === 0 ? startedHere : undefined));
      if (e && e.score >= 13 && r.chance(0.3)) {
        followUps.push(() => this.referral(j, parent, day, startedHere));
      }
    }
    // Vulnerability at the establishment visit.
    const social = pobs.find((o) => o.parent === "mother" && o.key === "parentSocial" && o.grade === "problem");
    if (social && r.chance(0.4 * p.interventionRate)) {
      followUps.push(() => this.parentIntervention(j, "mother", day, r.chance(0.6) ? INTERVENTION.safety : INTERVENTION.mentalSupportHolistic, [CONDITION.vulnerability], false, startedHere));
    }
    // General support in the first months (breastfeeding, guidance, reassurance): common, more so for
    // first-time and vulnerable parents; one such course per family at most.
    if (!this.supportGiven && (kind === "establishment" || kind === "second" || kind === "m2") && faceToFace) {
      const pSupport = clamp(p.supportRate * (f.parity === 1 ? 1.5 : 0.75) * (this.vulnerable ? 2 : 1), 0, 0.9) / 2.2;
      if (r.chance(pSupport)) {
        this.supportGiven = true;
        const bf = feedingOn(this.feeding[0]!, age);
        const u = r.next();
        const contacts = r.intBetween(1, 4);
        if (kind !== "m2" && (bf === "full" || bf === "predominant") && u < 0.45)
          followUps.push(() => this.childIntervention(j, 0, day, INTERVENTION.breastfeeding, [CONDITION.breastfeedingChallenge], startedHere, { contacts, spacing: [3, 10], weigh: true }));
        else if (u < 0.7) followUps.push(() => this.childIntervention(j, 0, day, INTERVENTION.physicalHealthOther, [], startedHere, { contacts, spacing: [7, 21], weigh: true }));
        else if (u < 0.85) followUps.push(() => this.childIntervention(j, 0, day, INTERVENTION.contactGuidance, [], startedHere, { contacts, spacing: [7, 21], weigh: false }));
        else followUps.push(() => this.parentIntervention(j, "mother", day, INTERVENTION.safety, [], false, startedHere));
      }
    }
    // Interventions starting today add their CarePlan to `startedHere` synchronously (before emit).
    const deferred: (() => void)[] = [];
    for (const fu of followUps) deferred.push(fu);
    // Run the follow-ups that only *register* CarePlans first: each follow-up pushes to startedHere
    // immediately and schedules its contacts, which are emitted after this visit's report.
    const pendingContacts: (() => void)[] = [];
    this.contactQueue = pendingContacts;
    for (const fu of deferred) fu();
    this.contactQueue = null;

    const anyTypo = children.some((c) => c.weight?.typo !== undefined);
    const result = this.emit({ minute, journal: j, make: anyTypo ? (v) => make(v, { typo: true }) : make, enforced });
    if (result) this.recordInfantVisit(kind, day, j, children, result.variant, { epds, pobs });

    // Corrections of this visit.
    if (result && anyTypo) {
      const fixMinute = minute + MIN_PER_DAY * this.q.intBetween(1, 10);
      const ids = children.filter((c) => c.weight?.typo !== undefined).map((c) => `Observation/${c.weight!.id}`);
      this.emit({
        minute: fixMinute,
        journal: j,
        make: (v) => make({ ...result.variant, ...v }),
        enforced,
        note: { kind: "value-correction", description: "weight typo corrected by re-sending the visit with the same resource ids", resources: ids, relatesTo: result.bundleId },
      });
    }
    if (result && kind !== "regularSmall" && this.q.chance(0.003)) {
      // The visit was documented twice; the duplicate is retracted later (entered-in-error).
      const salt = `${result.bundleId}`;
      const dupMake = (): Res[] => remapIds(make(result.variant), this.ctx.seed, salt);
      const dup = this.emit({
        minute: minute + 30 + this.q.int(240),
        journal: j,
        make: dupMake,
        enforced,
        note: { kind: "duplicate-documentation", description: "the visit documented a second time under new Encounter/Observation ids (retracted later)", resources: [], relatesTo: result.bundleId },
      });
      if (dup) {
        const retract = (): Res[] => dupMake().map((res) => (ENC_TYPES.has(res.type) ? retracted(res) : res));
        const dupRes = dupMake()
          .filter((x) => ENC_TYPES.has(x.type))
          .map((x) => `${x.type}/${x.id}`);
        this.emit({
          minute: minute + MIN_PER_DAY * this.q.intBetween(1, 20),
          journal: j,
          make: retract,
          enforced,
          note: { kind: "entered-in-error", description: "duplicate documentation of a visit retracted (status entered-in-error)", resources: dupRes, relatesTo: dup.bundleId },
        });
      }
    }
    for (const c of pendingContacts) c();
  }

  private contactQueue: (() => void)[] | null = null;

  private recordInfantVisit(
    kind: VisitKind,
    day: number,
    j: Journal,
    children: { weight?: { value: number; absent: boolean }; motorState?: "value" | "absent" | "omitted"; ind: { key: IndicatorKey; grade: Grade; absent: boolean }[] }[],
    variant: Variant,
    parents: { epds: { parent: "mother" | "father"; score: number }[]; pobs: { parent: "mother" | "father"; key: IndicatorKey; grade: Grade; absent: boolean }[] },
  ): void {
    const f = this.fam;
    const age = day - f.birthDay;
    const absent = new Set(variant.absent ?? []);
    children.forEach((co, i) => {
      const t = this.truth.children[i]!;
      t.muni = j.muni;
      if (kind !== "regularSmall" && kind !== "needSmall" && t.visits[kind] === undefined) t.visits[kind] = age;
      if (co.weight && !co.weight.absent && !absent.has("weight")) t.weights.push({ day: age, grams: co.weight.value });
      if (kind === "m8") {
        const m = co.ind.find((o) => o.key === "motor");
        t.motor8 = co.motorState === "omitted" || !m ? { state: "omitted" } : m.absent || absent.has("motor") ? { state: "absent" } : { state: "value", grade: m.grade };
      }
    });
    if (kind === "m2") {
      for (const e of parents.epds) this.truth.epds.push({ parent: e.parent, day: age, score: e.score });
      for (const o of parents.pobs) if (o.key === "parentMental" && o.grade === "problem" && !o.absent && !absent.has("parentMental")) this.truth.mentalProblem.push({ parent: o.parent, day: age });
    }
  }

  /** Schedule or run need-based contacts. */
  private later(fn: () => void): void {
    if (this.contactQueue) this.contactQueue.push(fn);
    else fn();
  }

  private needContacts(args: {
    j: Journal;
    subject: "child" | "mother" | "father";
    childIndex: number;
    carePlanId: string;
    start: number;
    code: Code;
    reasons: Code[];
    contacts: number;
    spacing: [number, number];
    weigh: boolean;
    mentalFollowUp: boolean;
  }): void {
    const f = this.fam;
    const r = this.r;
    const j = args.j;
    let day = args.start;
    const days: number[] = [];
    for (let k = 0; k < args.contacts; k++) {
      day = weekdayOnOrAfter(k === 0 ? day + r.intBetween(0, 3) : day + r.intBetween(args.spacing[0], args.spacing[1]));
      if (f.move && day >= f.move.day && j === this.journals[0]) break;
      days.push(day);
    }
    const end = days.length > 0 ? days[days.length - 1]! : args.start;
    const subjectId = args.subject === "child" ? j.childIds[args.childIndex]! : args.subject === "mother" ? j.motherId! : j.fatherId!;
    const carePlan = (status: CarePlanStatus, endDay?: number) =>
      intervention({ id: args.carePlanId, subjectId, status, start: isoDate(args.start), end: endDay !== undefined ? isoDate(endDay) : undefined, code: args.code, reasons: args.reasons });
    days.forEach((d, k) => {
      const minute = dayMinute(r, d);
      const eff = isoDateTimeMs(minute);
      const last = k === days.length - 1;
      const cls: EncounterClassKey = args.subject === "child" ? (r.chance(0.85) ? "HH" : "phone") : r.weighted<EncounterClassKey>(["HH", "phone", "screen", "AMB"], [0.55, 0.2, 0.15, 0.1]);
      const encId = this.ids.uuid();
      const wId = this.ids.uuid();
      const mId = this.ids.uuid();
      const age = d - f.birthDay;
      const ci = args.childIndex;
      const weightValue = args.weigh && cls !== "phone" ? Math.round(infantWeight(this.growth[ci]!, age) + r.normal(0, 8)) : undefined;
      const mentalGrade: Grade | undefined = args.mentalFollowUp && r.chance(0.5) ? (last ? (r.chance(0.7) ? "normal" : "potential") : r.chance(0.5) ? "potential" : "problem") : undefined;
      const make = (): Res[] => {
        const out: Res[] = args.subject === "child" ? this.childCitizens(j) : this.familyBlock(j, [args.subject]);
        out.push(encounter({ id: encId, kind: "needSmall", classKey: cls, subjectId, start: eff, interventionIds: [args.carePlanId] }));
        if (weightValue !== undefined) out.push(weightObs({ id: wId, subjectId, encounterId: encId, effective: eff, unit: "g", value: weightValue }));
        if (mentalGrade) out.push(indicatorObs({ id: mId, key: "parentMental", subjectId, encounterId: encId, effective: eff, value: indicatorValue("parentMental", mentalGrade) }));
        out.push(carePlan(last ? "completed" : "active", last ? end : undefined));
        return out;
      };
      const res = this.emit({ minute, journal: j, make });
      if (res && weightValue !== undefined) this.truth.children[ci]!.weights.push({ day: age, grams: weightValue });
    });
  }

  childIntervention(j: Journal, childIndex: number, day: number, code: Code, reasons: Code[], startedHere: Res[], opt: { contacts: number; spacing: [number, number]; weigh: boolean }): void {
    const id = this.ids.uuid();
    const subjectId = j.childIds[childIndex]!;
    startedHere.push(intervention({ id, subjectId, status: "active", start: isoDate(day), code, reasons }));
    this.later(() =>
      this.needContacts({ j, subject: "child", childIndex, carePlanId: id, start: day, code, reasons, contacts: opt.contacts, spacing: opt.spacing, weigh: opt.weigh, mentalFollowUp: false }),
    );
  }

  parentIntervention(j: Journal, parent: "mother" | "father", start: number, code: Code, reasons: Code[], mental: boolean, startedHere?: Res[]): void {
    const id = this.ids.uuid();
    const subjectId = parent === "mother" ? j.motherId : j.fatherId;
    if (!subjectId) return;
    if (startedHere) {
      startedHere.push(intervention({ id, subjectId, status: "active", start: isoDate(start), code, reasons }));
      this.parentsForCarePlans.push(parent);
    }
    const contacts = code === INTERVENTION.parentGroupMental ? this.r.intBetween(3, 6) : this.r.intBetween(2, 5);
    const record = () => {
      if (mental) this.truth.parentInterventions.push({ parent, day: start - this.fam.birthDay, code: code.code });
    };
    this.later(() => {
      this.needContacts({ j, subject: parent, childIndex: 0, carePlanId: id, start, code, reasons, contacts, spacing: [7, 21], weigh: false, mentalFollowUp: mental });
      record();
    });
  }

  /** A referral to the GP: start = end, completed, sent with the visit. */
  referral(j: Journal, parent: "mother" | "father", day: number, startedHere: Res[]): void {
    const subjectId = parent === "mother" ? j.motherId : j.fatherId;
    if (!subjectId) return;
    this.parentsForCarePlans.push(parent);
    startedHere.push(
      intervention({ id: this.ids.uuid(), subjectId, status: "completed", start: isoDate(day), end: isoDate(day), code: this.r.chance(0.5) ? INTERVENTION.gpRecommendation : INTERVENTION.gpReferral, reasons: [CONDITION.mentalReaction] }),
    );
  }

  // -------------------------------------------------------------------------------------------
  // School programme
  // -------------------------------------------------------------------------------------------

  runSchool(): void {
    const f = this.fam;
    f.children.forEach((c, i) => {
      if (c.schoolEntryYear !== undefined) this.schoolExam(c, i, "schoolEntry", c.schoolEntryYear);
      if (c.schoolExitYear !== undefined) this.schoolExam(c, i, "schoolExit", c.schoolExitYear);
    });
  }

  private schoolJournal(c: Child, i: number): Journal {
    const muni = c.schoolMuni ?? this.fam.muni;
    const p = this.profile(muni);
    const sor = p.schoolSor;
    // Same record system as the infant programme → same citizen id.
    const infantJ = this.journals.find((j) => j.muni === muni && j.sor === sor);
    if (infantJ) return infantJ;
    const key = `school:${muni}`;
    let j = this.journals.find((x) => x.muni === key);
    if (!j) {
      j = { muni: key, profile: p, sor, childIds: this.fam.children.map(() => this.ids.uuid()), relMother: [], relFather: [] };
      this.journals.push(j);
    }
    void i;
    return j;
  }

  private schoolExam(c: Child, i: number, kind: "schoolEntry" | "schoolExit", year: number): void {
    const r = this.r;
    const q = this.q;
    const muni = c.schoolMuni ?? this.fam.muni;
    const p = this.profile(muni);
    const j0 = this.schoolJournal(c, i);
    const j: Journal = { ...j0, muni, profile: p };
    const t = this.truth.children[i]!;
    const covered = r.chance(kind === "schoolEntry" ? p.schoolEntryCoverage : p.schoolExitCoverage);
    const rec = { year, day: null as number | null, muni };
    if (kind === "schoolEntry") t.schoolEntry = rec;
    else t.schoolExit = rec;
    if (!covered) return;
    // Exam date: autumn (60 %) or spring of the school year, on a weekday.
    const day = weekdayOnOrAfter(r.chance(0.6) ? dayFromYmd(year, 9, 1) + r.int(105) : dayFromYmd(year + 1, 1, 6) + r.int(140));
    const minute = dayMinute(r, day);
    const eff = isoDateTimeMs(minute);
    const ageYears = (day - c.birthDay) / 365.25;
    const body = schoolBody(r, ageYears, c.sex === "M");
    const schoolIdx = hash32(this.ctx.seed, "school-of", c.cpr) % p.schools;
    const schoolNumber = `${p.code}${String(schoolIdx + 1).padStart(3, "0")}`;
    const locId = uuidFor(this.ctx.seed, "school", p.code, schoolIdx);
    const encId = this.ids.uuid();
    const prefix = kind === "schoolEntry" ? "school" : "exit";
    const keys = visitObservations(kind);
    const ind: { key: IndicatorKey; id: string; grade: Grade; absent: boolean; alt: number }[] = [];
    let weight: { id: string; value: number; absent: boolean } | undefined;
    let height: { id: string; value: number; absent: boolean } | undefined;
    const risk = r.chance(0.06) ? 3 : 1;
    for (const key of keys) {
      if (key === "weight") {
        weight = { id: this.ids.uuid(), value: Math.round(body.weight * 10) / 10, absent: q.chance(p.dataAbsentRate * 0.5) };
        continue;
      }
      if (key === "height") {
        height = { id: this.ids.uuid(), value: roundCm(body.height, r.chance(0.6)), absent: q.chance(p.dataAbsentRate * 0.5) };
        continue;
      }
      if (key === "head" || key === "feeding") continue;
      const ik = key as IndicatorKey;
      if (ik === "motor" && !r.chance(Math.min(1, p.motorAssessRate - 0.03))) continue;
      let grade: Grade;
      if (ik === "nutrition" && body.bmiZ > 1.3) grade = r.chance(0.5) ? "potential" : "problem";
      else if (ik === "nicotine") {
        const rr = (EDU_RISK[this.fam.education] ?? 1) * (1 - 0.2 * p.ses);
        const u = r.next();
        grade = u < 0.05 * rr ? "problem" : u < 0.05 * rr + 0.15 ? "potential" : "normal";
      } else grade = this.grade(`${prefix}:${ik}`, p, risk);
      const alt = ik === "physicalActivity" && grade === "problem" && r.chance(0.15) ? 1 : 0;
      ind.push({ key: ik, id: this.ids.uuid(), grade, absent: q.chance(p.dataAbsentRate), alt });
    }
    const findings: { id: string; code: Code }[] = [];
    if (r.chance(kind === "schoolExit" ? 0.08 : 0.05)) findings.push({ id: this.ids.uuid(), code: r.pick(SCHOOL_WELLBEING) });
    // Interventions decided at the exam (CarePlan sent with the exam report)
    const carePlans: Res[] = [];
    const follow: { id: string; code: Code; reasons: Code[]; contacts: number }[] = [];
    const childIdRef = () => j.childIds[i]!;
    const hs = ind.find((o) => (o.key === "hearing" || o.key === "sight") && o.grade === "potential" && !o.absent);
    if (hs && r.chance(0.6)) {
      carePlans.push(
        intervention({
          id: this.ids.uuid(),
          subjectId: childIdRef(),
          status: "completed",
          start: isoDate(day),
          end: isoDate(day),
          code: INTERVENTION.schoolSightHearing,
          reasons: [hs.key === "hearing" ? CONDITION.hearingPotential : CONDITION.sightPotential],
        }),
      );
    }
    if (body.bmiZ > 1.3 && r.chance(0.3)) follow.push({ id: this.ids.uuid(), code: INTERVENTION.schoolOverweight, reasons: [CONDITION.overweight], contacts: r.intBetween(1, 3) });
    const wellbeing = ind.find((o) => (o.key === "socialInteraction" || o.key === "sleep") && o.grade === "problem" && !o.absent);
    if ((wellbeing || findings.length > 0) && r.chance(0.5)) {
      const reasons = findings.length > 0 ? [findings[0]!.code] : [wellbeing!.key === "sleep" ? CONDITION.sleep : CONDITION.socialContact];
      follow.push({ id: this.ids.uuid(), code: INTERVENTION.schoolWellbeing, reasons, contacts: r.intBetween(1, 4) });
    }
    for (const fu of follow) carePlans.push(intervention({ id: fu.id, subjectId: childIdRef(), status: "active", start: isoDate(day), code: fu.code, reasons: fu.reasons }));

    const make = (v?: Variant): Res[] => {
      const cid = childIdRef();
      const absentKey = (k: ObsKey) => v?.absent?.includes(k) ?? false;
      const out: Res[] = [citizen({ id: cid, cpr: c.cpr, sor: j.sor, child: true }), location({ id: locId, schoolNumber })];
      out.push(encounter({ id: encId, kind, classKey: "AMB", subjectId: cid, start: eff, locationId: locId }));
      for (const o of ind) {
        const absent = o.absent || absentKey(o.key);
        out.push(indicatorObs({ id: o.id, key: o.key, subjectId: cid, encounterId: encId, effective: eff, value: absent ? undefined : indicatorValue(o.key, o.grade, o.alt) }));
      }
      if (weight) out.push(weightObs({ id: weight.id, subjectId: cid, encounterId: encId, effective: eff, unit: "kg", value: weight.absent || absentKey("weight") ? undefined : weight.value }));
      if (height)
        out.push(heightObs({ id: height.id, subjectId: cid, encounterId: encId, effective: eff, position: "standing", value: height.absent || absentKey("height") ? undefined : height.value }));
      for (const fd of findings) out.push(examResultObs({ id: fd.id, subjectId: cid, encounterId: encId, effective: eff, finding: fd.code }));
      out.push(...carePlans);
      return out;
    };
    const res = this.emit({ minute, journal: j, make, enforced: PROGRAMME[kind]!.enforced });
    if (res) rec.day = day;
    // need-based school contacts
    for (const fu of follow) {
      let d = day;
      for (let k = 0; k < fu.contacts; k++) {
        d = weekdayOnOrAfter(d + r.intBetween(7, 30));
        const last = k === fu.contacts - 1;
        const cm = dayMinute(r, d);
        const ceff = isoDateTimeMs(cm);
        const cEnc = this.ids.uuid();
        const endDay = d;
        const cls: EncounterClassKey = r.chance(0.9) ? "AMB" : "phone";
        this.emit({
          minute: cm,
          journal: j,
          make: () => {
            const cid = childIdRef();
            return [
              citizen({ id: cid, cpr: c.cpr, sor: j.sor, child: true }),
              location({ id: locId, schoolNumber }),
              encounter({ id: cEnc, kind: "needSchool", classKey: cls, subjectId: cid, start: ceff, locationId: locId, interventionIds: [fu.id] }),
              intervention({ id: fu.id, subjectId: cid, status: last ? "completed" : "active", start: isoDate(day), end: last ? isoDate(endDay) : undefined, code: fu.code, reasons: fu.reasons }),
            ];
          },
        });
      }
    }
  }
}

/** Simulate one family: all its reports (lazy) and its ground truth. Pure in (ctx.seed, family, profiles). */
export function simulateFamily(fam: Family, ctx: SimContext): FamilyLife {
  const sim = new FamilySim(fam, ctx);
  if (fam.infant) sim.runInfant();
  sim.runSchool();
  return { reports: sim.reports, truth: sim.truth };
}

/** Compact JSON of a report spec's Bundle (with its defect applied, if any). */
export function reportJson(spec: ReportSpec): string {
  const json = deliveryReportJson(spec.bundleId, isoInstant(spec.time), spec.make(spec.variant));
  if (!spec.defect) return json;
  const b = parseReport(json);
  applyDefect(b, spec.defect);
  return JSON.stringify(b);
}

/** The Bundle of a report spec as an object (with its defect applied, if any). */
export function buildReport(spec: ReportSpec): DeliveryReport {
  return parseReport(reportJson(spec));
}
