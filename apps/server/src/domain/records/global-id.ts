import { InputError } from '../errors.js';
import { NODE_TYPENAMES, type NodeTypename } from './record-types.js';

/**
 * Global ids: base64 of "Typename:id" (the Relay convention Pothos follows). One spelling per
 * record is accepted, the one `encodeGlobalId` writes: an id spelled "0x10", "010" or "1e1", or
 * base64 with other padding, names nothing.
 */

const INT_ID = /^[1-9][0-9]{0,9}$/;
const REGION_CODE = /^[1-9][0-9]{5}$/;
const MAX_ID = 2_147_483_647;

export function encodeGlobalId(typename: NodeTypename, id: string | number): string {
  return Buffer.from(`${typename}:${id}`, 'utf8').toString('base64');
}

export interface DecodedId<T extends NodeTypename = NodeTypename> {
  typename: T;
  /** The integer id (a Region's is its code, as a string). */
  id: T extends 'Region' ? string : number;
  /** The global id as given. */
  raw: string;
}

/** A global id that is not one of the expected types, or not spelled canonically. */
export class InvalidIdError extends InputError {}

/** The record a global id names, if it is one of `typenames` in its canonical spelling. */
export function decodeGlobalId<T extends NodeTypename>(
  value: string,
  typenames: readonly T[],
  argument = 'id',
): DecodedId<T> {
  const decoded = typeof value === 'string' && value.length <= 100 ? parse(value) : null;
  const typename = typenames.find((t) => t === decoded?.typename);
  if (!decoded || typename === undefined) {
    throw new InvalidIdError(`${argument} is not a valid ${typenames.join(' or ')} id`, argument);
  }
  return { typename, id: decoded.id, raw: value } as DecodedId<T>;
}

function parse(value: string): { typename: string; id: string | number } | null {
  const text = Buffer.from(value, 'base64').toString('utf8');
  if (Buffer.from(text, 'utf8').toString('base64') !== value) return null;
  const colon = text.indexOf(':');
  const typename = text.slice(0, colon);
  const id = text.slice(colon + 1);
  if (!NODE_TYPENAMES.includes(typename as NodeTypename)) return null;
  if (typename === 'Region') return REGION_CODE.test(id) ? { typename, id } : null;
  if (!INT_ID.test(id) || Number(id) > MAX_ID) return null;
  return { typename, id: Number(id) };
}

/** Integer ids from the ids Pothos passes a dataloader; anything else names no row. */
export function intIds(ids: readonly (string | number)[]): number[] {
  return ids
    .map(String)
    .filter((id) => INT_ID.test(id) && Number(id) <= MAX_ID)
    .map(Number);
}
