/** The values a list page dropped from its address (lib/views/search-params.ts parseLenientFilter), each with its problem. */
export function FilterProblems({ problems }: { problems: readonly string[] }) {
  if (problems.length === 0) return null;
  return (
    <div className="notice notice--error" role="alert">
      <p>Dele af søgningen blev ikke brugt:</p>
      <ul>
        {problems.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
    </div>
  );
}
