// The export dialog's format choice: JSON Lines as Prodigy/spaCy or doccano
// read it (streamed straight to the file), or another tool's own format,
// which main converts the same records into (main/services/converted-export.ts).
import {
  isOutputFileFormat,
  OUTPUT_FILE_FORMATS,
  OUTPUT_FORMAT_INFO,
  type OutputFileFormat,
} from '../../core/formats/output-formats';
import type { JsonlFormat } from '../../core/jsonl/records';
import { h } from '../dom';
import { radio } from './io-choice';

export interface ChosenFormat {
  format: JsonlFormat;
  target?: OutputFileFormat;
}

export function formatFieldset(): HTMLFieldSetElement {
  return h(
    'fieldset',
    { class: 'io-fieldset io-formats' },
    h('legend', {}, 'Format'),
    radio(
      'format',
      'prodigy',
      true,
      'Prodigy / spaCy',
      'JSON Lines: spans with start, end, label and text; relations; name, status and source in "meta"',
    ),
    radio('format', 'doccano', false, 'doccano', 'JSON Lines: a "label" list of [start, end, label] triples'),
    ...OUTPUT_FILE_FORMATS.map((f) =>
      radio('format', f, false, OUTPUT_FORMAT_INFO[f].title, OUTPUT_FORMAT_INFO[f].detail),
    ),
  );
}

export function chosenFormat(fieldset: HTMLElement): ChosenFormat {
  const value = (fieldset.querySelector('input[name="format"]:checked') as HTMLInputElement | null)?.value ?? 'prodigy';
  if (isOutputFileFormat(value)) return { format: 'prodigy', target: value };
  return { format: value === 'doccano' ? 'doccano' : 'prodigy' };
}
