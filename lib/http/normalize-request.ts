import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { PayloadTooLargeError } from '../errors';

export interface NormalizedRequest {
  /** Lower-cased header names (HTTP API already lower-cases; a local server may not). */
  headers: Record<string, string | undefined>;
  body: string;
}

/**
 * API Gateway (HTTP API, payload v2) → headers and the body as text. The size limit is
 * checked before anything is decoded or parsed; base64 bodies are decoded here.
 */
export function normalizeRequest(
  event: APIGatewayProxyEventV2,
  maxBodyBytes: number,
): NormalizedRequest {
  const headers: Record<string, string | undefined> = Object.create(null);
  for (const [name, value] of Object.entries(event.headers ?? {}))
    headers[name.toLowerCase()] = value;
  const raw = event.body ?? '';
  // A lower bound of the byte size, so a huge body is refused without being decoded.
  const atLeast = event.isBase64Encoded ? Math.floor((raw.length * 3) / 4) - 2 : raw.length;
  if (atLeast > maxBodyBytes) throw tooLarge(maxBodyBytes);
  const bytes = event.isBase64Encoded ? Buffer.from(raw, 'base64') : Buffer.from(raw, 'utf8');
  if (bytes.length > maxBodyBytes) throw tooLarge(maxBodyBytes);
  return { headers, body: bytes.toString('utf8') };
}

function tooLarge(maxBodyBytes: number): PayloadTooLargeError {
  return new PayloadTooLargeError(
    `body is larger than ${maxBodyBytes} bytes; real Gitee deliveries are 5–25 KB`,
  );
}
