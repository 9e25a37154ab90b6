// Python reading the relations the app exports, in each format, back as
// [head text, label, child text] rows by slicing each text with the exported
// offsets (code points, as Python counts them): what a consumer of the export
// would see. For tests/e2e/chromium/relations.test.ts.
import { spawnSync } from 'node:child_process';

// Prodigy (head/child token indexes and their spans) and doccano (entities and relations by id).
const JSONL_PY = `
import json, sys
out = []
for line in open(sys.argv[1], encoding="utf-8"):
    rec = json.loads(line)
    t = rec["text"]
    if "tokens" in rec:
        for r in rec.get("relations", []):
            h, c = r["head_span"], r["child_span"]
            assert rec["tokens"][r["head"]]["end"] == h["end"] and rec["tokens"][r["child"]]["end"] == c["end"]
            out.append([t[h["start"]:h["end"]], r["label"], t[c["start"]:c["end"]]])
    elif "entities" in rec:
        ents = {e["id"]: e for e in rec["entities"]}
        for r in rec["relations"]:
            h, c = ents[r["from_id"]], ents[r["to_id"]]
            out.append([t[h["start_offset"]:h["end_offset"]], r["type"], t[c["start_offset"]:c["end_offset"]]])
print(json.dumps(sorted(out)))
`;

// brat: T lines give code-point offsets into the .txt beside them; R lines name their ends' T ids.
const BRAT_PY = `
import json, os, sys
out = []
for name in sorted(os.listdir(sys.argv[1])):
    if not name.endswith(".ann"): continue
    text = open(os.path.join(sys.argv[1], name[:-4] + ".txt"), encoding="utf-8", newline="").read()
    spans, rels = {}, []
    for line in open(os.path.join(sys.argv[1], name), encoding="utf-8", newline=""):
        parts = line.rstrip("\\n").split("\\t")
        if parts[0].startswith("T"):
            label, start, end = parts[1].split(" ")
            assert text[int(start):int(end)] == parts[2], (name, parts)
            spans[parts[0]] = parts[2]
        elif parts[0].startswith("R"):
            label, a1, a2 = parts[1].split(" ")
            rels.append([a1.split(":")[1], label, a2.split(":")[1]])
    out += [[spans[h], label, spans[c]] for h, label, c in rels]
print(json.dumps(sorted(out)))
`;

// Label Studio: regions carry value.start/end (code points) and an id; relations name regions by from_id/to_id.
const STUDIO_PY = `
import json, sys
out = []
for task in json.load(open(sys.argv[1], encoding="utf-8")):
    t = task["data"]["text"]
    for ann in task.get("annotations", []):
        regions = {r["id"]: r for r in ann["result"] if r.get("type") == "labels"}
        for r in regions.values():
            assert t[r["value"]["start"]:r["value"]["end"]] == r["value"]["text"]
        for r in ann["result"]:
            if r.get("type") == "relation":
                h, c = regions[r["from_id"]]["value"], regions[r["to_id"]]["value"]
                out.append([t[h["start"]:h["end"]], r["labels"][0], t[c["start"]:c["end"]]])
print(json.dumps(sorted(out)))
`;

/** Runs one of the readers above on `target` and returns its sorted [head text, label, child text] rows. */
function pythonRead(script: string, target: string): string[][] {
  const run = spawnSync('python3', ['-c', script, target], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout);
}

/** Relations of a Prodigy or doccano JSONL export, as Python reads them. */
export const relationsInJsonl = (file: string): string[][] => pythonRead(JSONL_PY, file);

/** Relations of a brat export folder (.txt and .ann side by side), as Python reads them. */
export const relationsInBrat = (folder: string): string[][] => pythonRead(BRAT_PY, folder);

/** Relations of a Label Studio JSON export, as Python reads them. */
export const relationsInLabelStudio = (file: string): string[][] => pythonRead(STUDIO_PY, file);
