/** Progress lines for long-running commands: in place on a terminal, every few seconds otherwise. */
export function progress(label: string, interval = 3000) {
  const start = Date.now();
  let last = 0;
  const tty = process.stderr.isTTY;
  return {
    update(text: string, force = false) {
      const now = Date.now();
      if (!force && now - last < (tty ? 200 : interval)) return;
      last = now;
      const line = `[${label}] ${text} (${((now - start) / 1000).toFixed(1)} s)`;
      process.stderr.write(tty ? `\r\x1b[K${line}` : `${line}\n`);
    },
    done(text: string) {
      const line = `[${label}] ${text} (${((Date.now() - start) / 1000).toFixed(1)} s)`;
      process.stderr.write(tty ? `\r\x1b[K${line}\n` : `${line}\n`);
    },
    elapsed: () => (Date.now() - start) / 1000,
  };
}
