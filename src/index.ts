/**
 * Entry point. Turns on Node's compile cache first — Beacon loads large libraries (botbuilder), and
 * cached bytecode makes every start after the first one faster — then loads and runs the bot.
 */
import { enableCompileCache } from 'node:module';

enableCompileCache?.();
void import('./main.js');
