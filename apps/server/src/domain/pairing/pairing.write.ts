import type { PairingRow } from '../../db/database.js';
import { type Db, finishCreate, INPUT, newKey } from '../records/record.write.js';
import { mustExist, mustExistOrNull } from '../records/record-exists.js';
import type { Author } from '../records/revisions.js';
import type { RecordPairingValue } from './pairing.rules.js';

// The write of pairings (retraction is the shared `retract`).

export async function recordPairing(
  db: Db,
  by: Author,
  input: RecordPairingValue,
): Promise<PairingRow> {
  const helperId = await mustExist(db, input.helperId, [...INPUT, 'helperId']);
  const recipientId = await mustExist(db, input.recipientId, [...INPUT, 'recipientId']);
  const programId = await mustExistOrNull(db, input.programId, [...INPUT, 'programId']);
  const row = await db
    .insertInto('pairings')
    .values({
      key: await newKey(db, 'Pairing', input.key),
      helper_id: helperId,
      recipient_id: recipientId,
      kind: input.kind,
      program_id: programId,
      year: input.year ?? null,
      coverage: input.coverage ?? null,
      note: input.note ?? null,
      note_zh: input.noteZh ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await finishCreate(db, by, 'Pairing', row.id, input);
  return row;
}
