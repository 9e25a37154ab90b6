// Deterministic synthetic corpora for benchmarks: the same seed gives the same
// bytes on every machine, so runs can be compared.

/** mulberry32: a small, fast, seedable PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'the minister agreed a plan with partners to tackle organised crime and illegal migration across borders ' +
  'government commitment funding million pounds security cooperation interior ministers summit agreement enforcement ' +
  'France Germany Italy Poland Spain Canada Japan Britain Europe Africa Asia Interpol Europol council commission'
).split(' ');

export function words(random: () => number, count: number): string {
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(WORDS[Math.floor(random() * WORDS.length)]);
  return out.join(' ');
}

/** A text of about `bytes` characters in paragraphs of 40–120 words. */
export function syntheticText(seed: number, bytes: number): string {
  const random = prng(seed);
  const paragraphs: string[] = [];
  let size = 0;
  while (size < bytes) {
    const p = `${words(random, 40 + Math.floor(random() * 80))}.`;
    paragraphs.push(p);
    size += p.length + 2;
  }
  return paragraphs.join('\n\n');
}

/** `count` word-aligned spans over `text`, some overlapping, with the default labels. */
export function syntheticSpans(
  seed: number,
  text: string,
  count: number,
): Array<{ start: number; end: number; label: string }> {
  const random = prng(seed);
  const starts: number[] = [0];
  for (let i = text.indexOf(' '); i !== -1; i = text.indexOf(' ', i + 1)) starts.push(i + 1);
  const labels = ['actor', 'country', 'money', 'commitment'];
  const spans = [];
  for (let i = 0; i < count; i++) {
    const w = Math.floor(random() * (starts.length - 4));
    const end = starts[w + 1 + Math.floor(random() * 3)] - 1;
    spans.push({ start: starts[w], end, label: labels[i % 4] });
  }
  return spans;
}
