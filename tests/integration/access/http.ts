/** Small HTTP helpers shared by the matrix and the fuzz test. */

/** Runs `fn` over `items` with at most `limit` at a time (modest concurrency: the machine is shared). */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** Whether an error body gives away internals: a stack trace, file paths, SQL or driver/ORM errors. */
export function leaksInternals(body: string): boolean {
  return /\bat \S+ \(|\/node_modules\/|\.tsx?:\d+|\b(SELECT|INSERT|UPDATE|DELETE)\s.+\s(FROM|INTO|SET|WHERE)\b|syntax error at or near|violates .* constraint|relation "\w+"|Prisma|PrismaClient|ECONNREFUSED|TypeError|ReferenceError|SyntaxError: /i.test(body);
}

/**
 * The body of an answer as text – except a delivered PDF (the annual report's, tens of MB): its status and type are
 * what the access tests check, so it is not downloaded (on a shared machine, concurrent downloads of it time out).
 */
export async function bodyText(res: Response): Promise<string> {
  if (res.ok && (res.headers.get("content-type") ?? "").startsWith("application/pdf")) {
    await res.body?.cancel();
    return "";
  }
  return res.text();
}
