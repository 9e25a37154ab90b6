// Small runtime checks for values that cross a trust boundary (IPC, JSONL).
// Each check is a type guard, so the bridge contract can both validate an
// argument and name its type with one declaration.

export type Guard<T> = (value: unknown) => value is T;

export const isNothing: Guard<undefined> = (v): v is undefined => v === undefined || v === null;

export const isString = (maxLength: number): Guard<string> =>
  (v): v is string => typeof v === 'string' && v.length <= maxLength;

export const isInteger = (min: number, max: number): Guard<number> =>
  (v): v is number => Number.isInteger(v) && (v as number) >= min && (v as number) <= max;

export const isBoolean: Guard<boolean> = (v): v is boolean => typeof v === 'boolean';

export const isOneOf = <T extends string>(...values: T[]): Guard<T> =>
  (v): v is T => typeof v === 'string' && (values as string[]).includes(v);

export const isBytes = (maxLength: number): Guard<Uint8Array> =>
  (v): v is Uint8Array => v instanceof Uint8Array && v.byteLength <= maxLength;

export const isArrayOf = <T>(item: Guard<T>, maxLength: number): Guard<T[]> =>
  (v): v is T[] => Array.isArray(v) && v.length <= maxLength && v.every(item);

export const isOptional = <T>(inner: Guard<T>): Guard<T | undefined> =>
  (v): v is T | undefined => v === undefined || inner(v);

type Shape = Record<string, Guard<unknown>>;
type ShapeType<S extends Shape> = { [K in keyof S]: S[K] extends Guard<infer T> ? T : never };

/** An object with exactly these keys (optional ones may be absent) and no others. */
export function isRecord<S extends Shape>(shape: S): Guard<ShapeType<S>> {
  return (v): v is ShapeType<S> => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
    const value = v as Record<string, unknown>;
    // Own keys of the shape only: `in` would let `constructor`, `toString` or `__proto__` through unchecked.
    if (Object.keys(value).some((key) => !Object.hasOwn(shape, key))) return false;
    return Object.entries(shape).every(([key, guard]) => guard(value[key]));
  };
}
