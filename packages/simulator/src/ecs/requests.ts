/**
 * Reading an ECS request's parameters, with the InvalidParameterException / ClientException answers the API
 * reference gives for bad ones, and its opaque pagination.
 */
import { AwsServiceError } from '../contract.js';
import type { JsonObject } from './model.js';

export const invalid = (message: string) => new AwsServiceError('InvalidParameterException', message);
export const clientError = (message: string) => new AwsServiceError('ClientException', message);

export function str(input: JsonObject, name: string): string | undefined {
  const value = input[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalid(`${name} must be a string.`);
  return value;
}

export function required(input: JsonObject, name: string): string {
  const value = str(input, name);
  if (value === undefined || value === '') throw invalid(`${name} can not be blank.`);
  return value;
}

export function strings(input: JsonObject, name: string): string[] | undefined {
  const value = input[name];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
    throw invalid(`${name} must be a list of strings.`);
  }
  return value as string[];
}

/** A Describe* list of references: `name`, not empty (`<subject> cannot be empty.`) and at most `max` long. */
export function referenceList(input: JsonObject, name: string, subject: string, max: number): string[] {
  const references = strings(input, name);
  if (!references || references.length === 0) throw invalid(`${subject} cannot be empty.`);
  if (references.length > max) throw invalid(`Too many ${name}. The maximum is ${max}.`);
  return references;
}

/** `include: ["TAGS"]`: the answer carries the resources' tags. */
export const includesTags = (input: JsonObject) => (strings(input, 'include') ?? []).includes('TAGS');

/** One page of a List* answer, `{ [key]: page }`, with the `nextToken` of the next page when there is one. */
export function listPage<T>(key: string, items: T[], input: JsonObject, defaultMax: number, limit: number): JsonObject {
  const { page, nextToken } = paginate(items, input, defaultMax, limit);
  return nextToken ? { [key]: page, nextToken } : { [key]: page };
}

/** Opaque pagination: nextToken is the base64 offset (ListTasks, ListTaskDefinitions, ListServiceDeployments). */
export function paginate<T>(
  items: T[],
  input: JsonObject,
  defaultMax: number,
  limit: number,
): { page: T[]; nextToken?: string } {
  const maxResults = input.maxResults === undefined ? defaultMax : Number(input.maxResults);
  if (!Number.isInteger(maxResults) || maxResults < 1 || maxResults > limit) {
    throw invalid(`maxResults must be between 1 and ${limit}.`);
  }
  let offset = 0;
  const token = str(input, 'nextToken');
  if (token !== undefined) {
    offset = Number(Buffer.from(token, 'base64').toString('utf8'));
    if (!Number.isInteger(offset) || offset < 0) throw invalid('Invalid nextToken.');
  }
  const page = items.slice(offset, offset + maxResults);
  const next = offset + maxResults;
  return next < items.length ? { page, nextToken: Buffer.from(String(next)).toString('base64') } : { page };
}
