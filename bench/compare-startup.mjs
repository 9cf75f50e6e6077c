// `node --import tsx bench/compare-startup.mjs <before-dist> <after-dist> [rounds]`: the `startup` part's page of
// ours for two builds taking turns (before, after, before, after…), so that both see the same machine load. Prints
// each round's medians at 1× and 4× CPU and the median of the rounds. Copy dist/ aside before a change to have a
// "before" (`cp -r dist /tmp/before-dist`).
import { startup } from './startup.mjs';
import { median } from './lib/table.mjs';

const [before, after, rounds = '3'] = process.argv.slice(2);
if (!before || !after) {
  console.error('usage: bench/compare-startup.mjs <before-dist> <after-dist> [rounds]');
  process.exit(2);
}
const KEYS = ['readyMs', 'mainThreadMs', 'afterAnswersMs', 'planClickMs', 'renewClickMs'];
const seen = {};
for (let round = 1; round <= Number(rounds); round += 1) {
  for (const [name, dist] of [['before', before], ['after', after]]) {
    const { data } = await startup({ runs: 5, traceRuns: 3, profileRuns: 0, dist, subjects: ['ours'] });
    for (const [rate, { ours }] of Object.entries(data)) {
      const cells = KEYS.map((key) => {
        ((seen[`${name} ${rate}×`] ??= {})[key] ??= []).push(ours[key]);
        return `${key} ${ours[key]?.toFixed(1)}`;
      });
      console.log(`round ${round} ${name.padEnd(6)} ${rate}×: ${cells.join(', ')}`);
    }
  }
}
for (const [who, byKey] of Object.entries(seen)) {
  console.log(`median ${who.padEnd(10)}: ${KEYS.map((key) => `${key} ${median(byKey[key]).toFixed(1)}`).join(', ')}`);
}
