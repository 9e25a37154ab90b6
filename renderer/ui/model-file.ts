// Saves the learned tagger as a file: a download of its JSON, which the
// command line reads back (`corpus suggest --model model.json`). The page
// makes the file itself (a Blob URL, revoked at once), so no bridge call and
// no file access are needed; Electron shows its own save dialog for it.
import { h } from '../dom';
import type { TaggerTrainer } from '../suggest/tagger-trainer';

export function saveModelFile(trainer: TaggerTrainer, say: (message: string) => void): void {
  const content = trainer.modelFile();
  if (!content) return say('There is no trained tagger to save yet.');
  const url = URL.createObjectURL(new Blob([content], { type: 'application/json' }));
  const link = h('a', { href: url, download: 'seed-workbench-tagger.json', hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
  say('The tagger was saved as seed-workbench-tagger.json (read it with `corpus suggest --model`).');
}
