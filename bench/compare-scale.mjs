// `node --import tsx bench/compare-scale.mjs <before.js> <after.js> [rounds]`: the `scale` part for two builds of
// the script-tag file taking turns (before, after, before, after…), so that both see the same machine load. Prints
// each round's medians at 1× and 4× CPU. Copy dist/esim-renewal.js aside before a change to have a "before".
import { scale } from './scale.mjs';

const [before, after, rounds = '2'] = process.argv.slice(2);
if (!before || !after) {
  console.error('usage: bench/compare-scale.mjs <before.js> <after.js> [rounds]');
  process.exit(2);
}
for (let round = 1; round <= Number(rounds); round += 1) {
  for (const [name, script] of [['before', before], ['after', after]]) {
    const { data } = await scale({ repeats: 9, rates: [1, 4], script });
    for (const [rate, { medianMs }] of Object.entries(data.byRate)) {
      const cells = Object.entries(medianMs).map(([step, value]) => `${step} ${value.toFixed(1)}`);
      console.log(`round ${round} ${name.padEnd(6)} ${rate}×: ${cells.join(', ')} ms`);
    }
  }
}
