/**
 * Following several services costs ceil(N/10) DescribeServices calls per poll, not N: this wraps the ECS client so
 * that single-service DescribeServices calls made within a short window for the same cluster go out as one call of up
 * to 10 services (the API's limit), each caller getting its own service (or failure) from the shared answer. Every
 * other call passes through. The single-service phases (session.ts) use it unchanged.
 */
import {
  DescribeServicesCommand,
  type DescribeServicesCommandOutput,
  type ECSClient,
  type Service,
} from '@aws-sdk/client-ecs';

/** DescribeServices takes at most 10 services a call. */
export const DESCRIBE_SERVICES_BATCH = 10;

interface Waiter {
  service: string;
  resolve(output: DescribeServicesCommandOutput): void;
  reject(error: unknown): void;
}

interface Batch {
  cluster: string | undefined;
  include: DescribeServicesCommand['input']['include'];
  waiters: Waiter[];
  timer?: NodeJS.Timeout;
}

type Send = ECSClient['send'];

/**
 * The client with DescribeServices batched. A batch goes out as soon as every service being followed (`followers()`,
 * less those whose call is already on its way) has asked, or holds 10 services, or after `windowMs` (real time): a
 * follower that polls out of step with the others waits at most that long, and is in step from then on.
 */
export function batchingEcsClient(ecs: ECSClient, followers: () => number, windowMs = 250): ECSClient {
  const open = new Map<string, Batch>();
  /** Services whose batch was sent and not yet answered. */
  let inFlight = 0;
  const waiting = () => [...open.values()].reduce((sum, batch) => sum + batch.waiters.length, 0);

  const flush = (key: string) => {
    const batch = open.get(key);
    if (!batch) return;
    open.delete(key);
    if (batch.timer) clearTimeout(batch.timer);
    const services = [...new Set(batch.waiters.map((waiter) => waiter.service))];
    const input = { cluster: batch.cluster, services, ...(batch.include ? { include: batch.include } : {}) };
    inFlight += batch.waiters.length;
    ecs.send(new DescribeServicesCommand(input)).then(
      (output) => {
        inFlight -= batch.waiters.length;
        for (const waiter of batch.waiters) waiter.resolve(answerFor(output, waiter.service));
      },
      (error: unknown) => {
        inFlight -= batch.waiters.length;
        for (const waiter of batch.waiters) waiter.reject(error);
      },
    );
  };

  const send = ((command: unknown, options?: unknown) => {
    const single =
      command instanceof DescribeServicesCommand && command.input.services?.length === 1 ? command.input : undefined;
    const service = single?.services?.[0];
    if (!single || service === undefined)
      return (ecs.send as (c: unknown, o?: unknown) => Promise<unknown>)(command, options);
    const signal = (options as { abortSignal?: AbortSignal } | undefined)?.abortSignal;
    const key = `${single.cluster ?? ''}\n${JSON.stringify(single.include ?? [])}`;
    return new Promise<DescribeServicesCommandOutput>((resolve, reject) => {
      if (signal?.aborted) {
        reject(abortError(signal));
        return;
      }
      // A caller that gives up (cancel, its own time limit) stops waiting; the batch goes on for the others.
      const onAbort = () => reject(abortError(signal));
      signal?.addEventListener('abort', onAbort, { once: true });
      const done = () => signal?.removeEventListener('abort', onAbort);
      let batch = open.get(key);
      if (!batch) {
        batch = { cluster: single.cluster, include: single.include, waiters: [] };
        open.set(key, batch);
        batch.timer = setTimeout(() => flush(key), windowMs);
      }
      batch.waiters.push({
        service,
        resolve: (output) => {
          done();
          resolve(output);
        },
        reject: (error) => {
          done();
          reject(error);
        },
      });
      const full = new Set(batch.waiters.map((waiter) => waiter.service)).size >= DESCRIBE_SERVICES_BATCH;
      if (full || waiting() + inFlight >= followers()) flush(key);
    });
  }) as Send;

  return new Proxy(ecs, {
    get(target, property, receiver) {
      if (property === 'send') return send;
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** The shared answer cut down to one caller's service: its service, or its failure. */
function answerFor(output: DescribeServicesCommandOutput, service: string): DescribeServicesCommandOutput {
  const matches = (candidate: Service) => candidate.serviceName === service || candidate.serviceArn === service;
  const named = (arn: string | undefined) => arn === service || arn?.endsWith(`/${service}`) === true;
  return {
    ...output,
    services: (output.services ?? []).filter(matches),
    failures: (output.failures ?? []).filter((failure) => named(failure.arn)),
  };
}

function abortError(signal: AbortSignal | undefined): Error {
  const reason: unknown = signal?.reason;
  if (reason instanceof Error) return reason;
  const error = new Error('The operation was aborted.');
  error.name = 'AbortError';
  return error;
}
