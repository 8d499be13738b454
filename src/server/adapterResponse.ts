/**
 * What the Bot Framework adapter answers, filtered before it reaches the caller. botbuilder's CloudAdapter
 * sends its internal error message as the body of a 500 ("candidate?.trim is not a function", "request to
 * https://login.botframework.com/… failed") and answers a token it could not check with a 500 when the
 * identity provider is unreachable (reliability review D5, D9). Here:
 * - a failure before the bot ran (the adapter could not authenticate the request) is a 401;
 * - a failure after is a 500 with the generic shape of `httpErrors.ts`;
 * - an invoke Beacon does not handle (botbuilder's 501) is a 400 that says so;
 * - everything else (200, 202, invoke answers, expectReplies bodies) passes unchanged.
 * The cause goes to the log by the caller, never the body.
 */
import type { Response } from 'restify';
import { sendError } from './httpErrors';

/** The minimal response botbuilder writes to: status, header, send, end. */
export interface AdapterResponse {
  status(code: number): AdapterResponse;
  header(name: string, value: unknown): AdapterResponse;
  send(body?: unknown): AdapterResponse;
  end(): AdapterResponse;
}

export interface Captured {
  status: number;
  body: unknown;
}

export function capturingResponse(): { response: AdapterResponse; captured: Captured } {
  const captured: Captured = { status: 200, body: undefined };
  const response: AdapterResponse = {
    status(code) {
      captured.status = code;
      return response;
    },
    header() {
      return response;
    },
    send(body) {
      captured.body = body;
      return response;
    },
    end() {
      return response;
    }
  };
  return { response, captured };
}

/**
 * Sends what the adapter answered, or a clean error in its place. `botRan`: whether the bot's logic was
 * reached, which tells an authentication failure (never reached) from a failed turn.
 */
export function forwardAdapterAnswer(res: Response, captured: Captured, botRan: boolean): 'ok' | 'unauthorized' | 'failed' {
  if (captured.status === 401 || (captured.status >= 500 && !botRan)) {
    sendError(res, 401, 'Unauthorized', 'The request could not be authenticated.');
    return 'unauthorized';
  }
  // An invoke Beacon has no handler for: botbuilder says 501; it is the request that asks for the unsupported.
  if (captured.status === 501) {
    sendError(res, 400, 'NotSupported', 'Beacon does not handle this kind of invoke.');
    return 'ok';
  }
  if (captured.status >= 500) {
    sendError(res, 500, 'TurnFailed', 'Something went wrong on our side.');
    return 'failed';
  }
  res.status(captured.status);
  if (captured.body === undefined || captured.body === null || captured.body === '') res.end();
  else res.send(captured.body);
  return 'ok';
}
