import cliProgress from 'cli-progress';

/**
 * A progress bar on stderr (cli-progress: it redraws in place on a terminal and, when stderr is
 * not one, as in CI logs, prints nothing until the end rather than a line per redraw).
 */
export function progressBar(label: string): {
  update: (done: number, total: number) => void;
  stop: () => void;
} {
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} {bar} {percentage}% | {value}/{total} rows | {duration_formatted} | eta {eta_formatted}`,
      stream: process.stderr,
      noTTYOutput: false,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total) {
      if (!started) {
        bar.start(total, done);
        started = true;
      } else {
        bar.setTotal(total);
        bar.update(done);
      }
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
