import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

export type JsonResponse = APIGatewayProxyStructuredResultV2 & { statusCode: number; body: string };

export function jsonResponse(statusCode: number, body: Record<string, unknown>): JsonResponse {
  return {
    statusCode,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  };
}
