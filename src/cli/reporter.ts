import type { Reporter } from '../jobs/context.ts';
import { redact } from '../runtime/redact.ts';

/**
 * Log lines on stdout, warnings on stderr, and a self-overwriting progress line when stderr is a terminal. Lines
 * are redacted: errors of failed requests may quote a URL with credentials in it.
 */
export function terminalReporter(options: { quiet?: boolean } = {}): Reporter {
  const tty = process.stderr.isTTY === true;
  let progressShown = false;
  const clearProgress = (): void => {
    if (progressShown) process.stderr.write('\r\x1b[2K');
    progressShown = false;
  };
  return {
    info(message) {
      clearProgress();
      if (!options.quiet) process.stdout.write(`${redact(message)}\n`);
    },
    warn(message) {
      clearProgress();
      process.stderr.write(`warning: ${redact(message)}\n`);
    },
    progress(label, done, total) {
      if (!tty || total < 2) return;
      if (done >= total) return clearProgress();
      process.stderr.write(`\r\x1b[2K${label} ${done}/${total}`);
      progressShown = true;
    },
  };
}
