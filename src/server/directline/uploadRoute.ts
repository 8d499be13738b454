/**
 * POST /v3/directline/conversations/:id/upload — how botframework-directlinejs (and so Web Chat) sends a message
 * with files. The files are counted and thrown away while they stream in; the activity goes on like any other,
 * with an empty `attachments` list and `channelData.beaconAttachmentsRemoved`, so the bot can ask the person
 * not to send images and point them to Take It Down / Report Remove instead (DESIGN.md rule 2).
 */
import type { Request, Response, Server } from 'restify';
import { sendError } from '../httpErrors';
import { acceptClientActivity } from './activityRoutes';
import { authorize } from './authorize';
import { CLIENT_PREFIX, MAX_UPLOAD_BYTES } from './constants';
import type { DirectLineContext } from './context';
import { multipartBoundary, scanUpload } from './multipartScan';
import { guard, pathParam } from './routeSupport';

export function registerUploadRoute(server: Server, ctx: DirectLineContext): void {
  server.post(`${CLIENT_PREFIX}/conversations/:conversationId/upload`, guard(ctx, 'upload', (req, res) => upload(ctx, req, res)));
}

async function upload(ctx: DirectLineContext, req: Request, res: Response): Promise<void> {
  const conversation = await authorize(ctx, req, res, pathParam(req, 'conversationId'));
  if (!conversation) return;
  const boundary = multipartBoundary(req.headers['content-type']);
  if (!boundary) return sendError(res, 415, 'BadArgument', 'An upload must be multipart/form-data.');
  const scan = await scanUpload(req, boundary, MAX_UPLOAD_BYTES);
  if (!scan.ok) {
    // The rest of an oversized upload is not read: the connection is closed once the answer is out.
    if (scan.status === 413) res.once('finish', () => req.destroy());
    return sendError(res, scan.status, 'BadArgument', scan.message);
  }
  await acceptClientActivity(ctx, res, conversation, scan.activity, scan.files);
}
