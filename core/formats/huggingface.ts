// Hugging Face token classification (export only): one JSON object a
// sentence, {"id", "tokens": [...], "ner_tags": [ints]}, and the label list
// the integers index (IOB2 names, "O" first), which `datasets` takes as a
// ClassLabel:
//   features = Features({"id": Value("string"), "tokens": Sequence(Value("string")),
//                        "ner_tags": Sequence(ClassLabel(names=label_list))})
//   load_dataset("json", data_files="train.jsonl", features=features)
// Tokens and tags are CoNLL's (core/formats/conll.ts), with the same reports.
import { tagDocument } from './conll';
import type { FormatDocument, FormatProblem } from './document';

export interface HfExport {
  /** JSONL, one sentence a line. */
  rows: string;
  /** IOB2 tag names; ner_tags are indexes into it. */
  labels: string[];
}

/** "O", then B-/I- of every label in sorted order: stable across exports of the same labels. */
export function hfLabelList(docs: readonly FormatDocument[]): string[] {
  const labels = [...new Set(docs.flatMap((d) => (d.spans ?? []).map((s) => s.label)))].sort();
  return ['O', ...labels.flatMap((l) => [`B-${l}`, `I-${l}`])];
}

export function writeHuggingFace(docs: readonly FormatDocument[], problems: FormatProblem[]): HfExport {
  const labels = hfLabelList(docs);
  const index = new Map(labels.map((l, i) => [l, i]));
  const rows: string[] = [];
  docs.forEach((doc, i) => {
    tagDocument(doc, i, problems).forEach((s, si) => {
      rows.push(
        JSON.stringify({
          id: `${doc.id ?? i}-${si}`,
          tokens: s.tokens.map((t) => t.text),
          ner_tags: s.tags.map((t) => index.get(t)!),
        }),
      );
    });
  });
  return { rows: rows.length > 0 ? `${rows.join('\n')}\n` : '', labels };
}
