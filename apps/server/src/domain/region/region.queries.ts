import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { InputError, NotFoundError } from '../errors.js';
import { REGION_CODE } from '../records/record.rules.js';

/**
 * GB/T 2260 codes nest by digits: 150000 (province) holds 15xxxx, 150400 (prefecture) holds
 * 1504xx. The prefix selects a region and everything under it.
 */
export function regionPrefix(code: string, argument = 'regionCode'): string {
  if (!REGION_CODE.test(code)) {
    throw new InputError(
      `${argument} must be a 6-digit GB/T 2260 code, got "${code.slice(0, 20)}"`,
      argument,
    );
  }
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}

/** regionPrefix for a code the user gave: it must name a known region. */
export async function existingRegionPrefix(
  db: Kysely<Database>,
  code: string,
  argument = 'regionCode',
): Promise<string> {
  const prefix = regionPrefix(code, argument);
  const row = await db
    .selectFrom('regions')
    .select('code')
    .where('code', '=', code)
    .executeTakeFirst();
  if (!row) throw new NotFoundError([argument], code, 'Region');
  return prefix;
}
