import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../platform/db/index.js';
import { checkPermission } from '../platform/auth/session.js';
import { sendRefusal } from '../platform/http/outcome-to-http.js';
import { errorSchema } from '../platform/http/errors-schema.js';
import { refuse } from '../law/outcome.js';
import { holidayYearInputSchema, holidayYearListSchema, holidayYearSchema, provisionalYearSchema, yearParamsSchema } from './schema.js';
import { provisionalYear } from '../law/provisional-calendar.js';
import { chinaDateOf, yearOf } from '../law/civil-date.js';
import { findHolidayYear, listHolidayYears, listRecordedYears, type HolidayYearDetail } from './queries.js';
import { putHolidayYear } from './actions.js';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema, 422: errorSchema };

const present = (y: HolidayYearDetail) => ({ ...y, updatedAt: y.updatedAt.toISOString() });

export const calendarRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get('/api/calendar/years', {
    schema: { tags: ['calendar'], summary: 'Years whose holiday arrangement is on record', response: { 200: holidayYearListSchema, ...errors } },
  }, async (request, reply) => {
    if (!request.principal) return sendRefusal(request, reply, refuse('UNAUTHENTICATED'));
    const items = await listHolidayYears(db);
    // From the first recorded year (or this year) to next year: every year not on record is provisional.
    const nextYear = yearOf(chinaDateOf(new Date())) + 1;
    const recorded = new Set(items.map((y) => y.year));
    const provisional = [];
    for (let year = Math.min(items[0]?.year ?? nextYear - 1, nextYear - 1); year <= nextYear; year++) {
      if (recorded.has(year)) continue;
      const p = provisionalYear(year);
      provisional.push({ year, source: p.source, restDays: p.restDays.length, possiblyWorkedDays: p.possiblyWorkedDays.length });
    }
    return { items: items.map((y) => ({ ...y, updatedAt: y.updatedAt.toISOString() })), provisional };
  });

  app.get('/api/calendar/:year/provisional', {
    schema: {
      tags: ['calendar'], summary: 'The provisional calendar of a year: statutory holidays (全国年节及纪念日放假办法 第二条) and weekend days that may be worked',
      params: yearParamsSchema, response: { 200: provisionalYearSchema, ...errors },
    },
  }, async (request, reply) => {
    if (!request.principal) return sendRefusal(request, reply, refuse('UNAUTHENTICATED'));
    const { year } = request.params;
    const p = provisionalYear(year);
    const official = (await listRecordedYears(db)).includes(year);
    return { year, official, source: p.source, restDays: p.restDays, possiblyWorkedDays: p.possiblyWorkedDays, possiblyRestedDays: p.possiblyRestedDays };
  });

  app.get('/api/calendar/:year', {
    schema: { tags: ['calendar'], summary: "One year's rest days and adjusted working days", params: yearParamsSchema, response: { 200: holidayYearSchema, ...errors } },
  }, async (request, reply) => {
    if (!request.principal) return sendRefusal(request, reply, refuse('UNAUTHENTICATED'));
    const y = await findHolidayYear(db, request.params.year);
    if (!y) return sendRefusal(request, reply, refuse('NOT_FOUND'));
    return present(y);
  });

  app.put('/api/calendar/:year', {
    schema: {
      tags: ['calendar'], summary: "Add or replace a year's arrangement (国务院办公厅部分节假日安排通知)",
      params: yearParamsSchema, body: holidayYearInputSchema, response: { 200: holidayYearSchema, 201: holidayYearSchema, ...errors },
    },
  }, async (request, reply) => {
    const denied = checkPermission(request, 'calendar.manage');
    if (denied) return sendRefusal(request, reply, denied);
    const result = await putHolidayYear(db, request.principal!, request.params.year, request.body, new Date());
    if (!result.ok) return sendRefusal(request, reply, result);
    return reply.code(result.value.created ? 201 : 200).send({ ...present(result.value.detail), recomputedDeadlines: result.value.deadlines });
  });
};
