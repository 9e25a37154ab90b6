import { readFileSync } from 'node:fs';
import { alignDocuments } from '../../../core/align/align';
const r = (n: string) => readFileSync(`/work/main/seeds/${require('node:fs').readdirSync('/work/main/seeds').find((f: string) => f.startsWith(n))}`, 'utf8');
for (const [x, y] of [['000', '001'], ['002', '004']]) {
  const a = r(x), b = r(y);
  const al = alignDocuments(a, b);
  console.log(`==== ${x} vs ${y}`);
  for (const p of al.pairs) console.log(p.id, p.kind, p.score.toFixed(2), '\n  A:', JSON.stringify(a.slice(p.a.start, p.a.end)).slice(0, 150), '\n  B:', JSON.stringify(b.slice(p.b.start, p.b.end)).slice(0, 150));
  console.log('onlyA', al.onlyA.map((s) => a.slice(s.start, s.end).slice(0, 80)));
  console.log('onlyB', al.onlyB.map((s) => b.slice(s.start, s.end).slice(0, 80)));
}
