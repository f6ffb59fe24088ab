/** One line of progress on stderr: redrawn in place on a terminal, one line per step otherwise. */
export function createProgress(stream: NodeJS.WriteStream = process.stderr) {
  let lastStep = '';
  return (step: string, done: number, total: number) => {
    const width = 24;
    const filled = total > 0 ? Math.round((done / total) * width) : width;
    const bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
    const line = `${bar} ${step}: ${done}/${total}`;
    if (stream.isTTY) {
      stream.write(`\r${line}\x1b[K${done >= total ? '\n' : ''}`);
    } else if (step !== lastStep || done >= total) {
      if (done >= total || step !== lastStep) stream.write(`${line}\n`);
    }
    lastStep = step;
  };
}
