/**
 * Workers only for idle cores: the main thread keeps one core busy, and a worker sharing a core with it
 * or with another process makes the run slower than one thread. Readings as the system gives them.
 */
import { describe, expect, test } from 'vitest';
import { readCores, workerCount, type CoreReading } from '../../mcp-server/src/validate/worker-count.js';

const reading = (over: Partial<CoreReading>): CoreReading => ({ setting: 'auto', cores: 2, load1: 0, runningOthers: 0, ...over });

describe('workerCount', () => {
  test('an idle 2-core machine: one worker', () => {
    expect(workerCount(reading({}))).toBe(1);
    expect(workerCount(reading({ load1: 0.5, runningOthers: undefined }))).toBe(1);
  });

  test('2 cores with another process busy, by the load average or right now: none', () => {
    expect(workerCount(reading({ load1: 0.9 }))).toBe(0);
    expect(workerCount(reading({ load1: 0.05, runningOthers: 1 }))).toBe(0);
    expect(workerCount(reading({ load1: 2.6, runningOthers: 0 }))).toBe(0);
  });

  test('many cores: one worker per idle core left after the main thread, at most 3', () => {
    expect(workerCount(reading({ cores: 8, load1: 5.2 }))).toBe(2);
    expect(workerCount(reading({ cores: 8, load1: 5.6 }))).toBe(1);
    expect(workerCount(reading({ cores: 16, load1: 0.1, runningOthers: 2 }))).toBe(3);
  });

  test('one core: never', () => {
    expect(workerCount(reading({ cores: 1 }))).toBe(0);
  });

  test('SHIPGATE_WORKERS=always starts at least one whatever the load; never starts none', () => {
    expect(workerCount(reading({ setting: 'always', load1: 14, runningOthers: 30 }))).toBe(1);
    expect(workerCount(reading({ setting: 'always', cores: 1 }))).toBe(1);
    expect(workerCount(reading({ setting: 'always', cores: 8 }))).toBe(3);
    expect(workerCount(reading({ setting: 'never' }))).toBe(0);
  });

  test('readCores takes the setting from the environment (unknown values mean auto) and reads the machine', () => {
    expect(readCores({ SHIPGATE_WORKERS: 'always' }).setting).toBe('always');
    expect(readCores({ SHIPGATE_WORKERS: 'never' }).setting).toBe('never');
    expect(readCores({ SHIPGATE_NO_WORKERS: '1' }).setting).toBe('never');
    expect(readCores({ SHIPGATE_WORKERS: 'sometimes' }).setting).toBe('auto');
    const auto = readCores({});
    expect(auto.cores).toBeGreaterThanOrEqual(1);
    expect(auto.load1).toBeGreaterThanOrEqual(0);
    if (process.platform === 'linux') expect(auto.runningOthers).toBeGreaterThanOrEqual(0);
  });
});
