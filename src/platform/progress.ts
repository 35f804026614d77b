/** A one-line progress report on stderr for long CLI work (seeding, import, restore). */
export function createProgress(stream: NodeJS.WriteStream = process.stderr) {
  let lastLine = '';
  let lastAt = 0;
  return {
    update(step: string, done: number, total?: number) {
      const now = Date.now();
      const finished = total !== undefined && done >= total;
      if (!finished && now - lastAt < 100) return;
      lastAt = now;
      const pct = total ? ` ${Math.floor((done / total) * 100)}%` : '';
      const line = `  ${step}: ${done}${total ? `/${total}` : ''}${pct}`;
      if (stream.isTTY) stream.write(`\r${line.padEnd(lastLine.length)}`);
      else if (finished || total === undefined) stream.write(`${line}\n`);
      lastLine = line;
    },
    done() { if (stream.isTTY && lastLine) stream.write('\n'); lastLine = ''; },
  };
}
