/**
 * A small, fast structure checker for FHIR R4 JSON.
 *
 * Each resource/profile is described by an `ElementDef` tree (built once at module load in the
 * profile files) listing every element FHIR R4 defines for the type, with the profile's
 * cardinalities; elements the profile forbids are kept with `kind: "forbidden"` so they get a
 * precise "0..0" message, and names that FHIR R4 does not define get "unknown element". The walk
 * checks JSON types, primitive formats (the R4 regexes plus real calendar dates), array vs single
 * representation, empty values, choice types (`value[x]`), fixed primitive values and
 * cardinalities. Semantic rules (bindings, slices, references, invariants) are checked by the
 * profile code afterwards on the same JSON, using the defensive accessors at the bottom.
 *
 * The walk only follows the definitions, so its recursion depth is bounded by the profiles and
 * not by the input.
 */
import { MSG, type Msg } from "../outcome";
import type { IssueSeverity } from "../types";

export type Prim =
  | "boolean"
  | "integer"
  | "decimal"
  | "string"
  | "code"
  | "id"
  | "uri"
  | "url"
  | "canonical"
  | "date"
  | "dateTime"
  | "instant"
  | "time"
  | "positiveInt"
  | "unsignedInt"
  | "markdown"
  | "xhtml";

export interface ChoiceGroup {
  /** Element name without [x], e.g. `value`. */
  base: string;
  /** JSON keys of every R4 type variant, e.g. `valueQuantity`. */
  keys: readonly string[];
  /** Keys the profile allows (subset of keys). */
  allowed: readonly string[];
  /** Human-readable list of allowed types for messages. */
  allowedText: string;
  min: number;
}

export interface ElementDef {
  kind: "prim" | "complex" | "any" | "forbidden" | "resource";
  min: number;
  /** Maximum cardinality in the profile; Infinity for `*`. */
  max: number;
  /** True when the base FHIR element repeats (max > 1), so its JSON is an array whatever the profile's max. */
  array: boolean;
  prim?: Prim;
  /** Fixed value of a primitive (FSH `= value`). */
  fixed?: string | boolean;
  /** Child elements of a complex type. */
  fields?: Record<string, ElementDef>;
  /** For complex types: the FHIR type or resource name, for messages. */
  typeName?: string;
  /** Choice groups of a complex type, indexed by JSON key. */
  choiceOf?: Record<string, ChoiceGroup>;
  choices?: readonly ChoiceGroup[];
  /** True when this complex element is a resource root (its `extension` may hold the resource's extensions). */
  isResource?: boolean;
}

export interface Sink {
  add(severity: IssueSeverity, msg: Msg, expression: string | string[]): void;
}

/** Called for each item of an `extension` array; `owner` is the type name of the element holding it. */
export type ExtensionHook = (ext: Record<string, unknown>, path: string, owner: string, atResourceRoot: boolean) => void;

export interface WalkCtx {
  sink: Sink;
  /** Profile name used in cardinality messages. */
  profile: string;
  extension: ExtensionHook;
}

// ------------------------------------------------------------------ builders

export const INF = Number.POSITIVE_INFINITY;

export function prim(p: Prim, min = 0, max = 1, fixed?: string | boolean): ElementDef {
  const d: ElementDef = { kind: "prim", prim: p, min, max, array: max > 1 };
  if (fixed !== undefined) d.fixed = fixed;
  return d;
}

export function complex(typeName: string, fields: Record<string, ElementDef>, min = 0, max = 1, choices: ChoiceGroup[] = []): ElementDef {
  const all: Record<string, ElementDef> = { id: prim("string"), extension: EXTENSION_LIST, ...fields };
  const choiceOf: Record<string, ChoiceGroup> = {};
  for (const g of choices) for (const k of g.keys) choiceOf[k] = g;
  return { kind: "complex", typeName, fields: all, min, max, array: max > 1, choices, choiceOf };
}

/** A BackboneElement: like complex, plus modifierExtension. */
export function backbone(typeName: string, fields: Record<string, ElementDef>, min = 0, max = 1, choices: ChoiceGroup[] = []): ElementDef {
  return complex(typeName, { modifierExtension: MODIFIER_EXTENSION_LIST, ...fields }, min, max, choices);
}

export function any(min = 0, max = 1): ElementDef {
  return { kind: "any", min, max, array: max > 1 };
}

export const X: ElementDef = { kind: "forbidden", min: 0, max: 0, array: false };

/** The entry.resource slot of a Bundle: checked by the caller. */
export const RESOURCE_SLOT: ElementDef = { kind: "resource", min: 1, max: 1, array: false };

/** Mark the named fields of a def as forbidden (0..0); returns a new def. */
export function forbid(def: ElementDef, names: readonly string[]): ElementDef {
  const fields = { ...def.fields };
  for (const n of names) {
    if (!(n in fields) && !(def.choices ?? []).some((g) => g.base === n)) {
      throw new Error(`forbid: ${def.typeName} has no element ${n}`);
    }
    const g = (def.choices ?? []).find((c) => c.base === n);
    if (g) for (const k of g.keys) fields[k] = X;
    else fields[n] = X;
  }
  const choices = (def.choices ?? []).filter((g) => !names.includes(g.base));
  const choiceOf: Record<string, ChoiceGroup> = {};
  for (const g of choices) for (const k of g.keys) choiceOf[k] = g;
  return { ...def, fields, choices, choiceOf };
}

/** Replace/override fields of a complex def (cardinality, nested types); returns a new def. */
export function withFields(def: ElementDef, overrides: Record<string, ElementDef>, min = def.min, max = def.max): ElementDef {
  for (const n of Object.keys(overrides)) {
    if (!def.fields || !(n in def.fields)) throw new Error(`withFields: ${def.typeName} has no element ${n}`);
  }
  return { ...def, fields: { ...def.fields, ...overrides }, min, max };
}

/** Restrict the cardinality (the JSON representation, array or not, stays that of the base element). */
export function card(def: ElementDef, min: number, max: number): ElementDef {
  return { ...def, min, max };
}

/** A choice group over the given R4 types, restricted to `allowed`. */
export function choice(base: string, types: readonly string[], allowed: readonly string[], min: number): ChoiceGroup {
  for (const a of allowed) if (!types.includes(a)) throw new Error(`choice ${base}: ${a} not a type`);
  return {
    base,
    keys: types.map((t) => base + t),
    allowed: allowed.map((t) => base + t),
    allowedText: allowed.map((t) => base + t).join(" / "),
    min,
  };
}

// ------------------------------------------------------------------ data types (FHIR R4)

const EXTENSION_LIST: ElementDef = { kind: "any", min: 0, max: INF, array: true }; // handled specially in walk
const MODIFIER_EXTENSION_LIST: ElementDef = { kind: "any", min: 0, max: INF, array: true }; // handled specially in walk

export const T = {
  coding: (min = 0, max = 1) =>
    complex(
      "Coding",
      { system: prim("uri"), version: prim("string"), code: prim("code"), display: prim("string"), userSelected: prim("boolean") },
      min,
      max,
    ),
  codeableConcept: (min = 0, max = 1, codingMin = 0, codingMax = INF) =>
    complex("CodeableConcept", { coding: T.coding(codingMin, codingMax), text: prim("string") }, min, max),
  period: (min = 0, max = 1, startMin = 0) => complex("Period", { start: prim("dateTime", startMin), end: prim("dateTime") }, min, max),
  quantity: (min = 0, max = 1) =>
    complex(
      "Quantity",
      { value: prim("decimal"), comparator: prim("code"), unit: prim("string"), system: prim("uri"), code: prim("code") },
      min,
      max,
    ),
  identifier: (min = 0, max = 1): ElementDef =>
    complex(
      "Identifier",
      {
        use: prim("code"),
        type: T.codeableConcept(),
        system: prim("uri"),
        value: prim("string"),
        period: T.period(),
        assigner: any(), // Reference(Organization); never used by the guide
      },
      min,
      max,
    ),
  reference: (min = 0, max = 1): ElementDef =>
    complex(
      "Reference",
      { reference: prim("string"), type: prim("uri"), identifier: T.identifier(), display: prim("string") },
      min,
      max,
    ),
  meta: (min = 0) =>
    complex(
      "Meta",
      {
        versionId: prim("id"),
        lastUpdated: prim("instant"),
        source: prim("uri"),
        profile: prim("canonical", 0, INF),
        security: T.coding(0, INF),
        tag: T.coding(0, INF),
      },
      min,
    ),
  narrative: () => complex("Narrative", { status: prim("code", 1), div: prim("xhtml", 1) }),
};

/** A DomainResource: id, meta, implicitRules, language, text, contained, extension, modifierExtension + `fields`. */
export function resource(typeName: string, fields: Record<string, ElementDef>, choices: ChoiceGroup[] = []): ElementDef {
  const def = complex(
    typeName,
    {
      meta: T.meta(),
      implicitRules: prim("uri"),
      language: prim("code"),
      text: T.narrative(),
      contained: any(0, INF),
      modifierExtension: MODIFIER_EXTENSION_LIST,
      ...fields,
    },
    1,
    1,
    choices,
  );
  def.isResource = true;
  def.fields!.id = prim("id");
  return def;
}

/** A plain Resource (Bundle): id, meta, implicitRules, language + `fields`; no extensions. */
export function plainResource(typeName: string, fields: Record<string, ElementDef>): ElementDef {
  const def = complex(typeName, { meta: T.meta(), implicitRules: prim("uri"), language: prim("code"), ...fields }, 1, 1);
  delete def.fields!.extension;
  def.isResource = true;
  def.fields!.id = prim("id");
  return def;
}

// ------------------------------------------------------------------ primitive checks

const RE: Record<Prim, RegExp> = {
  boolean: /^/,
  integer: /^/,
  decimal: /^/,
  positiveInt: /^/,
  unsignedInt: /^/,
  // R4 regex [ \r\n\t\S]+ with Java's \s: everything except vertical tab and form feed.
  string: /^[^\u000b\u000c]+$/,
  markdown: /^[^\u000b\u000c]+$/,
  xhtml: /^[^\u000b\u000c]+$/,
  code: /^[^\s]+( [^\s]+)*$/,
  id: /^[A-Za-z0-9\-.]{1,64}$/,
  uri: /^\S+$/,
  url: /^\S+$/,
  canonical: /^\S+$/,
  date: /^([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1]))?)?$/,
  dateTime:
    /^([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1])(T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?(Z|(\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00)))?)?)?$/,
  instant:
    /^([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)-(0[1-9]|1[0-2])-(0[1-9]|[1-2][0-9]|3[0-1])T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?(Z|(\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))$/,
  time: /^([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?$/,
};

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** True when a date/dateTime/instant string (already matching its regex) names a real calendar day. */
export function calendarOk(s: string): boolean {
  if (s.length < 10) return true;
  const y = (s.charCodeAt(0) - 48) * 1000 + (s.charCodeAt(1) - 48) * 100 + (s.charCodeAt(2) - 48) * 10 + (s.charCodeAt(3) - 48);
  const mo = (s.charCodeAt(5) - 48) * 10 + (s.charCodeAt(6) - 48);
  const d = (s.charCodeAt(8) - 48) * 10 + (s.charCodeAt(9) - 48);
  let max = DAYS_IN_MONTH[mo - 1];
  if (mo === 2 && ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0)) max = 29;
  return d <= max;
}

function checkPrim(v: unknown, def: ElementDef, path: string, ctx: WalkCtx): void {
  const p = def.prim!;
  switch (p) {
    case "boolean":
      if (typeof v !== "boolean") return ctx.sink.add("error", MSG.typeMismatch(path, "boolean"), path);
      break;
    case "decimal":
      if (typeof v !== "number" || !Number.isFinite(v)) return ctx.sink.add("error", MSG.typeMismatch(path, "decimal"), path);
      break;
    case "integer":
      if (typeof v !== "number" || !Number.isInteger(v) || v > 2147483647 || v < -2147483648)
        return ctx.sink.add("error", MSG.typeMismatch(path, "integer"), path);
      break;
    case "positiveInt":
      if (typeof v !== "number" || !Number.isInteger(v) || v < 1 || v > 2147483647)
        return ctx.sink.add("error", MSG.typeMismatch(path, "positiveInt"), path);
      break;
    case "unsignedInt":
      if (typeof v !== "number" || !Number.isInteger(v) || v < 0 || v > 2147483647)
        return ctx.sink.add("error", MSG.typeMismatch(path, "unsignedInt"), path);
      break;
    default: {
      if (typeof v !== "string") return ctx.sink.add("error", MSG.typeMismatch(path, "string"), path);
      if (v.length === 0) return ctx.sink.add("error", MSG.emptyString(path), path);
      if (!RE[p].test(v)) return ctx.sink.add("error", MSG.typeFormat(path, p), path);
      if ((p === "date" || p === "dateTime" || p === "instant") && !calendarOk(v))
        return ctx.sink.add("error", MSG.invalidDate(path), path);
    }
  }
  if (def.fixed !== undefined && v !== def.fixed) {
    ctx.sink.add("error", MSG.fixedValue(path, typeof def.fixed === "string" ? `'${def.fixed}'` : String(def.fixed)), path);
  }
}

/** `_name` companion of a primitive: only id and extension. */
function checkPrimitiveExtension(v: unknown, path: string, ctx: WalkCtx, repeating: boolean): void {
  const items = repeating && Array.isArray(v) ? v : [v];
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    const p = repeating ? `${path}[${i}]` : path;
    if (it === null && repeating) continue;
    if (!isObj(it)) {
      ctx.sink.add("error", MSG.primitiveExtension(p), p);
      continue;
    }
    for (const k in it) {
      if (k === "id") continue;
      if (k === "extension") {
        walkExtensions(it[k], `${p}.extension`, ctx, "primitive", false);
        continue;
      }
      ctx.sink.add("error", MSG.primitiveExtension(p), p);
      break;
    }
  }
}

function walkExtensions(v: unknown, path: string, ctx: WalkCtx, owner: string, atRoot: boolean): void {
  if (!Array.isArray(v)) {
    ctx.sink.add("error", MSG.mustBeArray(path), path);
    return;
  }
  if (v.length === 0) {
    ctx.sink.add("error", MSG.emptyArray(path), path);
    return;
  }
  for (let i = 0; i < v.length; i++) {
    const e = v[i];
    const p = `${path}[${i}]`;
    if (!isObj(e)) {
      ctx.sink.add("error", MSG.typeMismatch(p, "object"), p);
      continue;
    }
    if (typeof e.url !== "string" || e.url.length === 0) {
      ctx.sink.add("error", MSG.missing(`${p}.url`, "1..1", "Extension"), `${p}.url`);
      continue;
    }
    ctx.extension(e, p, owner, atRoot);
  }
}

// ------------------------------------------------------------------ the walk

export function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

// A complex definition is compiled, on first use, into a slot table keyed by JSON property name,
// so the walk does one lookup per property. Definitions are immutable once the modules have loaded.

const enum SlotKind {
  Element,
  Forbidden,
  ChoiceNotAllowed, // reported once by the choice check
  Extension,
  ModifierExtension,
  Contained,
  PrimitiveExtension,
  ForbiddenPrimitiveExtension,
}

interface Slot {
  kind: SlotKind;
  def: ElementDef;
}

interface CompiledChoice {
  group: ChoiceGroup;
  keys: readonly string[];
  underscoreKeys: readonly string[];
  allowed: readonly boolean[];
}

interface Compiled {
  slots: Record<string, Slot>;
  required: readonly { key: string; card: string }[];
  choices: readonly CompiledChoice[];
}

const COMPILED = new WeakMap<ElementDef, Compiled>();

function compileDef(def: ElementDef): Compiled {
  const slots: Record<string, Slot> = Object.create(null);
  const fields = def.fields!;
  const choiceOf = def.choiceOf ?? {};
  const required: { key: string; card: string }[] = [];
  for (const key of Object.keys(fields)) {
    const d = fields[key];
    const g = choiceOf[key];
    let kind = SlotKind.Element;
    if (d.kind === "forbidden") kind = g === undefined ? SlotKind.Forbidden : SlotKind.ChoiceNotAllowed;
    else if (g !== undefined && !g.allowed.includes(key)) kind = SlotKind.ChoiceNotAllowed;
    else if (key === "extension") kind = SlotKind.Extension;
    else if (key === "modifierExtension") kind = SlotKind.ModifierExtension;
    else if (key === "contained" && def.isResource) kind = SlotKind.Contained;
    slots[key] = { kind, def: d };
    if (d.kind === "prim") slots["_" + key] = { kind: g !== undefined && !g.allowed.includes(key) ? SlotKind.ChoiceNotAllowed : SlotKind.PrimitiveExtension, def: d };
    else if (d.kind === "forbidden" && g === undefined) slots["_" + key] = { kind: SlotKind.ForbiddenPrimitiveExtension, def: d };
    if (d.min > 0 && g === undefined) required.push({ key, card: `${d.min}..${d.max === INF ? "*" : d.max}` });
  }
  const choices = (def.choices ?? []).map((group) => ({
    group,
    keys: group.keys,
    underscoreKeys: group.keys.map((k) => "_" + k),
    allowed: group.keys.map((k) => group.allowed.includes(k)),
  }));
  const c = { slots, required, choices };
  COMPILED.set(def, c);
  return c;
}

/**
 * Check `value` (the JSON of one occurrence of a complex element) against `def`.
 * Returns false when the value is not an object at all.
 */
export function walkComplex(value: unknown, def: ElementDef, path: string, ctx: WalkCtx): boolean {
  if (!isObj(value)) {
    ctx.sink.add("error", MSG.typeMismatch(path, "object"), path);
    return false;
  }
  const c = COMPILED.get(def) ?? compileDef(def);
  const slots = c.slots;
  const isResource = def.isResource === true;
  let count = 0;
  for (const key in value) {
    if (isResource && key === "resourceType") continue;
    count++;
    const slot = slots[key];
    if (slot === undefined) {
      const cp = `${path}.${key}`;
      ctx.sink.add("error", MSG.unknownElement(cp, def.typeName!), cp);
      continue;
    }
    const v = value[key];
    switch (slot.kind) {
      case SlotKind.Element: {
        const cp = `${path}.${key}`;
        if (v === null) ctx.sink.add("error", MSG.nullValue(cp), cp);
        else walkElement(v, slot.def, cp, ctx);
        break;
      }
      case SlotKind.Forbidden:
        ctx.sink.add("error", MSG.forbidden(`${path}.${key}`, ctx.profile), `${path}.${key}`);
        break;
      case SlotKind.ChoiceNotAllowed:
        break;
      case SlotKind.Extension:
        if (v === null) ctx.sink.add("error", MSG.nullValue(`${path}.${key}`), `${path}.${key}`);
        else walkExtensions(v, `${path}.${key}`, ctx, def.typeName!, isResource);
        break;
      case SlotKind.ModifierExtension:
        ctx.sink.add("error", MSG.modifierExtension(path), `${path}.${key}`);
        break;
      case SlotKind.Contained:
        ctx.sink.add("error", MSG.contained(path), `${path}.${key}`);
        break;
      case SlotKind.PrimitiveExtension:
        checkPrimitiveExtension(v, `${path}.${key}`, ctx, slot.def.array);
        break;
      case SlotKind.ForbiddenPrimitiveExtension:
        ctx.sink.add("error", MSG.forbidden(`${path}.${key.slice(1)}`, ctx.profile), `${path}.${key}`);
        break;
    }
  }
  if (count === 0) {
    ctx.sink.add("error", MSG.emptyObject(path), path);
    return true;
  }
  // Cardinality minimums.
  const required = c.required;
  for (let i = 0; i < required.length; i++) {
    const r = required[i];
    if (value[r.key] === undefined) ctx.sink.add("error", MSG.missing(`${path}.${r.key}`, r.card, ctx.profile), `${path}.${r.key}`);
  }
  // Choice groups: at most one variant, only allowed variants, required presence.
  const choices = c.choices;
  for (let i = 0; i < choices.length; i++) {
    const g = choices[i];
    let present = 0;
    let firstKey = "";
    for (let k = 0; k < g.keys.length; k++) {
      const key = g.keys[k];
      if (value[key] !== undefined || value[g.underscoreKeys[k]] !== undefined) {
        present++;
        if (present === 1) firstKey = key;
        if (!g.allowed[k]) {
          ctx.sink.add("error", MSG.choiceNotAllowed(`${path}.${g.group.base}`, g.group.allowedText, ctx.profile), `${path}.${key}`);
        }
      }
    }
    if (present > 1) ctx.sink.add("error", MSG.choiceMultiple(`${path}.${g.group.base}`), `${path}.${firstKey}`);
    if (present === 0 && g.group.min > 0) {
      ctx.sink.add("error", MSG.missing(`${path}.${g.group.base}[x]`, `${g.group.min}..1`, ctx.profile), `${path}.${g.group.base}`);
    }
  }
  return true;
}

/** Check the JSON `v` of an element (array or single per its max) against `def`. */
export function walkElement(v: unknown, d: ElementDef, path: string, ctx: WalkCtx): void {
  if (d.array) {
    if (!Array.isArray(v)) {
      ctx.sink.add("error", MSG.mustBeArray(path), path);
      return;
    }
    if (v.length === 0) {
      ctx.sink.add("error", MSG.emptyArray(path), path);
      return;
    }
    if (v.length > d.max) ctx.sink.add("error", MSG.tooMany(path, d.max, v.length, ctx.profile), path);
    else if (v.length < d.min) ctx.sink.add("error", MSG.tooFew(path, d.min, v.length, ctx.profile), path);
    for (let i = 0; i < v.length; i++) {
      const item = v[i];
      const ip = `${path}[${i}]`;
      if (item === null) {
        // allowed only when aligned with a `_name` array; reported as null otherwise
        ctx.sink.add("error", MSG.nullValue(ip), ip);
        continue;
      }
      walkOne(item, d, ip, ctx);
    }
    return;
  }
  if (Array.isArray(v)) {
    // A single-valued element sent as an array.
    if (d.max === 1 && v.length > 1) ctx.sink.add("error", MSG.tooMany(path, 1, v.length, ctx.profile), path);
    else ctx.sink.add("error", MSG.mustNotBeArray(path), path);
    return;
  }
  walkOne(v, d, path, ctx);
}

function walkOne(v: unknown, d: ElementDef, path: string, ctx: WalkCtx): void {
  switch (d.kind) {
    case "prim":
      checkPrim(v, d, path, ctx);
      return;
    case "complex":
      walkComplex(v, d, path, ctx);
      return;
    case "any":
      if (v === null || (typeof v === "object" && !Array.isArray(v) && Object.keys(v).length === 0)) {
        ctx.sink.add("error", MSG.emptyObject(path), path);
      }
      return;
    case "resource":
      return; // validated by the caller
    case "forbidden":
      ctx.sink.add("error", MSG.forbidden(path, ctx.profile), path);
      return;
  }
}

// ------------------------------------------------------------------ defensive accessors

/** The object at `v`, or undefined when `v` is not a plain object. */
export function obj(v: unknown): Record<string, unknown> | undefined {
  return isObj(v) ? v : undefined;
}

/** The items of `v` when it is an array, else an empty array. */
export function arr(v: unknown): readonly unknown[] {
  return Array.isArray(v) ? v : EMPTY;
}
const EMPTY: readonly unknown[] = Object.freeze([]);

export function str(v: unknown): string | undefined {
  return typeof v === "string" ? v : undefined;
}

/**
 * The occurrences of a possibly-repeating element as `[value, path]` pairs: an array yields each
 * item with `[i]`, a single value yields itself. Used by semantic checks after the walk has
 * already reported representation errors.
 */
export function occurrences(v: unknown, path: string): [unknown, string][] {
  if (v === undefined || v === null) return [];
  if (Array.isArray(v)) return v.map((x, i) => [x, `${path}[${i}]`] as [unknown, string]);
  return [[v, path]];
}
