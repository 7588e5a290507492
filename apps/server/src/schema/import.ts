import { z } from 'zod';
import { builder } from '../builder.js';
import { ConflictError, ImportError, ValidationError } from '../domain/errors.js';
import { freeText } from '../domain/records/record.rules.js';
import { type ImportReport, importDataset } from '../imports/import-dataset.js';
import type { TypeCounts } from '../imports/staged-sql.js';
import { authorOf } from '../mutations/write.js';
import { FileScalar, isFile } from './file-scalar.js';
import { reasonField } from './write-inputs.js';

/** The upload decoded as it streams in: the importer reads it chunk by chunk. */
async function* textOf(file: File): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  for await (const chunk of file.stream() as unknown as AsyncIterable<Uint8Array>) {
    yield decoder.decode(chunk, { stream: true });
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

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
      description:
        'The file, as text (UTF-8), for small files: the whole request may be 1 MiB (MAX_BODY_BYTES). Give this or `file`.',
    }),
    file: t.field({
      type: FileScalar,
      description:
        'The file as an upload (GraphQL multipart request), UTF-8, streamed to the importer: up to 64 MiB (MAX_UPLOAD_BYTES); larger files use the CLI. Give this or `data`.',
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
    overlaps: t.field({ type: ImportCounts, resolve: (r) => r.overlaps }),
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
        input: z
          .object({
            format: z.enum(['CSV', 'JSON']),
            data: z.string().min(1, 'the file is empty').nullish(),
            file: z
              .custom<File>(isFile)
              .refine((f) => f.size > 0, 'the file is empty')
              .nullish(),
            dryRun: z.boolean().nullish(),
            reason: freeText(500).nullish(),
          })
          .refine((i) => (i.data == null) !== (i.file == null), {
            message: 'give the file either as `data` or as `file`',
            path: ['data'],
          }),
      }),
    ),
    resolve: async (_root, { input }, { db, credentials, events }) => {
      const source = input.file ? textOf(input.file) : (input.data ?? '');
      const report = await importDataset(db, authorOf(credentials), source, {
        format: input.format,
        dryRun: input.dryRun,
        reason: input.reason,
      });
      events.committed(report.announced);
      return report;
    },
  }),
);
