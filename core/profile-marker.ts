// The profile marker: main's small record, kept outside IndexedDB, that this
// app profile has held data, and under which id. The same id is kept in the
// database's settings. A browser engine may drop an IndexedDB database it
// finds damaged after a crash and hand the app an empty one; without the
// marker the app could not tell that start from the first one, and would load
// the seed corpus into it as if nothing had been there. With it, such a start
// is named on screen and the user is offered the backups (see startKind).
// The marker also keeps who annotates in this profile (her name, or the id
// the profile made for her before she gave one): her spans carry it, so a
// database restored from a backup after such a loss must know her by it
// again, or her own layer would show as a stranger's, read-only.
import { TIME_MAX } from './limits';
import { guard, integer, v } from './shape';

/** A profile id: a random UUID, made once, when a database first holds data. */
export const PROFILE_ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** The id a profile makes for its annotator before she gives a name (renderer/db/sync-state.ts). */
export const ANNOTATOR_ID_PATTERN = /^annotator-[0-9a-f]{8}$/;
/** The longest annotator name the name card allows (core/teams/layers.ts, annotatorNameProblem). */
export const ANNOTATOR_NAME_MAX = 200;
const AnnotatorNameSchema = v.pipe(v.string(), v.minLength(1), v.maxLength(ANNOTATOR_NAME_MAX));
const AnnotatorIdSchema = v.pipe(v.string(), v.regex(ANNOTATOR_ID_PATTERN, 'not an annotator id'));

export const ProfileMarkerSchema = v.strictObject({
  profileId: v.pipe(v.string(), v.regex(PROFILE_ID_PATTERN, 'not a profile id')),
  /** When the profile first held data, in milliseconds since the epoch. */
  heldDataSince: integer(0, TIME_MAX),
  /** The name the local annotator gave, once she gave one. */
  annotatorName: v.optional(AnnotatorNameSchema),
  /** The id the profile made for her, which her spans carry while she has no name. */
  annotatorId: v.optional(AnnotatorIdSchema),
});
export type ProfileMarker = v.InferOutput<typeof ProfileMarkerSchema>;
export const isProfileMarker = guard(ProfileMarkerSchema);

/** The marker as main found it: none, one, or a file there that is not a marker (it says data was held). */
export type MarkerRead = ProfileMarker | 'damaged' | null;

/** The marker itself, when main found one that reads as a marker. */
export const markerOf = (read: MarkerRead): ProfileMarker | undefined =>
  read !== null && read !== 'damaged' ? read : undefined;

/** What the database holds at a start, as far as the decision goes. */
export interface StoredProfile {
  /** The profile id in the database's settings; absent in a database never marked. */
  profileId: string | undefined;
  /** Whether the database holds any document. */
  hasDocuments: boolean;
}

/**
 * - `first-start`: no marker and an empty database; mark it, then load the seeds.
 * - `continue`: the database is the one the marker names.
 * - `adopt`: a database with data the marker does not name (data from before
 *   markers existed, a lost marker file, or a corpus begun after a lost
 *   database was left as it was); mark it as this profile's, nothing else.
 * - `database-lost`: the marker says this profile held data, and the database
 *   is empty and unmarked: it was dropped or replaced. Load nothing into it;
 *   say so and offer the backups.
 */
export type StartKind = 'first-start' | 'continue' | 'adopt' | 'database-lost';

export function startKind(marker: MarkerRead, stored: StoredProfile): StartKind {
  if (stored.profileId !== undefined && stored.profileId === markerOf(marker)?.profileId) return 'continue';
  if (stored.profileId !== undefined || stored.hasDocuments) return 'adopt';
  return marker === null ? 'first-start' : 'database-lost';
}

/** Who annotates in this profile, as the marker and the database's settings both keep it. */
export type AnnotatorIdentity = Pick<ProfileMarker, 'annotatorName' | 'annotatorId'>;

/** The identity's fields that fit the marker (a name past the card's limits, from an old version, is left out). */
export function identityFields(identity: AnnotatorIdentity): AnnotatorIdentity {
  const out: AnnotatorIdentity = {};
  if (v.is(AnnotatorNameSchema, identity.annotatorName)) out.annotatorName = identity.annotatorName;
  if (v.is(AnnotatorIdSchema, identity.annotatorId)) out.annotatorId = identity.annotatorId;
  return out;
}

/** Whether the marker already says `identity` (so nothing needs writing). */
export const sameIdentity = (marker: ProfileMarker, identity: AnnotatorIdentity): boolean =>
  marker.annotatorName === identity.annotatorName && marker.annotatorId === identity.annotatorId;
