import { describe, expect, it } from 'vitest';
import { bridgeContract, BridgeArgumentError, channelNames, checkArgument } from '../../core/bridge';

describe('the bridge contract', () => {
  it('lists every channel once, derived from the contract object', () => {
    expect(channelNames).toEqual(Object.keys(bridgeContract));
    expect(new Set(channelNames).size).toBe(channelNames.length);
    expect(channelNames).toContain('loadSeedCorpus');
  });

  it('accepts a declared argument and refuses unknown channels and wrong shapes', () => {
    expect(checkArgument('loadSeedCorpus', undefined)).toBeUndefined();
    expect(() => checkArgument('loadSeedCorpus', { path: '/etc/passwd' })).toThrow(BridgeArgumentError);
    expect(() => checkArgument('toString' as never, undefined)).toThrow(/unknown channel/);
    expect(() => checkArgument('__proto__' as never, undefined)).toThrow(/unknown channel/);
  });
});
