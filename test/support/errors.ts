import assert from 'node:assert/strict';
import { errorResponseSchema, type ErrorResponse } from '@begroot/core';

/** Traces of a stack trace or a driver's message in a response body. */
const LEAKS = [/\bat .+:\d+:\d+/, /"stack"/, /node_modules/, /SQLITE_|\bknex\b|duplicate key/i];

/** Asserts an error response in Strapi's format (core's errorResponseSchema) with no stack trace. */
export async function expectError(response: Response, status: number, name: string) {
  const text = await response.text();
  assert.equal(response.status, status, text);
  assert.match(response.headers.get('content-type') ?? '', /application\/json/);
  for (const leak of LEAKS) assert.doesNotMatch(text, leak, `response leaks internals: ${text}`);
  const parsed = errorResponseSchema.safeParse(JSON.parse(text));
  assert.ok(parsed.success, `not Strapi's error format: ${text}`);
  const body: ErrorResponse = parsed.data;
  assert.equal(body.error.status, status);
  assert.equal(body.error.name, name);
  return body;
}
