/** `npm run bench`: starts a real headless OBS, runs every benchmark side by side with its baseline, writes BENCHMARKS.md. */
import path from 'node:path';
import { startHeadlessObs } from '../support/obs-headless.ts';
import { benchClockAgreement } from './clock-agreement.bench.ts';
import { benchFeedThroughput } from './feed-throughput.bench.ts';
import { benchMembers } from './members.bench.ts';
import { benchObsSwitch } from './obs-switch.bench.ts';
import { writeReport, type BenchSection } from './report.ts';

const obs = await startHeadlessObs();
const sections: BenchSection[] = [];
try {
  sections.push(await benchObsSwitch(obs));
} finally {
  await obs.stop();
}
sections.push(await benchClockAgreement());
sections.push(await benchMembers());
sections.push(await benchFeedThroughput());
const file = path.resolve(import.meta.dirname, '../../BENCHMARKS.md');
writeReport(file, sections);
for (const s of sections) console.log(`${s.title}: ${s.verdict}`);
console.log(`Wrote ${file}`);
