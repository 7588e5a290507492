import { afterAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../test/test-db.js';
import {
  authenticate,
  createToken,
  DEFAULT_TOKEN_DAYS,
  listTokens,
  MAX_TOKEN_DAYS,
  revokeToken,
  sha256,
} from './tokens.js';

const ctx = await createTestDb({ seed: false });
afterAll(() => ctx.close());

describe('API tokens', () => {
  it('stores only the SHA-256 of the secret, and authenticates by it', async () => {
    const { id, secret } = await createToken(ctx.db, { scopes: ['write'], label: 'desk' });
    expect(secret).toMatch(/^ft_[A-Za-z0-9_-]{43}$/);
    const row = await ctx.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.secret_sha256).toBe(sha256(secret));
    expect(JSON.stringify(row)).not.toContain(secret);
    const credentials = await authenticate(ctx.db, `Bearer ${secret}`, undefined);
    expect(credentials).toMatchObject({ author: 'desk', tokenId: id, problem: null });
    expect([...credentials.scopes]).toEqual(['write']);
  });

  it('lists tokens without secrets, and revokes them', async () => {
    const { id, secret } = await createToken(ctx.db, { scopes: ['write'] });
    expect((await listTokens(ctx.db)).find((t) => t.id === id)).toMatchObject({
      label: null,
      revoked_at: null,
    });
    expect(await revokeToken(ctx.db, id)).toBe(true);
    expect(await revokeToken(ctx.db, id)).toBe(false);
    const credentials = await authenticate(ctx.db, `Bearer ${secret}`, undefined);
    expect(credentials.scopes.size).toBe(0);
    expect(credentials.problem).toContain('revoked');
    expect((await authenticate(ctx.db, `Bearer ${secret}x`, undefined)).problem).toBe(
      'unknown token',
    );
  });

  it('ADMIN_TOKEN holds every scope; an empty one holds none', async () => {
    const admin = await authenticate(ctx.db, 'Bearer s3cret-admin', 's3cret-admin');
    expect(admin).toMatchObject({ author: 'admin', problem: null });
    expect(admin.scopes.has('write')).toBe(true);
    const empty = await authenticate(ctx.db, 'Bearer ', '');
    expect(empty.scopes.size).toBe(0);
    expect((await authenticate(ctx.db, 'Basic abc', 's3cret-admin')).problem).toContain('Bearer');
    expect(await authenticate(ctx.db, null, 's3cret-admin')).toMatchObject({
      author: null,
      problem: null,
    });
  });

  it('expire: after 90 days by default, or as asked; an expired token is refused', async () => {
    const day = 86_400_000;
    const plain = await createToken(ctx.db, { scopes: ['write'] });
    expect(Math.round((plain.expiresAt.getTime() - Date.now()) / day)).toBe(DEFAULT_TOKEN_DAYS);
    const short = await createToken(ctx.db, { scopes: ['write'], expiresInDays: 1 });
    expect((await authenticate(ctx.db, `Bearer ${short.secret}`, undefined)).problem).toBeNull();
    await ctx.db
      .updateTable('api_tokens')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', short.id)
      .execute();
    const expired = await authenticate(ctx.db, `Bearer ${short.secret}`, undefined);
    expect(expired.scopes.size).toBe(0);
    expect(expired.problem).toMatch(/^the token expired at \d{4}-/);
    for (const expiresInDays of [0, MAX_TOKEN_DAYS + 1, 1.5]) {
      await expect(createToken(ctx.db, { scopes: ['write'], expiresInDays })).rejects.toThrow(
        /expires in 1 to/,
      );
    }
  });

  it('refuses scopes the database does not know', async () => {
    await expect(
      ctx.db
        .insertInto('api_tokens')
        .values({
          secret_sha256: sha256('x'),
          scopes: ['root'],
          label: null,
          expires_at: new Date(),
        })
        .execute(),
    ).rejects.toThrow();
  });
});
