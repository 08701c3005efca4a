/** FBOE codes the indicator definitions use (facts in shared/reference/fbu/terminology.json). */
export const VISIT = {
  graviditet: "d3c00541-f1d3-4c43-b5fc-16e8914ca1df",
  barsel: "7d35a193-e808-4e77-b361-6c0d114d021f",
  etablering: "b4bf6058-502a-4d64-bb8e-369661f43b47",
  andetFoersteMaaned: "563c4174-f451-4c87-8db8-8d5472ca7ff6",
  toMaaneder: "51f30d1c-d60e-4e3e-ac22-ec9712ea962d",
  fireSeksMaaneder: "58ff370b-a775-4bec-b24a-91604e0a5fe7",
  otteElleveMaaneder: "3f3e6489-31bd-44cf-9920-3c632868feb7",
  behovSmaaboern: "4b039ba1-4005-42e6-b672-09b81ad7578a",
  forebyggendeSmaaboern: "b30f139c-fac5-416e-b84a-a3429f0222c2",
  indskoling: "c06ed6f1-be9d-460e-a45e-34821bcbd533",
  mellemtrin: "d01bcb90-2b29-44f4-834c-191d6dd4a08a",
  udskoling: "dd766967-4d02-4c17-8ed3-021852785fdf",
  behovSkole: "606c6585-444b-4ecd-885c-2ee59dc33f32",
  forebyggendeSkole: "17f5f9fa-3e1c-42fe-9ef3-178bc7900f67",
} as const;

export const OBSERVATION = {
  parentMentalState: "2c39af9f-8e45-4c88-962f-e7a9e2cd31b6",
  motorFunction: "e04f2ca1-888a-4671-a97a-371b525cd2a3",
  feeding: "e61e4dab-54bb-4bf4-9b76-8d991cf4de08",
} as const;

export const VALUE = {
  /** "Fuldamning, inklusiv modermælk på flaske" */
  fullBreastfeeding: "77a008dd-21cc-452f-a1ee-ac8d025b7817",
  /** "Psykisk reaktion" (problem) on the parent-mental-state indicator */
  parentMentalProblem: "f86c2526-3b04-454c-a99e-d350f699dc94",
  /** "Alderssvarende motorik" (normal) */
  motorNormal: "d5b876e1-a86c-4768-b46d-cd795eaa89e4",
} as const;

/** The four universal visits of the first year counted by LDBU-09. */
export const UNIVERSAL_YEAR_ONE = [VISIT.etablering, VISIT.toMaaneder, VISIT.fireSeksMaaneder, VISIT.otteElleveMaaneder] as const;
