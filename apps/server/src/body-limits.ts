import { GraphQLError } from 'graphql';
import type { FetchAPI, Plugin } from 'graphql-yoga';

export interface BodyLimits {
  /** Any request but a file upload (bytes). */
  body: number;
  /** A multipart request: the GraphQL multipart request spec's file uploads (bytes). */
  upload: number;
}

const MULTIPART = /^\s*multipart\/form-data/i;

function tooLarge(limit: number) {
  return new GraphQLError(`The request body is larger than ${limit} bytes.`, {
    extensions: { code: 'REQUEST_ENTITY_TOO_LARGE', http: { status: 413 } },
  });
}

/**
 * The body, cut off with an error once more than `limit` bytes have arrived (chunked bodies),
 * and whether it was.
 */
function badLength() {
  return new GraphQLError('Content-Length header is invalid.', {
    extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
  });
}

function limited(request: Request, limit: number, fetchAPI: FetchAPI) {
  const body = request.body;
  let read = 0;
  const exceeded = () => read > limit;
  if (!body) return { request, exceeded };
  // A native stream pipes only into a native TransformStream (as in Yoga's own body limit).
  const Transform = body instanceof ReadableStream ? TransformStream : fetchAPI.TransformStream;
  const counted = body.pipeThrough(
    new Transform<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        read += chunk.byteLength;
        if (read > limit) controller.error(tooLarge(limit));
        else controller.enqueue(chunk);
      },
    }),
  );
  const cut = new fetchAPI.Request(request.url, {
    method: request.method,
    headers: request.headers,
    signal: request.signal,
    body: counted,
    // @ts-expect-error: Node's RequestInit takes `duplex` for a streamed body; lib.dom lacks it.
    duplex: 'half',
  });
  return { request: cut, exceeded };
}

/**
 * Small requests stay small: a JSON or GET request may carry `body` bytes, a file upload
 * `upload`. A declared length over the limit is refused before a byte is read; a chunked body
 * is counted as it streams in. Either way nothing is parsed past the limit.
 */
export function bodyLimitPlugin(limits: BodyLimits): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      const limit = MULTIPART.test(request.headers.get('content-type') ?? '')
        ? limits.upload
        : limits.body;
      const length = request.headers.get('content-length');
      if (length !== null) {
        if (!/^\d+$/.test(length)) throw badLength();
        if (Number(length) > limit) throw tooLarge(limit);
        // Node's HTTP parser hands on no more than the declared length: nothing to count.
        return;
      }
      if (!requestParser || !request.body) return;
      setRequestParser(async (req) => {
        const { request: cut, exceeded } = limited(req, limit, fetchAPI);
        try {
          return await requestParser(cut);
        } catch (error) {
          // The multipart parser reports a cut-off stream as bad data (400): it was too large.
          throw exceeded() ? tooLarge(limit) : error;
        }
      });
    },
  };
}
