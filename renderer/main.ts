// Renderer entry: open the database, load the seed corpus on first start, show the workbench.
import 'prosemirror-view/style/prosemirror.css';
import './styles.css';
import type { WorkbenchBridge } from '../core/bridge';
import { markerOf, type ProfileMarker } from '../core/profile-marker';
import { Backups } from './backup';
import { openLostDatabaseDialog } from './backup/lost-database';
import { checkProfile, markIdentity, markProfile, restoreIdentity, type ProfileStart } from './backup/profile-start';
import { getBridge, getEvents } from './bridge';
import { storeDocuments } from './db/documents-repo';
import { ensureIndexVersions } from './db/index-versions';
import { openWorkbenchDb, type WorkbenchDb } from './db/schema';
import { getSetting, putSetting } from './db/settings-repo';
import { localAnnotator } from './db/sync-state';
import { Sync } from './sync';
import { WorkbenchApp } from './ui/app';
import { appHost } from './ui/backup-host';
import { syncHost } from './ui/sync-host';

/** Loads the bundled seed corpus once; storing is idempotent by content hash anyway. */
async function ensureSeedCorpus(db: WorkbenchDb, bridge: WorkbenchBridge, app: WorkbenchApp): Promise<void> {
  if (await getSetting(db, 'seedCorpusLoaded', false)) return;
  const load = await bridge.loadSeedCorpus(undefined);
  const result = await storeDocuments(db, load.documents);
  await putSetting(db, 'seedCorpusLoaded', true);
  app.reportProblems(load.problems);
  if (load.problems.length === 0) app.say(`Loaded the seed corpus: ${result.added} documents.`);
}

const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));
const markerFailed = (why: string) =>
  `The profile marker could not be written (${why}): were the browser to drop this database, the next start could not tell.`;

/** The lost-database dialog, then the marker for whatever the user chose; the outcome is said in the status line. */
async function askAfterLostDatabase(
  db: WorkbenchDb,
  profile: ProfileStart,
  backups: Backups,
  host: ReturnType<typeof appHost>,
  app: WorkbenchApp,
): Promise<void> {
  document.body.dataset.databaseLost = 'true';
  const bridge = getBridge();
  const sync = await bridge.syncSettings(undefined).catch(() => undefined);
  const outcome = await openLostDatabaseDialog({
    syncedWith: sync?.enabled && sync.url ? `${sync.url} (database ${sync.database})` : undefined,
    heldDataSince: markerOf(profile.marker)?.heldDataSince,
    list: () => bridge.listBackups(undefined),
    restore: async (id, progress) => {
      const said = await backups.restore(host, id, progress);
      await putSetting(db, 'seedCorpusLoaded', true); // the backup's corpus stands in for the seeds
      return said;
    },
    startWithSeeds: async () => {
      await ensureSeedCorpus(db, bridge, app);
      await host.refreshList();
      await host.reopen();
    },
  });
  await markProfile(db, bridge, profile);
  delete document.body.dataset.databaseLost;
  app.say(outcome);
}

/** How often sync looks for work; `?syncTick=ms` lets tests go faster. */
function syncTick(): number {
  const ms = Number(new URLSearchParams(location.search).get('syncTick'));
  return Number.isFinite(ms) && ms >= 50 ? ms : 2000;
}

async function boot(): Promise<void> {
  const root = document.getElementById('app')!;
  try {
    const db = openWorkbenchDb();
    const backups = new Backups(db, getBridge()); // watches writes, so before the database opens
    // No snapshot until the start is decided: one of a database found empty would push a good one out.
    const starting = backups.scheduler.hold();
    const sync = new Sync(db, getBridge(), syncTick()); // notes writes in the outbox, so before it opens too
    const app = new WorkbenchApp(db, root);
    // Derived indexes filled by older code are rebuilt before anything reads them.
    await ensureIndexVersions(db, undefined, (what) => {
      root.textContent = `Rebuilding ${what} for this version of the workbench…`;
    });
    // Indexes what an earlier run left unindexed (a crash mid-way), then whatever is stored later.
    app.indexer.start();
    const profile = await checkProfile(db, getBridge());
    // A database found empty where the profile held data gets nothing until the user chooses.
    const lost = profile.kind === 'database-lost';
    // Her name (or her id) comes back from main's marker before anything asks who she is: the backups' spans carry it.
    if (lost) await restoreIdentity(db, profile);
    // A marker that cannot be written (a full disk) must not keep the corpus from opening: said, not fatal.
    // Her id is made before the marker is written, so that the marker names her from the first start on.
    if (!lost) await localAnnotator(db);
    let marked: ProfileMarker | undefined;
    const unmarked = lost
      ? undefined
      : await markProfile(db, getBridge(), profile).then((marker) => void (marked = marker), reason);
    if (!lost) await ensureSeedCorpus(db, getBridge(), app);
    await app.start();
    if (unmarked) app.say(markerFailed(unmarked));
    const identityFailed = (error: unknown) => app.say(markerFailed(reason(error)));
    app.teams.onIdentityChanged = () => void markIdentity(db, getBridge()).catch(identityFailed);
    // A marker from before it kept her: written once (compared with the marker this start read, no new read).
    if (marked) void markIdentity(db, getBridge(), marked).catch(identityFailed);
    const host = appHost(app);
    backups.attach(host);
    if (lost)
      void askAfterLostDatabase(db, profile, backups, host, app)
        .catch((error: unknown) => app.say(markerFailed(reason(error))))
        .finally(starting);
    else starting();
    app.importHolds.push(backups.scheduler);
    app.openBackups = () => void backups.open(host);
    sync.attach(syncHost(app));
    getEvents()?.onCommand((command) => app.commands.run(command));
    // The one door tests and the benchmark use to push import batches into the
    // real app (storage, index, list) without a file dialog; only when the page
    // is opened with ?automation (the test harness does), never in the app.
    if (new URLSearchParams(location.search).has('automation')) {
      Object.defineProperty(window, 'workbenchAutomation', {
        value: Object.freeze({
          importDocuments: (docs: Parameters<WorkbenchApp['importDocuments']>[0]) => app.importDocuments(docs),
          openDocument: (id: string) => app.openDocument(id),
          /** Resolves once every stored document is indexed (search terms, signatures). */
          indexed: () => app.indexer.drained(),
        }),
      });
    }
    document.body.dataset.ready = 'true';
  } catch (error) {
    root.textContent = `The workbench could not start: ${error instanceof Error ? error.message : String(error)}`;
    document.body.dataset.ready = 'error';
    throw error;
  }
}

void boot();
