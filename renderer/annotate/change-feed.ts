// Tells other windows and tabs on the same profile that a document's spans
// were written, so they can show the stored spans before the researcher acts
// on a stale copy (BroadcastChannel: same origin, no server). Each write is
// also checked against span versions in the database (db/spans-repo.ts), so a
// window that misses a message still never overwrites another's change.

const CHANNEL = 'seed-workbench:spans';

export class ChangeFeed {
  private readonly channel?: BroadcastChannel;

  constructor(onChange: (docId: string) => void, name = CHANNEL) {
    if (typeof BroadcastChannel === 'undefined') return;
    this.channel = new BroadcastChannel(name);
    this.channel.onmessage = (event: MessageEvent<unknown>) => {
      const data = event.data as { docId?: unknown } | null;
      if (data && typeof data.docId === 'string') onChange(data.docId);
    };
  }

  /** Announces that `docId`'s spans changed in this window. */
  announce(docId: string): void {
    this.channel?.postMessage({ docId });
  }

  close(): void {
    this.channel?.close();
  }
}
