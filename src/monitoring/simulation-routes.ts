// API of the running-server simulation (administrator): register simulated loggers, start, stop, status.
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../platform/db/index.js';
import { sendRefusal } from '../platform/http/outcome-to-http.js';
import { errorSchema } from '../platform/http/errors-schema.js';
import { refuse } from '../law/outcome.js';
import { listSimulatedDevices, registerSimulatedDevices, simulationStatus, startSimulation, stopSimulation, type SimulationRun } from './simulation.js';
import { runningGateways } from './hooks.js';
import { simulationDevicesInputSchema, simulationRunSchema, simulationStartInputSchema, simulationStatusSchema } from './schema.js';

export { simulationDevicesInputSchema, simulationStartInputSchema, simulationStatusSchema };

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema, 422: errorSchema };
const present = (r: SimulationRun) => ({ ...r, startedAt: r.startedAt.toISOString(), endedAt: r.endedAt ? r.endedAt.toISOString() : null });

export const simulationRoutes: FastifyPluginAsyncZod<{ db: Db; clock?: () => Date }> = async (app, { db, clock = () => new Date() }) => {
  app.get('/api/monitoring/simulation', {
    schema: { tags: ['monitoring'], summary: 'Simulated loggers and the current or last simulation (administrator)', response: { 200: simulationStatusSchema, ...errors } },
  }, async (request, reply) => {
    if (request.principal?.role !== 'administrator') return sendRefusal(request, reply, refuse('FORBIDDEN'));
    const devices = await listSimulatedDevices(db);
    const run = simulationStatus();
    return {
      gatewayPort: runningGateways()[0]?.port ?? null,
      simulatedDevices: { water: devices.filter((d) => d.kind === 'water').length, air: devices.filter((d) => d.kind === 'air').length, electricity: devices.filter((d) => d.kind === 'electricity').length },
      run: run ? present(run) : null,
    };
  });

  app.post('/api/monitoring/simulation/devices', {
    schema: { tags: ['monitoring'], summary: 'Register simulated loggers (with standard limits) for enterprises or some of their outfalls', body: simulationDevicesInputSchema, response: { 201: z.object({ devices: z.number(), created: z.number() }), ...errors } },
  }, async (request, reply) => {
    const result = await registerSimulatedDevices(db, request.principal!, request.body, clock());
    if (!result.ok) return sendRefusal(request, reply, result);
    return reply.code(201).send(result.value);
  });

  app.post('/api/monitoring/simulation/start', {
    schema: { tags: ['monitoring'], summary: 'Start sending simulated HJ 212-2017 frames over TCP to this server\'s gateway', body: simulationStartInputSchema, response: { 202: simulationRunSchema, ...errors } },
  }, async (request, reply) => {
    const result = await startSimulation(db, request.principal!, request.body, clock());
    if (!result.ok) return sendRefusal(request, reply, result);
    return reply.code(202).send(present(result.value));
  });

  app.post('/api/monitoring/simulation/stop', {
    schema: { tags: ['monitoring'], summary: 'Stop the running simulation', response: { 200: simulationRunSchema, ...errors } },
  }, async (request, reply) => {
    const result = await stopSimulation(db, request.principal!, clock());
    if (!result.ok) return sendRefusal(request, reply, result);
    return present(result.value);
  });
};
