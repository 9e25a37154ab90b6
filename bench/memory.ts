// Peak memory while a benchmark step runs: the renderer's JS heap (CDP
// Performance.getMetrics, JSHeapUsedSize) and the resident set of this Node
// process, which hosts the main-process services (readImportPaths, the JSONL
// writer) exactly as Electron's main process would.
import type { CDPSession, Page } from 'playwright-core';

const MB = 1024 * 1024;

export interface Peaks {
  rendererMB?: number;
  mainMB: number;
}

export class PeakMemory {
  private timer?: ReturnType<typeof setInterval>;
  private cdp?: CDPSession;
  private renderer = 0;
  private main = 0;

  private constructor(private readonly page?: Page) {}

  static async start(page?: Page, everyMs = 250): Promise<PeakMemory> {
    const peaks = new PeakMemory(page);
    if (page) {
      peaks.cdp = await page.context().newCDPSession(page);
      await peaks.cdp.send('Performance.enable');
    }
    await peaks.sample();
    peaks.timer = setInterval(() => void peaks.sample().catch(() => undefined), everyMs);
    return peaks;
  }

  private async sample(): Promise<void> {
    this.main = Math.max(this.main, process.memoryUsage().rss);
    if (!this.cdp) return;
    const { metrics } = await this.cdp.send('Performance.getMetrics');
    const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
    this.renderer = Math.max(this.renderer, used);
  }

  async stop(): Promise<Peaks> {
    clearInterval(this.timer);
    await this.sample().catch(() => undefined);
    await this.cdp?.detach().catch(() => undefined);
    return { rendererMB: this.page ? Math.round(this.renderer / MB) : undefined, mainMB: Math.round(this.main / MB) };
  }
}

export const peaksText = (p: Peaks) =>
  `peak ${p.rendererMB === undefined ? '' : `renderer heap ${p.rendererMB} MB, `}main rss ${p.mainMB} MB`;
