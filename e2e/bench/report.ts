import { cpus, totalmem } from 'node:os';
import { writeFileSync } from 'node:fs';

export interface BenchSection {
  title: string;
  goal: string;
  /** Markdown table rows (without header) and a verdict line. */
  table: string[];
  header: string;
  verdict: string;
  notes?: string;
}

export function machine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  return `${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}, ${process.platform}`;
}

/** BENCHMARKS.md is rewritten whole by every `npm run bench`: every figure in it comes from one run. */
export function writeReport(file: string, sections: readonly BenchSection[]): void {
  const lines = [
    '# Benchmarks',
    '',
    `Written by \`npm run bench\` on ${new Date().toISOString()}.`,
    `Machine: ${machine()}.`,
    'Each figure is measured side by side with its baseline in the same run; ratios compare the two.',
    '',
  ];
  for (const s of sections) {
    lines.push(`## ${s.title}`, '', `Goal: ${s.goal}`, '', s.header, `|${s.header.split('|').slice(1, -1).map(() => '---').join('|')}|`, ...s.table, '', `**${s.verdict}**`, '');
    if (s.notes) lines.push(s.notes, '');
  }
  writeFileSync(file, lines.join('\n'));
}
