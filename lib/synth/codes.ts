/**
 * Codes, profile URLs and the visit programme used by the generator, copied from the guide's
 * terminology (shared/reference/fbu/terminology.json, KLChildren 2.1.0) and its mandatory-observation
 * table (mandatory-observations.json). `codes.test.ts` cross-checks every code here against
 * those files, so a typo cannot slip through.
 */

export const SYS = {
  FBOE: "http://fhir.kl.dk/term/CodeSystem/FBOE",
  CARE_SOCIAL: "http://fhir.kl.dk/term/CodeSystem/CareSocialCodes",
  SNOMED: "http://snomed.info/sct",
  LOINC: "http://loinc.org",
  UCUM: "http://unitsofmeasure.org",
  CPR: "urn:oid:1.2.208.176.1.2",
  SOR: "urn:oid:1.2.208.176.1.1",
  SCHOOL: "https://viden.stil.dk/display/OFFINSTREG/Institutionsregisteret",
  ACT_CODE: "http://terminology.hl7.org/CodeSystem/v3-ActCode",
  ROLE_CODE: "http://terminology.hl7.org/CodeSystem/v3-RoleCode",
  OBS_CATEGORY: "http://terminology.hl7.org/CodeSystem/observation-category",
  DATA_ABSENT: "http://terminology.hl7.org/CodeSystem/data-absent-reason",
} as const;

export const FULL_URL_BASE = "https://test.fhir.dk";

const SD = "http://fhir.kl.dk/children/StructureDefinition/";
export const PROFILE = {
  deliveryReport: `${SD}klgateway-children-delivery-report`,
  incrementalDelivery: `${SD}klgateway-children-incremental-delivery`,
  citizen: `${SD}klgateway-children-citizen`,
  relatedParent: `${SD}klgateway-children-related-parent`,
  encounter: `${SD}klgateway-children-encounter`,
  location: `${SD}klgateway-children-location`,
  intervention: `${SD}klgateway-children-intervention`,
  questionnaireResponse: `${SD}klgateway-children-questionnaire-response`,
  weight: `${SD}klgateway-children-bodyweight`,
  height: `${SD}klgateway-children-bodyheight`,
  head: `${SD}klgateway-children-headcircum`,
  feeding: `${SD}klgateway-children-feeding-observation`,
  examResult: `${SD}klgateway-children-exam-result`,
} as const;

export const profileUrl = (id: string): string => `${SD}${id}`;

export const EXT = {
  basedOnIntervention: `${SD}BasedOnInterventionExtension`,
  findingInformer: `${SD}FindingInformer`,
} as const;

export const QUESTIONNAIRE_EPDS = "http://fhir.kl.dk/children/Questionnaire/klgateway-children-epds";
export const EPDS_ITEMS = ["1humor", "2happiness", "3blame", "4worry", "5anxious", "6grow", "7sleep", "8sad", "9cry", "10harm"] as const;

export const FINDING_INFORMER_CITIZEN = { system: SYS.CARE_SOCIAL, code: "25b4e705-2e9a-47a2-b11a-c829316b9d3a", display: "Borger" };

export interface Code {
  code: string;
  display: string;
}

export type EncounterClassKey = "HH" | "AMB" | "phone" | "screen";
export const ENCOUNTER_CLASS: Record<EncounterClassKey, { system: string; code: string; display?: string }> = {
  HH: { system: SYS.ACT_CODE, code: "HH" },
  AMB: { system: SYS.ACT_CODE, code: "AMB" },
  phone: { system: SYS.CARE_SOCIAL, code: "1b55a4b0-1156-4f58-b2df-b5c6014d9048", display: "Telefonisk" },
  screen: { system: SYS.CARE_SOCIAL, code: "124be95d-6924-4609-9d2a-e7c73ae3ab3d", display: "Skærmbesøg" },
};

export type VisitKind =
  | "pregnancy"
  | "postnatal"
  | "establishment"
  | "second"
  | "m2"
  | "m4"
  | "m8"
  | "needSmall"
  | "regularSmall"
  | "schoolEntry"
  | "schoolMiddle"
  | "schoolExit"
  | "needSchool"
  | "regularSchool";

export const ENCOUNTER_TYPE: Record<VisitKind, Code> = {
  pregnancy: { code: "d3c00541-f1d3-4c43-b5fc-16e8914ca1df", display: "Graviditetsbesøg" },
  postnatal: { code: "7d35a193-e808-4e77-b361-6c0d114d021f", display: "Barselsbesøg" },
  establishment: { code: "b4bf6058-502a-4d64-bb8e-369661f43b47", display: "Etableringsbesøg" },
  second: { code: "563c4174-f451-4c87-8db8-8d5472ca7ff6", display: "Andet besøg inden første måned" },
  m2: { code: "51f30d1c-d60e-4e3e-ac22-ec9712ea962d", display: "Besøg hos det ca. 2 måneder gamle barn" },
  m4: { code: "58ff370b-a775-4bec-b24a-91604e0a5fe7", display: "Besøg hos det 4-6 måneder gamle barn" },
  m8: { code: "3f3e6489-31bd-44cf-9920-3c632868feb7", display: "Besøg hos det 8-11 måneder gamle barn" },
  needSmall: { code: "4b039ba1-4005-42e6-b672-09b81ad7578a", display: "Behovskontakt med småbørnssundhedsplejen" },
  regularSmall: { code: "b30f139c-fac5-416e-b84a-a3429f0222c2", display: "Almindelig forebyggende småbørnskontakt" },
  schoolEntry: { code: "c06ed6f1-be9d-460e-a45e-34821bcbd533", display: "Indskolingsundersøgelse" },
  schoolMiddle: { code: "d01bcb90-2b29-44f4-834c-191d6dd4a08a", display: "Undersøgelse i mellemtrin, med måling" },
  schoolExit: { code: "dd766967-4d02-4c17-8ed3-021852785fdf", display: "Udskolingsundersøgelse" },
  needSchool: { code: "606c6585-444b-4ecd-885c-2ee59dc33f32", display: "Behovskontakt med skolesundhedsplejen" },
  regularSchool: { code: "17f5f9fa-3e1c-42fe-9ef3-178bc7900f67", display: "Almindelig forebyggende skolebørnskontakt" },
};

export type Grade = "normal" | "potential" | "problem";

export interface IndicatorDef {
  key: IndicatorKey;
  profile: string;
  code: string;
  display: string;
  subject: "parent" | "child";
  values: { code: string; display: string; grade: Grade }[];
}

export type IndicatorKey =
  | "parentMental"
  | "parentSocial"
  | "network"
  | "relationship"
  | "socialInteraction"
  | "communication"
  | "sleep"
  | "motor"
  | "nutrition"
  | "physicalActivity"
  | "hearing"
  | "sight"
  | "passiveSmoking"
  | "nicotine";

export const INDICATORS: Record<IndicatorKey, IndicatorDef> = {
  parentMental: {
    key: "parentMental",
    profile: "klgateway-children-parent-mental-status",
    code: "2c39af9f-8e45-4c88-962f-e7a9e2cd31b6",
    display: "Forælders psykiske tilstand",
    subject: "parent",
    values: [
      { code: "0e5db980-8c6e-4034-abab-054e0eb40935", display: "Forventelig psykisk reaktion", grade: "normal" },
      { code: "b8220216-e185-451b-8d2a-67cdf73c42c3", display: "Let psykisk reaktion", grade: "potential" },
      { code: "f86c2526-3b04-454c-a99e-d350f699dc94", display: "Psykisk reaktion", grade: "problem" },
    ],
  },
  parentSocial: {
    key: "parentSocial",
    profile: "klgateway-children-parent-social-status",
    code: "58997614-ba43-4534-90bd-10c7e76802f4",
    display: "Forælders sårbarhed",
    subject: "parent",
    values: [
      { code: "57dd67d7-175a-4541-87ff-db1381c4e1d9", display: "Ingen sårbarhed", grade: "normal" },
      { code: "546e7bef-7a22-451e-971a-326fcd78a843", display: "Potentiel sårbarhed", grade: "potential" },
      { code: "2461e246-b75c-46bb-b6ad-c68d529ace7e", display: "Sårbarhed", grade: "problem" },
    ],
  },
  network: {
    key: "network",
    profile: "klgateway-children-social-support-network",
    code: "7e7fab2f-278a-4b14-9bc9-efc36fffcba5",
    display: "Netværk",
    subject: "parent",
    values: [
      { code: "fbd9a8a5-0ed6-4e1a-9841-066ade34b071", display: "Godt netværk", grade: "normal" },
      { code: "983ff338-2e77-413d-b157-66d0141a4a96", display: "Sparsomt netværk", grade: "problem" },
    ],
  },
  relationship: {
    key: "relationship",
    profile: "klgateway-children-parent-relationship",
    code: "763c6f21-5467-4713-82fb-716c9d0a1fdf",
    display: "Forældre-barn-relation",
    subject: "child",
    values: [
      { code: "7a107df6-8fb8-4744-8413-be10b4c5c1d9", display: "Velfungerende forældre-barn-relation", grade: "normal" },
      { code: "274791a5-094d-4e6a-831e-e712d3d66aeb", display: "Let påvirket forældre-barn-relation", grade: "potential" },
      { code: "80aa0dab-aa41-45b1-a2cc-16d7e3733fdd", display: "Udfordring i forældre-barn-relation", grade: "problem" },
    ],
  },
  socialInteraction: {
    key: "socialInteraction",
    profile: "klgateway-children-social-interaction",
    code: "68605f88-49fb-44b9-b327-86947af6aa93",
    display: "Social kontakt",
    subject: "child",
    values: [
      { code: "008b1890-4be5-463a-b618-0ab3d89515d0", display: "Alderssvarende social kontakt", grade: "normal" },
      { code: "18938eb0-3f40-48c5-9971-7255aa86336a", display: "Få tegn på udfordringer i social kontakt", grade: "potential" },
      { code: "e1c1674c-9384-4d95-999f-763f3868f444", display: "Udfordring i social kontakt", grade: "problem" },
    ],
  },
  communication: {
    key: "communication",
    profile: "klgateway-children-communication",
    code: "653c2b0b-bb64-4906-888b-aea6fef3c3f8",
    display: "Kommunikation",
    subject: "child",
    values: [
      { code: "042d522d-0abe-46eb-a958-6e235b5d5408", display: "Kommunikerer alderssvarende", grade: "normal" },
      { code: "851ad2f2-a805-4d81-a1d8-15c3b09f5949", display: "Få tegn på udfordret kommunikation", grade: "potential" },
      { code: "d9f00ad4-4305-4bd0-aedf-2e51bef602e2", display: "Udfordring med kommunikation", grade: "problem" },
    ],
  },
  sleep: {
    key: "sleep",
    profile: "klgateway-children-sleep",
    code: "73f981f8-455a-4158-b435-7c6d83ab84da",
    display: "Søvn",
    subject: "child",
    values: [
      { code: "b07eec60-941d-484d-8c2a-aeaa2ba798bf", display: "Søvn med normale variationer", grade: "normal" },
      { code: "d13ad530-d8f6-4933-be18-bb77e2334f9f", display: "Let forstyrret søvn", grade: "potential" },
      { code: "c25b5cda-3f6b-4ef7-998d-c22c58c6dd18", display: "Udfordring med søvn", grade: "problem" },
    ],
  },
  motor: {
    key: "motor",
    profile: "klgateway-children-motor-function",
    code: "e04f2ca1-888a-4671-a97a-371b525cd2a3",
    display: "Motorik",
    subject: "child",
    values: [
      { code: "d5b876e1-a86c-4768-b46d-cd795eaa89e4", display: "Alderssvarende motorik", grade: "normal" },
      { code: "936a0163-08eb-4fdb-bf0c-bcf5bc7cb3f6", display: "Få tegn på udfordret motorik", grade: "potential" },
      { code: "aeade013-b14a-4ad3-80da-66742782411e", display: "Udfordring med motorik", grade: "problem" },
    ],
  },
  nutrition: {
    key: "nutrition",
    profile: "klgateway-children-nutrition",
    code: "e61e4dab-54bb-4bf4-9b76-8d991cf4de08",
    display: "Ernæring",
    subject: "child",
    values: [
      { code: "78dcf013-8ae9-4541-b175-100cde77a9f0", display: "Almindeligt kostindtag", grade: "normal" },
      { code: "abecea75-32cd-4388-80fd-319a30701bf6", display: "Enkelte udfordringer med kost", grade: "potential" },
      { code: "019e3a2d-775c-4660-8183-75206b47048f", display: "Problem med kost", grade: "problem" },
    ],
  },
  physicalActivity: {
    key: "physicalActivity",
    profile: "klgateway-children-physical-activity",
    code: "b331fe02-a781-4abd-b6db-9331d6a69b15",
    display: "Fysisk aktivitet",
    subject: "child",
    values: [
      { code: "05086dad-8718-4a6c-b096-54c7101d0b2c", display: "Fysisk aktiv", grade: "normal" },
      { code: "2effe989-0cc3-4dce-ad93-9f6503b91eaa", display: "Moderat fysisk aktiv", grade: "potential" },
      { code: "38f72570-630f-40c6-8a60-cf2e1bddc8eb", display: "Meget stillesiddende aktivitet", grade: "problem" },
      { code: "2ef19cdf-f6e6-4b2c-aaef-f466e33cf261", display: "Overdreven motion", grade: "problem" },
    ],
  },
  hearing: {
    key: "hearing",
    profile: "klgateway-children-hearing",
    code: "a22c4b53-b622-4394-ba13-910a7b0d7b0d",
    display: "Hørelse",
    subject: "child",
    values: [
      { code: "9628db65-7460-4ecc-bbb1-48c0ac4b3f02", display: "Normal hørelse", grade: "normal" },
      { code: "c4c79311-ba80-4890-9008-c2f62ab00eda", display: "Potentielt problem med hørelse", grade: "potential" },
      { code: "4d4b20b6-0159-4014-ac1c-46a7a860b204", display: "Allerede kendt høreproblematik", grade: "problem" },
    ],
  },
  sight: {
    key: "sight",
    profile: "klgateway-children-sight",
    code: "01fddd46-ed7c-423d-b191-ffdd977dd61e",
    display: "Syn",
    subject: "child",
    values: [
      { code: "bdcb835d-6ef6-4c4f-9fdf-94c3ebd17182", display: "Normalt syn", grade: "normal" },
      { code: "0896610c-1322-44f2-836c-774de52fc3f1", display: "Potentielt problem med syn", grade: "potential" },
      { code: "e489119b-de75-47cc-a53b-6ba90ed2c7e8", display: "Allerede kendt synsproblematik", grade: "problem" },
    ],
  },
  passiveSmoking: {
    key: "passiveSmoking",
    profile: "klgateway-children-passive-smoking",
    code: "28972d4b-fea3-42ec-b2a5-e2a26f79b14d",
    display: "Passiv rygning",
    subject: "child",
    values: [
      { code: "b54723cf-3114-4119-b1cb-28107a283a99", display: "Ikke udsat for tobaksrøg", grade: "normal" },
      { code: "5bc59698-bdf9-48db-ab97-20c43d7ff4f1", display: "Udsat for tobaksrøg", grade: "problem" },
    ],
  },
  nicotine: {
    key: "nicotine",
    profile: "klgateway-children-nicotine",
    code: "76891f7b-cf49-4cb2-88d6-728a509eb75d",
    display: "Brug af nikotin",
    subject: "child",
    values: [
      { code: "a7a53cfd-c7bb-4573-a4ae-2eb18e3dda1f", display: "Ikke prøvet nikotin", grade: "normal" },
      { code: "fd145ea6-b7de-466c-9053-8b4a0be960ac", display: "Har prøvet nikotin", grade: "potential" },
      { code: "cfe9150e-380e-4ce3-a120-2e2b227c8b9f", display: "Bruger nikotin", grade: "problem" },
    ],
  },
};

/** First value of the given grade (the indicator's normal / potential / problem code). */
export function indicatorValue(key: IndicatorKey, grade: Grade, alt = 0): Code {
  const vals = INDICATORS[key].values.filter((v) => v.grade === grade);
  const v = vals[Math.min(alt, vals.length - 1)] ?? INDICATORS[key].values[0]!;
  return { code: v.code, display: v.display };
}

export const WEIGHT_CODES = {
  snomed: { code: "27113001", display: "Body weight" },
  loinc: { code: "29463-7" },
};
export const HEIGHT_CODES = {
  any: { code: "1153637007", display: "Body height (observable entity)" },
  standing: { code: "248333004", display: "Standing height" },
  recumbent: { code: "1149101003", display: "Recumbent body height (observable entity)" },
  loinc: { code: "8302-2" },
};
export const HEAD_CODES = {
  snomed: { code: "363812007", display: "Head circumference" },
  loinc: { code: "9843-4", display: "Head Occipital-frontal circumference" },
};
export const FEEDING_CODE = { code: "e61e4dab-54bb-4bf4-9b76-8d991cf4de08", display: "Ernæring" };
export const FEEDING_SNOMED = { code: "169740003", display: "Infant feeding method" };
export const EXAM_RESULT_CODE = { code: "363788007" };

export type FeedingKey = "full" | "predominant" | "partial" | "formula" | "family";
export const FEEDING: Record<FeedingKey, Code> = {
  full: { code: "77a008dd-21cc-452f-a1ee-ac8d025b7817", display: "Fuldamning, inklusiv modermælk på flaske" },
  predominant: { code: "0a993974-e314-4f76-8c80-c3770fdefe37", display: "Ammes primært" },
  partial: { code: "3edc905c-2830-442a-98cc-463cc3701dd1", display: "Ammes som supplement til anden kost" },
  formula: { code: "dfab6d07-b1b6-4210-ac8a-b8a0d095c8ab", display: "Modermælkserstatning og/eller overgangskost" },
  family: { code: "5101d1ac-b96f-4dd9-a42e-e3f765f747e1", display: "Udelukkende familiens mad" },
};

/** Need-based interventions (KLHealthNurseInterventions) the generator uses. */
export const INTERVENTION = {
  contactGuidance: { code: "b3de92ea-ac5e-4f87-809e-a9e40b59cc34", display: "Vejledning i kontakt, samspil og barnets behov" },
  specialNeedsGuidance: { code: "ab058b70-6557-4844-957b-a16d71ea46f3", display: "Vejledning til forældre, hvor barnet har særlige behov" },
  holisticContact: { code: "7f6488a9-f01c-4776-973c-846fdca75acc", display: "Helhedsindsats med fokus på kontakt og samspil" },
  safety: { code: "d7985f9a-b714-4bbd-a116-75f7a55504ba", display: "Tryghedsindsats" },
  parentGroupMental: { code: "e535fc78-ce61-4f97-b717-5901d5330ca9", display: "Forældregruppe, hvor forælder har psykisk reaktion" },
  mentalSupport: { code: "8af7f611-2bae-4ba5-923a-d748501d1ad3", display: "Støtte ved psykisk reaktion eller sårbarhed" },
  mentalSupportHolistic: { code: "cf5d4171-eb86-4bca-afe6-5ded5b1107ee", display: "Støtte ved psykisk reaktion eller sårbarhed som del af helhedsindsats" },
  weightGuidance: { code: "8e557f2c-43a6-4b5a-bfac-2cd78bad4c25", display: "Opsporing og vejledning ved vigende vægt/vækst" },
  breastfeeding: { code: "712ef286-161c-4b9d-b2b9-b43e3f432646", display: "Ammeindsats" },
  physicalHealthOther: { code: "2d9d7a6b-0d8c-4202-9434-876a1a6833b8", display: "Øvrig vejledning om fysisk sundhed" },
  schoolSafety: { code: "c3100c9e-636e-4249-bc9a-b70644c04972", display: "Tryghedsindsats" },
  schoolWellbeing: { code: "260a3000-9af0-4cc5-ae3a-cc90683772a5", display: "Opsporing og vejledning ved trivselsproblem" },
  schoolOverweight: { code: "b45c3d0e-7d19-4c75-bdf1-fe838b439b86", display: "Opsporing og vejledning ved overvægt" },
  schoolSightHearing: { code: "4f247b6f-e937-42b8-a82b-be1a12405ad0", display: "Opsporing af potentiel syns- eller hørenedsættelse" },
  schoolExcretion: { code: "bc2fc09c-594b-40f5-bfd4-b4da0307fb64", display: "Vejledning ved udskillelsesproblematik" },
  schoolHealthOther: { code: "79691b19-c141-4979-a95c-5dc719ad1fd7", display: "Øvrig vejledning om sundhed og sundhedsadfærd" },
  gpReferral: { code: "d2a33ec9-5f61-4cf5-b4d1-c99df83e4c9b", display: "Henvisning til praktiserende læge" },
  gpRecommendation: { code: "b708c983-0bb8-4303-a442-9af4c8b950bb", display: "Anbefaling af kontakt til praktiserende læge" },
  socialNotification: { code: "11bae71b-89f5-4903-ab59-c516e638b44a", display: "Underretning til kommunale socialområde" },
} as const satisfies Record<string, Code>;

/** Conditions (KLHealthNurseConditions) used as intervention reasons. */
export const CONDITION = {
  mentalReaction: { code: "f86c2526-3b04-454c-a99e-d350f699dc94", display: "Psykisk reaktion" },
  vulnerability: { code: "2461e246-b75c-46bb-b6ad-c68d529ace7e", display: "Sårbarhed" },
  sparseNetwork: { code: "983ff338-2e77-413d-b157-66d0141a4a96", display: "Sparsomt netværk" },
  socialContact: { code: "e1c1674c-9384-4d95-999f-763f3868f444", display: "Udfordring i social kontakt" },
  relationship: { code: "80aa0dab-aa41-45b1-a2cc-16d7e3733fdd", display: "Udfordring i forældre-barn-relation" },
  communication: { code: "d9f00ad4-4305-4bd0-aedf-2e51bef602e2", display: "Udfordring med kommunikation" },
  sleep: { code: "c25b5cda-3f6b-4ef7-998d-c22c58c6dd18", display: "Udfordring med søvn" },
  motor: { code: "aeade013-b14a-4ad3-80da-66742782411e", display: "Udfordring med motorik" },
  diet: { code: "019e3a2d-775c-4660-8183-75206b47048f", display: "Problem med kost" },
  sedentary: { code: "38f72570-630f-40c6-8a60-cf2e1bddc8eb", display: "Meget stillesiddende aktivitet" },
  hearingPotential: { code: "c4c79311-ba80-4890-9008-c2f62ab00eda", display: "Potentielt problem med hørelse" },
  sightPotential: { code: "0896610c-1322-44f2-836c-774de52fc3f1", display: "Potentielt problem med syn" },
  tobaccoSmoke: { code: "5bc59698-bdf9-48db-ab97-20c43d7ff4f1", display: "Udsat for tobaksrøg" },
  nicotineUse: { code: "cfe9150e-380e-4ce3-a120-2e2b227c8b9f", display: "Bruger nikotin" },
  fallingWeight: { code: "3c8735c2-f599-44ea-840d-a0d09db4ce2b", display: "Vigende vægt" },
  overweight: { code: "8bb204b0-9d83-4562-bcde-aea7aee78e34", display: "Overvægt" },
  breastfeedingChallenge: { code: "4813e65d-4d24-4c82-8f17-ce9f084bb970", display: "Udfordring med amning" },
  depressedMood: { code: "fc3d65d1-1509-47ef-8845-60adea5d7a65", display: "Nedtrykthed" },
  anxious: { code: "7820eaa8-72e0-4f4b-8da7-ddcd74f50c3a", display: "Overbekymret/angst" },
} as const satisfies Record<string, Code>;

/** Optional exam-result findings (ExamResults value set) that may accompany a non-normal indicator. */
export const FINDINGS: Partial<Record<IndicatorKey | "feeding", Code[]>> = {
  parentMental: [
    { code: "fc3d65d1-1509-47ef-8845-60adea5d7a65", display: "Nedtrykthed" },
    { code: "1050e706-b685-4310-9194-89c6d8903865", display: "Nedsat energi/øget træthed" },
    { code: "7820eaa8-72e0-4f4b-8da7-ddcd74f50c3a", display: "Overbekymret/angst" },
    { code: "b2fcb139-2e61-480e-96f5-5a7cea82be4c", display: "Nedsat lyst/interesse" },
  ],
  parentSocial: [
    { code: "de666a03-1211-4d75-b416-8c8785a40a4b", display: "Problem med økonomi" },
    { code: "15fc2e8e-b27b-4957-be98-954c1bc318a3", display: "Konflikt med den anden forælder" },
    { code: "7acf5936-6640-44a7-af6d-b20c7607dcfe", display: "Traumatiske oplevelser" },
    { code: "577d33d5-2eff-47ba-b5d0-c4438b8f49c0", display: "Dårlig fødselsoplevelse med dette barn" },
    { code: "d126c096-30f0-49c0-8d15-7a50c888d50b", display: "Sygdom eller handicap" },
  ],
  relationship: [
    { code: "d3fc57b7-3a5d-4f69-bcb0-bdb8363650eb", display: "Udfordring i forældre-barn samspil" },
    { code: "00a9f897-f784-4164-966c-eba94171ec82", display: "Uforudsigelighed" },
    { code: "fc4b6e6d-a055-49bf-adab-474e0a810675", display: "Aktiviteter ikke afpasset" },
  ],
  socialInteraction: [
    { code: "e818645e-47a7-4125-a579-a68f556b7344", display: "Græder meget" },
    { code: "bfd18100-d007-4465-95ce-5bf2ac8bc091", display: "Afvigende øjenkontakt" },
    { code: "0ec86d42-83b9-4d2d-b56a-f6d352b58ccf", display: "Følelsesmæssigt nedtonet" },
  ],
  communication: [
    { code: "37bfe2f5-bdd2-42b0-a1c9-4787860ce624", display: "Udfordring med gensidig kommunikation" },
    { code: "355959ff-6122-4e23-9b69-835f739dd42d", display: "Udfordring med sprogligt udtryk" },
  ],
  sleep: [
    { code: "39dedc66-fe8a-45bb-ad05-e1dee689428a", display: "Usammenhængende søvn" },
    { code: "c684526e-a922-4bba-936e-3741b51ae1a4", display: "Lang indsovning" },
    { code: "a6808e88-8740-48a2-b67e-0ae6daf7aee2", display: "Ustabil døgnrytme" },
  ],
  feeding: [
    { code: "4813e65d-4d24-4c82-8f17-ce9f084bb970", display: "Udfordring med amning" },
    { code: "b887a387-c630-43a0-96a3-2b5c7c84e043", display: "Gylper meget/kaster meget op" },
  ],
  nutrition: [
    { code: "07abb1dd-4853-4c3c-8fab-ebe89c10dbc8", display: "Springer måltider over" },
    { code: "02788248-f5cf-4d87-99c7-d89fba446255", display: "Selektivt madvalg" },
  ],
  physicalActivity: [{ code: "ae2192f1-cade-4d71-9321-fa79b6356a09", display: "Stressfølelse" }],
  nicotine: [{ code: "9028ce3b-678c-483e-8e1a-336dde907767", display: "Risikoadfærd, alkohol" }],
};

/** Self-rated well-being findings sometimes recorded at school examinations. */
export const SCHOOL_WELLBEING: Code[] = [
  { code: "1ff97bed-f371-4db6-8556-7ec7bfec2274", display: "Trist" },
  { code: "19b79e85-8259-4aba-a0a9-3f492fd6aa04", display: "Mangler venskaber" },
  { code: "772f3089-9742-4b3e-8d12-662a66bebfef", display: "Udsat for mobning" },
  { code: "178e96b1-35a4-412c-9525-0b0112fd6984", display: "Bekymrede tanker" },
  { code: "54f42eb5-18f9-4e82-98e0-1c83988189b9", display: "Naturininkontinens" },
];

/** Mandatory-observation keys: the 14 indicators plus the three measurements and feeding. */
export type ObsKey = IndicatorKey | "weight" | "height" | "head" | "feeding";

/** The guide's invariant id that enforces a mandatory observation (feeding and nutrition share one). */
export const INVARIANT_FOR: Record<ObsKey, string> = {
  parentMental: "gateway-children-report-parent-mental-state",
  parentSocial: "gateway-children-report-parent-social-status",
  network: "gateway-children-report-support-network",
  relationship: "gateway-children-report-parent-relationship",
  socialInteraction: "gateway-children-report-social-interaction",
  communication: "gateway-children-report-communication",
  sleep: "gateway-children-report-sleep",
  motor: "gateway-children-report-motor-function",
  nutrition: "gateway-children-report-nutrition",
  feeding: "gateway-children-report-nutrition",
  physicalActivity: "gateway-children-report-physical-activity",
  hearing: "gateway-children-report-hearing",
  sight: "gateway-children-report-sight",
  passiveSmoking: "gateway-children-report-passive-smoking",
  nicotine: "gateway-children-report-nicotine",
  weight: "gateway-children-report-weight",
  height: "gateway-children-report-height",
  head: "gateway-children-report-head-circumference",
};

/** The observation code(s) an invariant looks for. */
export const INVARIANT_CODES: Record<ObsKey, string[]> = {
  parentMental: [INDICATORS.parentMental.code],
  parentSocial: [INDICATORS.parentSocial.code],
  network: [INDICATORS.network.code],
  relationship: [INDICATORS.relationship.code],
  socialInteraction: [INDICATORS.socialInteraction.code],
  communication: [INDICATORS.communication.code],
  sleep: [INDICATORS.sleep.code],
  motor: [INDICATORS.sleep.code], // the published rule is defective: it tests the sleep code
  nutrition: [FEEDING_CODE.code],
  feeding: [FEEDING_CODE.code],
  physicalActivity: [INDICATORS.physicalActivity.code],
  hearing: [INDICATORS.hearing.code],
  sight: [INDICATORS.sight.code],
  passiveSmoking: [INDICATORS.passiveSmoking.code],
  nicotine: [INDICATORS.nicotine.code],
  weight: [WEIGHT_CODES.snomed.code],
  height: [HEIGHT_CODES.any.code, HEIGHT_CODES.standing.code, HEIGHT_CODES.recumbent.code],
  head: [HEAD_CODES.snomed.code],
};

export interface VisitProgramme {
  /** Mandatory per the guide's index table (what a complete visit documents). */
  table: ObsKey[];
  /** Enforced by the published invariants (a face-to-face visit without one is rejected). */
  enforced: ObsKey[];
}

/** mandatory-observations.json, per standard visit. */
export const PROGRAMME: Partial<Record<VisitKind, VisitProgramme>> = {
  pregnancy: { table: ["parentMental", "network", "parentSocial"], enforced: ["parentMental", "parentSocial", "network"] },
  postnatal: { table: ["relationship", "weight", "feeding"], enforced: ["relationship", "weight", "feeding"] },
  establishment: {
    table: ["network", "parentSocial", "relationship", "weight", "height", "head", "passiveSmoking", "feeding"],
    enforced: ["parentSocial", "network", "relationship", "weight", "height", "head", "passiveSmoking", "feeding"],
  },
  second: {
    table: ["relationship", "weight", "height", "head", "feeding"],
    enforced: ["relationship", "weight", "height", "head", "feeding", "communication"],
  },
  m2: {
    table: ["parentMental", "socialInteraction", "relationship", "weight", "height", "head", "feeding", "communication", "sleep", "motor"],
    enforced: ["parentMental", "socialInteraction", "relationship", "weight", "height", "head", "feeding", "communication", "sleep"],
  },
  m4: {
    table: ["socialInteraction", "relationship", "weight", "height", "head", "feeding", "communication", "sleep", "motor"],
    enforced: ["socialInteraction", "relationship", "weight", "height", "head", "feeding", "communication", "sleep"],
  },
  m8: {
    table: ["socialInteraction", "relationship", "weight", "height", "head", "feeding", "communication", "sleep", "motor"],
    enforced: ["socialInteraction", "weight", "height", "head", "feeding", "communication", "sleep"],
  },
  schoolEntry: {
    table: ["socialInteraction", "weight", "height", "nutrition", "communication", "sleep", "motor", "physicalActivity", "hearing", "sight"],
    enforced: ["socialInteraction", "weight", "height", "nutrition", "communication", "sleep", "physicalActivity", "hearing", "sight"],
  },
  schoolMiddle: { table: ["weight", "height"], enforced: ["weight", "height"] },
  schoolExit: {
    table: ["socialInteraction", "weight", "height", "nutrition", "nicotine", "communication", "sleep", "physicalActivity", "hearing", "sight"],
    enforced: ["socialInteraction", "weight", "height", "nicotine", "nutrition", "communication", "sleep", "physicalActivity", "hearing", "sight"],
  },
};

/** All observations a visit documents: table ∪ enforced (the communication rule at "Andet besøg" is enforced although not in the table). */
export function visitObservations(kind: VisitKind): ObsKey[] {
  const p = PROGRAMME[kind];
  if (!p) return [];
  const out: ObsKey[] = [...p.table];
  for (const k of p.enforced) if (!out.includes(k)) out.push(k);
  return out;
}
