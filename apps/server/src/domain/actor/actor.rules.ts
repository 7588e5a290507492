import { z } from 'zod';
import { citations } from '../citation/citation.rules.js';
import {
  expectedRevision,
  freeText,
  globalId,
  key,
  name,
  reason,
  regionCode,
} from '../records/record.rules.js';

export const ACTOR_KINDS = [
  'GOVERNMENT',
  'TREASURY',
  'DEPARTMENT',
  'FUND',
  'BANK',
  'ENTERPRISE',
  'VILLAGE',
  'HOUSEHOLDS',
  'PROJECT',
  'INVESTOR',
  'ORGANIZATION',
  'PERSON',
  'OTHER',
] as const;

/** The fields of an actor, as a write or an import gives them. */
export const actorFields = {
  key: key.nullish(),
  name: name(),
  nameEn: name().nullish(),
  kind: z.enum(ACTOR_KINDS),
  regionCode: regionCode.nullish(),
  memberCount: z.number().int().min(1, 'must be 1 or more').max(1_000_000_000).nullish(),
  aliases: z.array(name(100)).max(20, 'at most 20 aliases').nullish(),
  note: freeText().nullish(),
  noteZh: freeText().nullish(),
};

export const createActorInput = z.object({ ...actorFields, citations, reason });
export type CreateActorValue = z.output<typeof createActorInput>;

export const updateActorInput = createActorInput
  .omit({ key: true })
  .partial()
  .extend({
    id: globalId('Actor'),
    expectedRevision,
    name: name().nullish(),
    kind: z.enum(ACTOR_KINDS).nullish(),
  });
export type UpdateActorValue = z.output<typeof updateActorInput>;
