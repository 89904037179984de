import { randomUUID } from 'node:crypto';
import type { Clock } from '../core/clock';
import type { IdGenerator } from '../core/ports/id-generator';

export const systemClock: Clock = { now: () => new Date() };

export const randomIds: IdGenerator = { newId: () => randomUUID() };
