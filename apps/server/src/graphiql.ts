import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import type { Plugin } from 'graphql-yoga';

interface Page {
  identity: string;
  gzip: Uint8Array<ArrayBuffer>;
  br: Uint8Array<ArrayBuffer>;
}

/** GraphiQL bundled with the server (no CDN), compressed once per process, when first asked. */
let compressed: Promise<Page> | null = null;

async function compressPage(): Promise<Page> {
  const identity = renderGraphiQL({ title: 'fundtrace GraphQL' });
  const [gz, br] = await Promise.all([
    promisify(gzip)(identity),
    // Quality 11 takes many seconds on a page this size; 4 takes a fraction of one.
    promisify(brotliCompress)(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } }),
  ]);
  return { identity, gzip: new Uint8Array(gz), br: new Uint8Array(br) };
}

/**
 * Serves GraphiQL to a browser at GET /graphql, brotli- or gzip-compressed when the browser
 * accepts it. Installed only where introspection is on: without it GraphiQL cannot work.
 */
export function graphiqlPlugin(endpoint = '/graphql'): Plugin {
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      const html = request.headers.get('accept')?.includes('text/html');
      if (request.method !== 'GET' || !html || url.pathname !== endpoint) return;
      compressed ??= compressPage();
      const { identity, gzip: gz, br } = await compressed;
      const accepted = request.headers.get('accept-encoding') ?? '';
      const [body, encoding] = /\bbr\b/.test(accepted)
        ? [br, 'br']
        : /\bgzip\b/.test(accepted)
          ? [gz, 'gzip']
          : [identity, null];
      const headers: Record<string, string> = {
        'content-type': 'text/html; charset=utf-8',
        vary: 'accept-encoding',
      };
      if (encoding) headers['content-encoding'] = encoding;
      endResponse(new fetchAPI.Response(body, { headers }));
    },
  };
}
