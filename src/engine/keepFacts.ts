/**
 * Facts said in passing ("i'm 14", "I'm her dad", "we live in Belgium") are kept in the profile like a pressed
 * button, on any turn. An age band belongs to a young person: a parent's "she's 13" is not the parent's age.
 * A language said in passing is a switch, which the decision table makes a command; it is not kept here.
 */
import type { TurnContext } from 'botbuilder';
import type { BeaconState } from '../bot/state';
import type { Facts } from '../understanding/facts';

export async function keepFacts(context: TurnContext, state: BeaconState, facts: Facts): Promise<void> {
  if (!facts.audience && !facts.ageBand && !facts.country) return;
  const profile = await state.profile.get(context, {});
  if (facts.audience && facts.audience !== profile.audience) {
    profile.audience = facts.audience;
    if (facts.audience !== 'young_person') delete profile.ageBand;
  }
  if (facts.ageBand && profile.audience !== 'parent' && profile.audience !== 'other_adult') {
    profile.ageBand = facts.ageBand;
    profile.audience ??= 'young_person';
  }
  if (facts.country) profile.country = facts.country;
  await state.profile.set(context, profile);
}
