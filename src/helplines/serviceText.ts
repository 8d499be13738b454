/**
 * One service as one message: its name and kind, how to reach it (a `tel:` link only where the channel makes
 * it tappable), whether it is free and whether it is open now. Only what `ShownService` carries is shown – it
 * holds verified values only – and nothing is said about a fact nobody confirmed, except "opening hours not
 * confirmed" for a helpline, so nobody calls a closed line thinking it is open.
 */
import type { Phone } from './schema';
import type { ShownService } from './shownService';
import { openingText, type Translate } from './openingText';

export interface ServiceTextOptions {
  t: Translate;
  language: string;
  /** Whether the channel makes `tel:` links tappable (see channels/capabilities.ts). */
  telLinks: boolean;
  now: Date;
  timeZone: string;
  /** Languages spoken in the country: its services' own names are shown to people who speak them. */
  countryLanguages: readonly string[];
}

/** The number as people dial it, as a `tel:` link where the channel supports it. */
export function phoneText(phone: Phone, telLinks: boolean): string {
  if (!telLinks) return phone.dial;
  return `[${phone.dial}](tel:${phone.e164 ?? phone.dial.replace(/[^\d+]/g, '')})`;
}

/** The local name for people who speak the service's (or else the country's) language, else the English one. */
export function serviceName(service: ShownService, language: string, countryLanguages: readonly string[]): string {
  const spoken = service.languages ?? countryLanguages;
  return spoken.includes(language) ? service.name.local : service.name.en;
}

export function serviceText(service: ShownService, options: ServiceTextOptions): string {
  const { t, telLinks } = options;
  const name = serviceName(service, options.language, options.countryLanguages);
  const kind = service.nonEmergency ? 'helplines:kinds.nonEmergencyPolice' : `helplines:kinds.${service.type}`;
  const lines = [t('helplines:service.title', { name, kind: t(kind) })];
  const facts: string[] = [];
  if (service.phone) facts.push(t('helplines:service.phone', { number: phoneText(service.phone, telLinks) }));
  if (service.sms) {
    const number = phoneText(service.sms, telLinks);
    facts.push(service.sms.keyword ? t('helplines:service.smsKeyword', { number, keyword: service.sms.keyword }) : t('helplines:service.sms', { number }));
  }
  if (service.whatsapp) facts.push(t('helplines:service.whatsapp', { number: service.whatsapp.dial }));
  if (service.free !== undefined) facts.push(t(service.free ? 'helplines:service.free' : 'helplines:service.notFree'));
  const hours = hoursText(service, options);
  if (hours) facts.push(hours);
  if (facts.length > 0) lines.push(facts.join(' · '));
  if (service.chatUrl) lines.push(t('helplines:service.chat', { url: service.chatUrl }));
  if (service.reportUrl) lines.push(t('helplines:service.report', { url: service.reportUrl }));
  if (service.webUrl && !service.chatUrl && !service.reportUrl) lines.push(t('helplines:service.web', { url: service.webUrl }));
  // A blank line between lines: a single line break collapses into a space in most markdown renderers.
  return lines.join('\n\n');
}

/** Opening status for services one calls or chats with; nothing for reporting pages, which are always there. */
function hoursText(service: ShownService, options: ServiceTextOptions): string | undefined {
  if (service.hours) return openingText(service.hours, options.timeZone, options.now, options.language, options.t);
  const reachable = service.phone ?? service.sms ?? service.whatsapp ?? service.chatUrl;
  const isEmergency = service.type === 'emergency' || service.type === 'police';
  return reachable && !isEmergency ? options.t('helplines:service.hoursUnknown') : undefined;
}
