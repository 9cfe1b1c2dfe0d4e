// Logs go to stderr, never stdout: stdout carries only the ready line.
export interface Logger {
  debug(msg: string): void;
  info(msg: string): void;
  warn(msg: string): void;
  error(msg: string): void;
}

export function stderrLogger(verbose = process.env.FUDE_BACKEND_DEBUG === '1'): Logger {
  const write = (level: string, msg: string) => process.stderr.write(`${new Date().toISOString()} [${level}] ${msg}\n`);
  return {
    debug: (m) => {
      if (verbose) write('debug', m);
    },
    info: (m) => write('info', m),
    warn: (m) => write('warn', m),
    error: (m) => write('error', m),
  };
}
