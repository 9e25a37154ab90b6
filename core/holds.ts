// A count of holds on background work (an import holds the indexer, the
// backups and the suggestion warm-up until what it brings is stored). Each
// hold gives a release that counts once however often it is called; when the
// last one is released, `onFree` runs so the work can start what it put off.

export class Holds {
  private count = 0;

  constructor(private readonly onFree: () => void) {}

  get held(): boolean {
    return this.count > 0;
  }

  /** Takes a hold; the returned release frees it (once). */
  take(): () => void {
    this.count++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (--this.count === 0) this.onFree();
    };
  }
}
