// Fuzzing the bridge guards (core/bridge.ts checkArgument and the guards of
// every channel) at FUZZ_RUNS cases a property: whatever a page sends, the
// check either passes the argument or refuses it with a
// BridgeArgumentError (never another error, never a crash); every argument of
// the declared shape passes; and one key too many, anywhere, is refused,
// including keys named like Object.prototype's members.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { BridgeArgumentError, channelNames, checkArgument, type ChannelName } from '../../core/bridge';
import { DOC_STATUSES } from '../../core/model';
import { check, fuzz, FUZZ_TIMEOUT_MS } from '../support/fuzz-runs';
import { anyText } from './arbitraries';

const PROTOTYPE_KEYS = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__', '__defineGetter__'];

/** Outcome of one check: 'passed', 'refused' (a BridgeArgumentError), or what went wrong. */
function outcome(name: string, arg: unknown): string {
  try {
    checkArgument(name as ChannelName, arg);
    return 'passed';
  } catch (error) {
    return error instanceof BridgeArgumentError ? 'refused' : `threw ${String(error)}`;
  }
}

const anyValue = fc.anything({
  maxDepth: 3,
  key: fc.oneof(
    fc.string({ maxLength: 8 }),
    fc.constantFrom(...PROTOTYPE_KEYS, 'session', 'records', 'name', 'bytes', 'handle', 'id'),
  ),
  withBoxedValues: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withTypedArray: true,
  withSparseArray: true,
  withDate: true,
  withBigInt: true,
});

const id = (max: number) => fc.string({ minLength: 1, maxLength: max });
const session = id(64);

const exportRecord = anyText(30).chain((text) => {
  const span = fc
    .tuple(
      fc.nat(text.length),
      fc.nat(text.length),
      id(20),
      fc.option(fc.string({ maxLength: 10 }), { nil: undefined }),
    )
    .map(([a, b, label, note]) => {
      const [start, end] = [Math.min(a, b), Math.max(a, b)];
      return { start, end, label, text: text.slice(start, end), ...(note === undefined ? {} : { note }) };
    });
  return fc.record({
    id: id(40),
    name: fc.string({ maxLength: 40 }),
    text: fc.constant(text),
    sha256: fc.string({ maxLength: 64 }),
    source: fc.string({ maxLength: 40 }),
    status: fc.constantFrom(...DOC_STATUSES),
    updatedAt: fc.integer({ min: 0, max: 8.64e15 }),
    spans: fc.array(span, { maxLength: 3 }),
  });
});

/** A well-formed argument for each channel whose shape this test knows. */
const GOOD: Partial<Record<string, fc.Arbitrary<Record<string, unknown>>>> = {
  backupWrite: fc.record({ session, records: fc.array(exportRecord, { maxLength: 3 }) }),
  backupEnd: fc.record({ session, abort: fc.boolean() }, { requiredKeys: ['session'] }),
  readBackup: fc
    .date({ min: new Date(0), max: new Date(Date.UTC(9999, 0)), noInvalidDate: true })
    .map((d) => ({ id: d.toISOString().replace(/[:.]/g, '-') })),
  readBackupNext: fc.record({ session }),
  chooseImport: fc.record({ kind: fc.constantFrom('files', 'folder') }),
  importNext: fc.record({ session }),
  importCancel: fc.record({ session }),
  importBytes: fc.record({ name: id(255), bytes: fc.uint8Array({ maxLength: 64 }) }),
  exportBegin: fc.record({ format: fc.constantFrom('prodigy', 'doccano'), suggestedName: id(255) }),
  exportWrite: fc.record({ session: id(64), records: fc.array(exportRecord, { maxLength: 3 }) }),
  exportEnd: fc.record({ session: id(64) }),
  exportAbort: fc.record({ session: id(64) }),
};
const known = channelNames.filter((name) => GOOD[name] !== undefined);
const goodCall = fc.constantFrom(...known).chain((name) => GOOD[name]!.map((arg) => ({ name, arg })));

/** Every plain object inside `value` (the argument itself, records, spans), outermost first. */
function objectsIn(value: unknown, out: Array<Record<string, unknown>> = []): Array<Record<string, unknown>> {
  if (Array.isArray(value)) value.forEach((v) => objectsIn(v, out));
  else if (typeof value === 'object' && value !== null && !ArrayBuffer.isView(value)) {
    out.push(value as Record<string, unknown>);
    Object.values(value).forEach((v) => objectsIn(v, out));
  }
  return out;
}

describe('fuzz: the bridge guards (core/bridge.ts)', () => {
  it(
    'pass an argument or refuse it with BridgeArgumentError, whatever the page sends',
    () => {
      const name = fc.oneof(
        fc.constantFrom(...channelNames),
        fc.constantFrom(...PROTOTYPE_KEYS),
        fc.string({ maxLength: 12 }),
      );
      fuzz('bridge guards: any value on any channel', fc.tuple(name, anyValue), ([n, arg]) => {
        const result = outcome(n, arg);
        check(result === 'passed' || result === 'refused', () => `${n}: ${result}`);
        check(result === 'refused' || (channelNames as string[]).includes(n), () => `unknown channel ${n} passed`);
      });
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'pass every argument of the declared shape',
    () => {
      fuzz('bridge guards: good arguments', goodCall, ({ name, arg }) => {
        check(outcome(name, arg) === 'passed', () => `${name} refused ${JSON.stringify(arg)}`);
      });
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'refuse one key too many anywhere in an argument, also a key named like a prototype member',
    () => {
      const extra = fc.tuple(
        goodCall,
        fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS), fc.string({ minLength: 1, maxLength: 8 })),
        fc.nat(),
        anyValue,
      );
      fuzz('bridge guards: extra keys', extra, ([{ name, arg: generated }, key, at, value]) => {
        const arg = structuredClone(generated); // fast-check reuses generated values while shrinking: never change them
        const targets = objectsIn(arg).filter((o) => !Object.hasOwn(o, key));
        if (targets.length === 0) return;
        const target = targets[at % targets.length];
        // An own property even for '__proto__' (as JSON.parse or structured clone would make it).
        Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
        check(outcome(name, arg) === 'refused', () => `${name} passed with an extra key ${JSON.stringify(key)}`);
      });
    },
    FUZZ_TIMEOUT_MS,
  );
});
