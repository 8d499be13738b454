/**
 * POST /api/messages: the Bot Framework endpoint. The body is checked to be an activity before the adapter
 * sees it, so malformed input gets a clear 400 instead of an adapter error, and fields of the wrong type are
 * removed (`activityInput.ts`). Authentication is the adapter's.
 */
import type { CloudAdapter } from 'botbuilder';
import type { Request, Response } from 'restify';
import type { BeaconBot } from '../bot/beaconBot';
import type { InflightTracker } from './inflight';
import { sendError } from './httpErrors';
import { capturingResponse, forwardAdapterAnswer } from './adapterResponse';
import { activityProblem, cleanActivity, usableServiceUrl } from './activityInput';

export { activityProblem } from './activityInput';

/**
 * `localMode`: authentication is off, so the request alone decides where replies go; without an http(s)
 * `serviceUrl` they come back in the HTTP response. With authentication on, the channel's signed token
 * vouches for the `serviceUrl`.
 */
export function messagesHandler(adapter: CloudAdapter, bot: BeaconBot, inflight: InflightTracker, localMode = true) {
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
    const activity = cleanActivity(req.body as Record<string, unknown>);
    // Nowhere safe to post replies to: answer in the HTTP response instead of calling out (review D9).
    if (!usableServiceUrl(activity.serviceUrl) && localMode) activity.deliveryMode = 'expectReplies';
    let botRan = false;
    const { response, captured } = capturingResponse();
    await inflight.track(() =>
      adapter.process(req, response as unknown as Response, (context) => {
        botRan = true;
        return bot.run(context);
      })
    );
    forwardAdapterAnswer(res, captured, botRan);
  };
}
