import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { gatewayPortFromEnv } from './cli.js';

const run = promisify(execFile);

describe('ecogov monitoring commands', { timeout: 60_000 }, () => {
  it.each(['gateway', 'simulate-devices'])('%s --help', async (command) => {
    const { stdout } = await run(process.execPath, ['bin/ecogov.mjs', command, '--help']);
    expect(stdout).toMatch(/Usage: ecogov/);
    if (command === 'simulate-devices') expect(stdout).toMatch(/--devices <n>[\s\S]*--rate <r>/);
  });

  it('reads the gateway port from ECOGOV_GATEWAY_PORT (default 9212)', () => {
    expect(gatewayPortFromEnv({})).toBe(9212);
    expect(gatewayPortFromEnv({ ECOGOV_GATEWAY_PORT: '0' })).toBe(0);
    expect(gatewayPortFromEnv({ ECOGOV_GATEWAY_PORT: 'x' })).toBe(9212);
  });
});
