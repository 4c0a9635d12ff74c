/** The one registry of deploy strategies. */
import type { Strategy } from './strategy.js';
import { rolling } from './rolling.js';
import { recreate } from './recreate.js';
import { blueGreen } from './blue-green.js';
import { canary } from './canary.js';

export const strategies: Record<Strategy['type'], Strategy> = {
  rolling,
  recreate,
  'blue-green': blueGreen,
  canary,
};
