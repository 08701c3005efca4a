/** Plain notice for an area of the product that is planned but not built yet. */
export function NotBuilt({ title, what }: { title: string; what: string }) {
  return (
    <>
      <h1>{title}</h1>
      <p className="notice" role="status">
        Denne side er endnu ikke bygget. Her kommer: {what}
      </p>
    </>
  );
}
