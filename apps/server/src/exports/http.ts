import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { isBadArgument, TooMuchWorkError } from '../domain/errors.js';
import { EXPORTS, type ExportName, exportStream, parseExportParams } from './export.js';

const PATH = /^\/export\/(flows|actors|observations|overlaps|totals)\.(csv|json)$/;

function refuse(res: ServerResponse, status: number, message: string, more: object = {}) {
  res
    .writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
    .end(JSON.stringify({ error: message, ...more }));
}

/**
 * GET /export/{flows,actors,observations,overlaps,totals}.{csv,json}?year=…&groupBy=…: streams the file.
 * Reads are public, as in the API; the filters are the `flows` query's.
 */
export async function serveExport(
  db: Kysely<Database>,
  req: IncomingMessage,
  res: ServerResponse,
  options: { maxTotalRows?: number } = {},
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const match = PATH.exec(url.pathname);
  if (!match) {
    return refuse(res, 404, `exports: /export/{${EXPORTS.join(',')}}.{csv,json}`);
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'use GET');
  const name = match[1] as ExportName;
  const format = match[2] as 'csv' | 'json';
  let stream: AsyncGenerator<string>;
  let head: IteratorResult<string>;
  try {
    const { filter, groupBy, headers } = parseExportParams(url.searchParams);
    const { maxTotalRows } = options;
    stream = await exportStream(db, { name, format, filter, groupBy, headers, maxTotalRows });
    // The first chunk holds the first rows: a failing query is thrown before the 200 is sent.
    head = await stream.next();
  } catch (error) {
    if (isBadArgument(error)) return refuse(res, 400, error.message);
    // a file of more groups than an answer may hold: what to narrow, as the API says it
    if (error instanceof TooMuchWorkError) {
      return refuse(res, 422, error.message, { code: 'TOO_MUCH_WORK', narrow: error.narrow });
    }
    throw error;
  }
  res.writeHead(200, {
    'content-type':
      format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
    // No filename here: a browser then names the file after the link's `download` attribute
    // (the explorer's, which says whose flows), or after the path (flows.csv).
    'content-disposition': 'attachment',
    'cache-control': 'no-store',
  });
  if (req.method === 'HEAD') {
    await stream.return(undefined);
    return void res.end();
  }
  async function* all() {
    if (!head.done) yield head.value;
    yield* stream;
  }
  try {
    await pipeline(Readable.from(all()), res);
  } catch {
    // The client went away, or the database failed mid-file: the response is cut, not completed.
    res.destroy();
  }
}
