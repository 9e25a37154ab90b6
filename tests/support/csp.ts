// Reads the Content-Security-Policy <meta> out of an HTML file, for the CSP
// unit test and for the Chromium suite (which checks the built page keeps it).

/** The content of the one CSP <meta>, or a failure naming what is wrong. */
export function cspOf(html: string): string {
  const metas = [...html.matchAll(/<meta\s[^>]*http-equiv\s*=\s*["']Content-Security-Policy["'][^>]*>/gi)];
  if (metas.length !== 1) throw new Error(`expected one CSP meta, found ${metas.length}`);
  const content = /content\s*=\s*"([^"]*)"/i.exec(metas[0][0]) ?? /content\s*=\s*'([^']*)'/i.exec(metas[0][0]);
  if (!content) throw new Error('CSP meta has no content');
  return content[1];
}

export function parseCsp(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [name, ...sources] = part.split(/\s+/);
    if (directives.has(name.toLowerCase())) throw new Error(`directive ${name} given twice`);
    directives.set(name.toLowerCase(), sources);
  }
  return directives;
}
