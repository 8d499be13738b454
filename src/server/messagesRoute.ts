/**
 * POST /api/messages: the Bot Framework endpoint. The body is checked to be an activity before the adapter
 * sees it, so malformed input gets a clear 400 instead of an adapter error. Authentication is the adapter's.
 */
import type { CloudAdapter } from 'botbuilder';
import type { Request, Response } from 'restify';
import type { BeaconBot } from '../bot/beaconBot';
import type { InflightTracker } from './inflight';
import { sendError } from './httpErrors';

export function messagesHandler(adapter: CloudAdapter, bot: BeaconBot, inflight: InflightTracker) {
  return async (req: Request, res: Response): Promise<void> => {
    if (inflight.draining) {
      res.header('Retry-After', '5');
      sendError(res, 503, 'ShuttingDown', 'This instance is shutting down; retry shortly.');
      return;
    }
    const problem = activityProblem(req.body);
    if (problem) {
      sendError(res, 400, 'BadActivity', problem);
      return;
    }
    await inflight.track(() => adapter.process(req, res, (context) => bot.run(context)));
  };
}

/** Why a body is not an activity Beacon can process, or undefined when it is one. */
export function activityProblem(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return 'The body must be a JSON Bot Framework activity object.';
  }
  const activity = body as { type?: unknown; conversation?: { id?: unknown } };
  if (typeof activity.type !== 'string' || activity.type === '') return 'The activity has no "type".';
  if (typeof activity.conversation?.id !== 'string' || activity.conversation.id === '') {
    return 'The activity has no "conversation.id".';
  }
  return undefined;
}
