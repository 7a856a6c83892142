/**
 * What every call goes through whatever its protocol: its record in `calls`, and for AWS calls the frame that
 * records and sends the answer or the error (the JSON and the Query protocols differ only in how they send).
 */
import type { IncomingMessage } from 'node:http';
import { type ApiName, AwsServiceError, type CallRecord } from '../contract.js';
import type { SimulatorServerOptions } from './options.js';

/** `status` 0: no answer was sent (a dropped, hung or lost call). */
export function recordCall(
  calls: CallRecord[],
  api: ApiName,
  operation: string,
  params: unknown,
  status: number,
  error?: string,
): void {
  const call: CallRecord = { api, operation, params, time: Date.now(), status };
  if (error !== undefined) call.error = error;
  calls.push(call);
}

export type Recorder = (status: number, error?: string) => void;

export interface AwsCallFrame {
  record: Recorder;
  /** Records the error and sends it as the call's answer. */
  fail(error: AwsServiceError): void;
  /**
   * Sends what the side answers. An AwsServiceError it throws is the call's error answer; anything else is recorded
   * as InternalError and thrown on (the server then answers 500).
   */
  answer<T>(call: () => Promise<T>, send: (result: T) => void): Promise<void>;
}

export function awsCallFrame(record: Recorder, sendError: (error: AwsServiceError) => void): AwsCallFrame {
  const fail = (error: AwsServiceError): void => {
    record(error.status, error.code);
    sendError(error);
  };
  return {
    record,
    fail,
    async answer(call, send) {
      try {
        send(await call());
      } catch (error) {
        if (error instanceof AwsServiceError) {
          fail(error);
          return;
        }
        record(500, 'InternalError');
        throw error;
      }
    },
  };
}

/** Waits until the client closes the connection (a hung call ends only so). */
export async function untilClosed(req: IncomingMessage): Promise<void> {
  if (!req.socket.destroyed) await new Promise<void>((resolve) => req.socket.once('close', () => resolve()));
}

/** One AWS call past its checks, as the protocols' fault players take it. */
export interface AwsCall<Service, Params> {
  req: IncomingMessage;
  service: Service;
  operation: string;
  params: Params;
  frame: AwsCallFrame;
  options: SimulatorServerOptions;
}
