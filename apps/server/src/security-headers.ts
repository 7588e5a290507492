import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';

/** Inline scripts of a page (no src attribute): the explorer's prefetch script. */
const INLINE_SCRIPT = /<script>([\s\S]*?)<\/script>/g;

/**
 * The explorer's Content-Security-Policy: its own scripts, styles and API only. Its one inline
 * script (index.html's prefetch) is allowed by its hash, read from the built page at start, so
 * a page changed by a later build stays allowed and any other inline script is refused.
 */
export function explorerPolicy(indexHtml: string | null): string {
  const hashes = [...(indexHtml ?? '').matchAll(INLINE_SCRIPT)].map(
    (m) =>
      `'sha256-${createHash('sha256')
        .update(m[1] ?? '')
        .digest('base64')}'`,
  );
  return [
    "default-src 'self'",
    `script-src 'self' ${hashes.join(' ')}`.trim(),
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function readIndexHtml(dir: string): string | null {
  try {
    return readFileSync(`${dir}index.html`, 'utf8');
  } catch {
    return null;
  }
}

/**
 * Sent with every response: no MIME sniffing, no referrer to other sites, no framing. Pages
 * other than GraphiQL (which runs inline scripts) get the explorer's policy as well.
 */
export function setSecurityHeaders(res: ServerResponse, policy: string | null) {
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'no-referrer');
  res.setHeader('x-frame-options', 'DENY');
  res.setHeader('content-security-policy', policy ?? "frame-ancestors 'none'");
}
