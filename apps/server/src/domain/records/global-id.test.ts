import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeGlobalId, encodeGlobalId, InvalidIdError, intIds } from './global-id.js';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

describe('global ids', () => {
  it('decodes what it encodes, for every integer id', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2_147_483_647 }), (id) => {
        expect(decodeGlobalId(encodeGlobalId('Flow', id), ['Flow'])).toEqual({
          typename: 'Flow',
          id,
          raw: encodeGlobalId('Flow', id),
        });
      }),
    );
    expect(decodeGlobalId(encodeGlobalId('Region', '150000'), ['Region']).id).toBe('150000');
  });

  it.each([
    ['hex', b64('Actor:0x10')],
    ['leading zeros', b64('Actor:010')],
    ['exponent', b64('Actor:1e1')],
    ['sign', b64('Actor:+16')],
    ['spaces', b64('Actor: 16')],
    ['zero', b64('Actor:0')],
    ['past int4', b64('Actor:2147483648')],
    ['no id', b64('Actor:')],
    ['unknown type', b64('Token:1')],
    ['base64 without padding', b64('Actor:1').replace(/=+$/, '')],
    ['not base64', 'Actor:1'],
    ['a region spelled short', b64('Region:15')],
  ])('refuses %s with a typed error', (_, id) => {
    expect(() => decodeGlobalId(id, ['Actor', 'Region'], 'actorId')).toThrow(InvalidIdError);
    expect(() => decodeGlobalId(id, ['Actor', 'Region'], 'actorId')).toThrow(
      'actorId is not a valid Actor or Region id',
    );
  });

  it('refuses an id of another type than expected', () => {
    expect(() => decodeGlobalId(encodeGlobalId('Flow', 1), ['Actor'], 'from')).toThrow(
      'from is not a valid Actor id',
    );
  });

  it('keeps only canonical integer ids for loaders', () => {
    expect(intIds(['16', 16, '016', '0x10', '1e1', '0', '2147483648'])).toEqual([16, 16]);
  });
});
