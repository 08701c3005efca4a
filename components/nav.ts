/** The main areas of PRODUCT.md "Views", in navigation order. */
export const NAV_ITEMS = [
  { href: "/", label: "Forside" },
  { href: "/kommuner", label: "Kommuner" },
  { href: "/sammenlign", label: "Sammenlign kommuner" },
  { href: "/udvikling", label: "Udvikling" },
  { href: "/datakomplethed", label: "Datakomplethed" },
  { href: "/fejlliste", label: "Fejlliste" },
  { href: "/aarsrapport", label: "Årsrapport" },
  { href: "/indikatorer", label: "Indikatorbeskrivelser" },
  { href: "/admin", label: "Administration" },
] as const;
