/** The public address of the site (NEXTAUTH_URL), for the permanent links and the link addresses a printed report shows. */
export function siteUrl(): string {
  return (process.env.NEXTAUTH_URL ?? "").replace(/\/+$/, "");
}
