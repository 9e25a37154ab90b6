// Building blocks for the schemas of everything that crosses a trust boundary
// (IPC arguments, export and backup records), on Valibot: one declaration
// gives both the run-time check and the TypeScript type (v.InferOutput).
//
// Objects are always `strictObject`: an unknown key fails, and Valibot tests
// keys with hasOwnProperty against the declared entries, so a key named
// `toString`, `constructor`, `valueOf` or `__proto__` is unknown too (a
// hand-written `key in shape` once let a 70 MB `toString` through). Every
// string, array and byte buffer has its bound in the schema itself.
import * as v from 'valibot';
import { withinLimit } from './limits';

export { v };

/** Any schema whose output is T. */
export type Schema<T = unknown> = v.GenericSchema<unknown, T>;
export type Infer<S extends Schema> = v.InferOutput<S>;

/** undefined (or null, which some IPC layers turn it into): a channel without an argument. */
export const nothing = v.nullish(v.never());

const longer = (max: number) => `longer than ${max} characters`;

/** A string of at most `max` code points (core/limits.ts: lengths are counted as a user counts them). */
export const text = (max: number) =>
  v.pipe(
    v.string(),
    v.check((s) => withinLimit(s, max), longer(max)),
  );

/** A non-empty string of at most `max` code points. */
export const name = (max: number) =>
  v.pipe(
    v.string(),
    v.minLength(1, 'empty'),
    v.check((s) => withinLimit(s, max), longer(max)),
  );

export const integer = (min: number, max: number) =>
  v.pipe(v.number(), v.integer(), v.minValue(min, `below ${min}`), v.maxValue(max, `above ${max}`));

/** Bytes of at most `max` length. */
export const bytes = (max: number) =>
  v.pipe(
    v.instance(Uint8Array),
    v.check((b) => b.byteLength <= max, `more than ${max} bytes`),
  );

/** An array of at most `max` items. */
export const list = <S extends Schema>(item: S, max: number) =>
  v.pipe(v.array(item), v.maxLength(max, `more than ${max} items`));

/** An opaque id main hands out for an import, export or backup session; never a path. */
export const sessionId = name(64);

export type ShapeCheck<T> = { ok: true; value: T } | { ok: false; message: string };

/** Checks `value`; on failure says where (`records.0.name: longer than 4096 characters`). */
export function checkShape<S extends Schema>(schema: S, value: unknown): ShapeCheck<Infer<S>> {
  const result = v.safeParse(schema, value, { abortEarly: true });
  if (result.success) return { ok: true, value: result.output };
  const issue = result.issues[0];
  const where = v.getDotPath(issue);
  return { ok: false, message: `${where ? `${where}: ` : ''}${issue.message}` };
}

/** A type guard from a schema, for callers that only need yes or no. */
export const guard =
  <S extends Schema>(schema: S) =>
  (value: unknown): value is Infer<S> =>
    v.is(schema, value);

/** A guard for one of a few strings (menu commands and the like). */
export const isOneOf = <const T extends string>(...values: T[]) => guard(v.picklist(values));
