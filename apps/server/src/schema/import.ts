import { z } from 'zod';
import { builder } from '../builder.js';
import { ConflictError, ImportError, ValidationError } from '../errors.js';
import type { TypeCounts } from '../imports/apply.js';
import { type ImportReport, importDataset } from '../imports/import-dataset.js';
import { freeText } from '../mutations/inputs.js';
import { authorOf } from '../mutations/write.js';
import { reasonField } from './write-inputs.js';

const ImportFormat = builder.enumType('ImportFormat', {
  values: {
    CSV: { description: 'Flows, one per row, under a header (see the README for the columns).' },
    JSON: { description: 'An array of actor, flow and observation records.' },
  } as const,
});

const ImportInput = builder.inputType('ImportInput', {
  fields: (t) => ({
    format: t.field({ type: ImportFormat, required: true }),
    data: t.string({
      required: true,
      description: 'The file, as text (UTF-8). Bodies over 32 MiB get 413: use the CLI for more.',
    }),
    dryRun: t.boolean({
      defaultValue: false,
      description: 'Check and count everything, write nothing.',
    }),
    reason: t.string({ description: reasonField }),
  }),
});

const ImportCounts = builder.objectRef<TypeCounts>('ImportCounts').implement({
  description: 'What an import did (or, in a dry run, would do) to one kind of record.',
  fields: (t) => ({
    created: t.exposeInt('created'),
    updated: t.exposeInt('updated', { description: 'Stored with the same external id, changed.' }),
    unchanged: t.exposeInt('unchanged', { description: 'Stored already, exactly so.' }),
    skipped: t.exposeInt('skipped', {
      description: 'External ids of retracted records: not revived.',
    }),
  }),
});

const ImportReportType = builder.objectRef<ImportReport>('ImportReport').implement({
  fields: (t) => ({
    dryRun: t.exposeBoolean('dryRun', { description: 'True when nothing was written.' }),
    rows: t.exposeInt('rows', { description: 'Rows (records) read.' }),
    actors: t.field({ type: ImportCounts, resolve: (r) => r.actors }),
    flows: t.field({ type: ImportCounts, resolve: (r) => r.flows }),
    observations: t.field({ type: ImportCounts, resolve: (r) => r.observations }),
  }),
});

builder.mutationField('importDataset', (t) =>
  t.field({
    type: ImportReportType,
    nullable: true,
    description:
      'Imports a CSV or JSON file in one transaction: any bad row rejects the whole file (ImportError, one entry per row). Rows match stored records by external id, so importing a file again changes nothing.',
    authScopes: { write: true },
    errors: {
      types: [ImportError, ValidationError, ConflictError],
      result: { name: 'ImportDatasetSuccess' },
      union: { name: 'ImportDatasetResult' },
      dataField: { name: 'report' },
    },
    args: t.validate(
      { input: t.arg({ type: ImportInput, required: true }) },
      z.object({
        input: z.object({
          format: z.enum(['CSV', 'JSON']),
          data: z.string().min(1, 'the file is empty'),
          dryRun: z.boolean().nullish(),
          reason: freeText(500).nullish(),
        }),
      }),
    ),
    resolve: async (_root, { input }, { db, credentials, events }) => {
      const report = await importDataset(db, authorOf(credentials), input.data, {
        format: input.format,
        dryRun: input.dryRun,
        reason: input.reason,
      });
      for (const id of report.announced) events.committed(id);
      return report;
    },
  }),
);
