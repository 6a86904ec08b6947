/** Minimal leveled logger to stderr; one line per message so supervisors and CI logs stay readable. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export function createLogger(name: string, write: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): Logger {
  const line = (level: string, message: string) => write(`${new Date().toISOString()} ${level} [${name}] ${message}`);
  return {
    info: (m) => line('INFO', m),
    warn: (m) => line('WARN', m),
    error: (m) => line('ERROR', m),
  };
}
