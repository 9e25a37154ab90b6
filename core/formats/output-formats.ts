// The formats other than JSON Lines that the app and `corpus convert` write,
// by name, with what each writes and where. One list, so the export dialog,
// the bridge's argument check and the command line cannot disagree.

export const OUTPUT_FILE_FORMATS = ['brat', 'conll', 'labelstudio', 'w3c', 'hf'] as const;
export type OutputFileFormat = (typeof OUTPUT_FILE_FORMATS)[number];

export const isOutputFileFormat = (v: unknown): v is OutputFileFormat =>
  (OUTPUT_FILE_FORMATS as readonly unknown[]).includes(v);

/** Formats written as a folder of files (one <name>.txt and its annotations a document), as those tools keep them. */
export const FOLDER_FORMATS: ReadonlySet<OutputFileFormat> = new Set(['brat', 'w3c']);

/** What each writes, for the export dialog and the help text. */
export const OUTPUT_FORMAT_INFO: Record<OutputFileFormat, { title: string; detail: string; extension: string }> = {
  brat: {
    title: 'brat standoff',
    detail: 'A folder of <name>.txt + <name>.ann (T spans, R relations, # notes)',
    extension: '',
  },
  conll: {
    title: 'CoNLL (IOB2)',
    detail: 'One token and tag a line, -DOCSTART- between documents',
    extension: '.conll',
  },
  labelstudio: {
    title: 'Label Studio',
    detail: 'A task list (.json) with annotations and relations, and the project’s label config (.xml)',
    extension: '.json',
  },
  w3c: {
    title: 'W3C Web Annotation',
    detail: 'A folder of <name>.txt + <name>.w3c.json (quote and position selectors)',
    extension: '',
  },
  hf: {
    title: 'Hugging Face tokens',
    detail: 'tokens and ner_tags a line, and the label list (.labels.json)',
    extension: '.jsonl',
  },
};
