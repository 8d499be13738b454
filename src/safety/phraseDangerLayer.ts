/**
 * Today's phrase lists (`phraseDangerDetector.ts`) as a layer of the crisis check: a phrase found is strong
 * evidence of danger but says nothing of its kind, which the other layers give.
 */
import type { DangerLayer, LayerReading } from './dangerLayer';
import { QUIET } from './dangerLayer';
import type { PhraseDangerDetector } from './phraseDangerDetector';

const FOUND: LayerReading = Object.freeze({ emergency: 1, urgent: 0 });

export class PhraseDangerLayer implements DangerLayer {
  readonly name = 'phrases';

  constructor(private readonly phrases: PhraseDangerDetector) {}

  read(text: string, language: string): LayerReading {
    return this.phrases.isDanger(text, language) ? FOUND : QUIET;
  }
}
