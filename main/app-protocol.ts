// Electron's side of app://: the scheme is registered as privileged before
// `ready` (standard, so it has an origin and storage; secure, so it counts as
// a secure context; supportFetchAPI), and each request is answered by the
// checks in app-protocol-files.ts. Nothing else is served.
import { net, protocol } from 'electron';
import { APP_SCHEME } from './app-origin';
import { devServerTarget, readAppFile } from './app-protocol-files';

/** Must run before app `ready`: Chromium reads scheme privileges once, at start. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export type AppSource = { rendererDir: string } | { devServerUrl: string };

function refusal(status: number, reason: string): Response {
  return new Response(reason, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

export async function answerAppRequest(
  request: Request,
  source: AppSource,
  fetchUrl: (url: string) => Promise<Response> = (u) => net.fetch(u),
): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return refusal(405, 'method not allowed');
  if ('devServerUrl' in source) {
    const target = devServerTarget(request.url, source.devServerUrl);
    return target ? fetchUrl(target) : refusal(403, 'refused');
  }
  const answer = await readAppFile(source.rendererDir, request.url);
  if (answer.status !== 200) return refusal(answer.status, answer.reason);
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(answer.body), {
    status: 200,
    headers: { 'Content-Type': answer.mimeType, 'X-Content-Type-Options': 'nosniff' },
  });
}

/** After `ready`: app:// answers from the renderer build, or from the dev server in development. */
export function serveApp(source: AppSource): void {
  protocol.handle(APP_SCHEME, (request) => answerAppRequest(request, source));
}
