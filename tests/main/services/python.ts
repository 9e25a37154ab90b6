// Runs the check a Python user would: every span of every line satisfies
// text[start:end] == span["text"] (code point indices).
import { spawnSync } from 'node:child_process';

export const hasPython = spawnSync('python3', ['--version']).status === 0;

export function noteIfNoPython(): void {
  if (!hasPython) console.log('python3 not found: the Python offset check is SKIPPED (not counted as passed)');
}

const SCRIPT = `
import json, sys
n = 0
with open(sys.argv[1], encoding="utf-8") as f:
    for i, line in enumerate(f, 1):
        rec = json.loads(line)
        text = rec["text"]
        spans = rec.get("spans")
        if spans is None:
            spans = [{"start": s, "end": e, "label": l, "text": None} for s, e, l in rec.get("label", [])]
        for sp in spans:
            assert 0 <= sp["start"] <= sp["end"] <= len(text), (i, sp)
            if sp["text"] is not None:
                assert text[sp["start"]:sp["end"]] == sp["text"], (i, sp, text[sp["start"]:sp["end"]])
            n += 1
print(n)
`;

/** Number of spans checked; throws with Python's message when one fails. */
export function pythonCheck(file: string): number {
  const run = spawnSync('python3', ['-c', SCRIPT, file], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`python check failed: ${run.stderr}`);
  return Number(run.stdout.trim());
}
