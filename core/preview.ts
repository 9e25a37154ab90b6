// The line the document list shows under a document's name.
export const PREVIEW_LENGTH = 160;

export function previewOf(text: string): string {
  const line =
    text
      .replace(/^\uFEFF/, '')
      .split('\n')
      .find((l) => l.trim() !== '') ?? '';
  const flat = line.replace(/\s+/g, ' ').trim();
  return flat.length > PREVIEW_LENGTH ? `${flat.slice(0, PREVIEW_LENGTH - 1)}…` : flat;
}
