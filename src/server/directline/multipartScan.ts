/**
 * Reads a Direct Line upload (multipart/form-data: one `activity` part, then one part per file) without
 * keeping the files: it counts parts as the bytes stream past and keeps only the first few kilobytes, where
 * botframework-directlinejs puts the activity. No file is written anywhere or held in memory as a whole —
 * Beacon never handles images (DESIGN.md rule 2).
 */
import type { IncomingMessage } from 'node:http';

export type UploadScan =
  | { ok: true; activity: unknown; files: number }
  | { ok: false; status: number; message: string };

/** Counts non-overlapping occurrences of a pattern across chunks, holding back only pattern-length bytes. */
class PatternCounter {
  count = 0;
  private tail: Buffer;

  constructor(private readonly pattern: Buffer, start: Buffer) {
    this.tail = start;
  }

  write(chunk: Buffer): void {
    const data = Buffer.concat([this.tail, chunk]);
    for (let at = data.indexOf(this.pattern); at !== -1; at = data.indexOf(this.pattern, at + this.pattern.length)) {
      this.count += 1;
    }
    this.tail = data.subarray(Math.max(0, data.length - (this.pattern.length - 1)));
  }
}

/** The boundary of a multipart/form-data Content-Type, or undefined when it is not one. */
export function multipartBoundary(contentType: string | undefined): string | undefined {
  if (!/^multipart\/form-data\s*;/i.test(contentType ?? '')) return undefined;
  const match = /;\s*boundary=(?:"([^"]{1,70})"|([^;\s"]{1,70}))/i.exec(contentType ?? '');
  return match?.[1] ?? match?.[2];
}

/** Streams the request body through the counters; stops reading and refuses above `maxBytes`. */
export function scanUpload(req: IncomingMessage, boundary: string, maxBytes: number, keepBytes = 64 * 1024): Promise<UploadScan> {
  const crlf = Buffer.from('\r\n');
  // A virtual CRLF before the body lets the very first boundary match the same "CRLF--boundary" pattern.
  const parts = new PatternCounter(Buffer.from(`\r\n--${boundary}`), crlf);
  const closings = new PatternCounter(Buffer.from(`\r\n--${boundary}--`), crlf);
  const kept: Buffer[] = [];
  let size = 0;
  return new Promise((resolve) => {
    let settled = false;
    const settle = (result: UploadScan) => {
      if (!settled) resolve(result);
      settled = true;
    };
    req.on('data', (chunk: Buffer) => {
      if (settled) return;
      if (size < keepBytes) kept.push(chunk.subarray(0, keepBytes - size));
      size += chunk.length;
      if (size > maxBytes) return settle({ ok: false, status: 413, message: `The upload is larger than ${maxBytes} bytes.` });
      parts.write(chunk);
      closings.write(chunk);
    });
    req.once('end', () => settle(finish(Buffer.concat(kept), boundary, parts.count, closings.count)));
    req.once('error', () => settle({ ok: false, status: 400, message: 'The upload was not received completely.' }));
    req.once('close', () => settle({ ok: false, status: 400, message: 'The upload was not received completely.' }));
  });
}

function finish(head: Buffer, boundary: string, delimiters: number, closings: number): UploadScan {
  if (closings !== 1 || delimiters < 2) return { ok: false, status: 400, message: 'The upload is not well-formed multipart data.' };
  const activity = firstPartJson(head, boundary);
  if (activity === undefined) {
    return { ok: false, status: 400, message: 'The upload must start with an "activity" part holding the activity as JSON.' };
  }
  return { ok: true, activity, files: delimiters - 2 };
}

/** The JSON of the first part when it is named "activity" and fits in the kept bytes; undefined otherwise. */
function firstPartJson(head: Buffer, boundary: string): unknown {
  const data = Buffer.concat([Buffer.from('\r\n'), head]);
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  const start = data.indexOf(delimiter);
  if (start === -1) return undefined;
  const headersStart = start + delimiter.length + 2;
  const headersEnd = data.indexOf('\r\n\r\n', headersStart);
  const end = headersEnd === -1 ? -1 : data.indexOf(delimiter, headersEnd + 4);
  if (end === -1) return undefined;
  const headers = data.subarray(headersStart, headersEnd).toString('latin1');
  if (!/^content-disposition:[^\r\n]*\bname="?activity"?/im.test(headers)) return undefined;
  try {
    return JSON.parse(data.subarray(headersEnd + 4, end).toString('utf8'));
  } catch {
    return undefined;
  }
}
