import { createHash } from 'node:crypto';
import { complexityFromQuery } from '@pothos/plugin-complexity';
import type { DocumentNode, ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { LRUCache } from 'lru-cache';
import type { Context } from '../../context.js';
import type { Database } from '../../db/database.js';
import { poolOf } from '../../db/pool-of.js';
import { LIMITS } from '../../limits.js';
import { compileRead, UNSUPPORTED } from './compile.js';

type Answer = { found: boolean[]; data: string };

/**
 * Statements prepared by name on every connection of the pool: at most this many texts, each
 * once it has come twice (a client's query, not one of many one-off shapes a hostile client can
 * send to fill the server's memory with plans).
 */
const MAX_PREPARED = 64;
const prepared = new Map<string, string>();
const seenOnce = new LRUCache<string, true>({ max: 1000 });

/** The name to prepare `text` under, or undefined: run it unnamed. */
function preparedName(text: string): string | undefined {
  const known = prepared.get(text);
  if (known !== undefined || prepared.size >= MAX_PREPARED) return known;
  const name = `compiled_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
  if (!seenOnce.has(name)) return void seenOnce.set(name, true);
  prepared.set(text, name);
  return name;
}

/**
 * Runs the statement, prepared by name on PostgreSQL once its text comes again (the planner's
 * work is then done once per connection, not per request); PGlite runs it as it is.
 */
async function run(db: Kysely<Database>, statement: RawBuilder<unknown>) {
  const query = statement.compile(db);
  const pool = poolOf(db);
  if (!pool) return (await db.executeQuery<Answer>(query)).rows[0];
  const name = preparedName(query.sql);
  const values = query.parameters as unknown[];
  const result = await pool.query<Answer>(
    name ? { name, text: query.sql, values } : { text: query.sql, values },
  );
  return result.rows[0];
}

/** Documents the compiled path gave up on: not tried again. */
const unsupported = new WeakSet<DocumentNode>();

/** A result whose JSON the database wrote: sent as it is, parsed only if a plugin reads it. */
function resultOf(json: string): ExecutionResult {
  const text = `{"data":${json}}`;
  let data: ExecutionResult['data'];
  return {
    get data() {
      data ??= (JSON.parse(text) as ExecutionResult).data;
      return data;
    },
    stringify: () => text,
  } as ExecutionResult;
}

/**
 * Reads the compiled path knows (compiled/compile.ts) run as one statement whose JSON is the
 * answer; everything else, and every request it cannot answer exactly as the executor would (a
 * missing record, a bad argument, a query over the complexity limit or too large an answer),
 * goes to the executor. `onCompiled` hears each request the compiled path answered (tests).
 */
export function compiledReadsPlugin(onCompiled?: (document: DocumentNode) => void): Plugin {
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      if (unsupported.has(args.document)) return;
      setExecuteFn(async (execArgs) => {
        const context = execArgs.contextValue as Context;
        const compiled = await compileRead(
          execArgs.schema,
          context.db,
          execArgs.document,
          execArgs.operationName,
          execArgs.variableValues as Record<string, unknown> | undefined,
        );
        if (compiled === UNSUPPORTED) unsupported.add(execArgs.document);
        if (!compiled || compiled === UNSUPPORTED) return executeFn(execArgs);
        const cost = complexityFromQuery(execArgs.document, {
          schema: execArgs.schema,
          variables: execArgs.variableValues as Record<string, unknown>,
          ctx: context,
        });
        if (cost.complexity > LIMITS.complexity || cost.depth > LIMITS.depth)
          return executeFn(execArgs);
        const answer = await run(
          context.db,
          sql`select ${compiled.found} as found, ${compiled.statement}::text as data`,
        ).catch(() => undefined);
        if (
          !answer ||
          answer.found.some((f) => f !== true) ||
          answer.data.length > LIMITS.answerCharacters
        )
          return executeFn(execArgs);
        onCompiled?.(execArgs.document);
        return resultOf(answer.data);
      });
    },
  };
}
