import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CalendarDayParams,
  CalendarHoliday,
  CalendarSwap,
  CalendarYear,
  CalendarYearParams,
  CreateCalendarHoliday,
  CreateCalendarSwap,
  DueDateAnswer,
  DueDateQuery,
  Ok,
  WorkingDaysAnswer,
  WorkingDaysQuery,
} from '@tinhso/contracts';
import type { FastifyRequest } from 'fastify';
import type { Transaction } from 'kysely';
import type { DB } from '../../platform/db-types.ts';
import type { Db } from '../../platform/db.ts';
import { actorOf } from '../../platform/guard.ts';
import { runCommand } from '../../platform/idempotency.ts';
import { forgetCalendarData } from './repository.ts';
import { getCalendarYear } from './get-calendar-year.ts';
import { getDueDate } from './get-due-date.ts';
import { getWorkingDays } from './get-working-days.ts';
import { addHoliday, removeHoliday } from './manage-holidays.ts';
import { addSwap, removeSwap } from './manage-swaps.ts';

const tags = ['calendar'];

export const calendarRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  /** A change of the year data, forgotten by the deadline cache once it has committed (or failed). */
  const calendarCommand = <T>(request: FastifyRequest, command: (tx: Transaction<DB>) => Promise<T>) =>
    runCommand(db, request, command).finally(forgetCalendarData);
  app.get(
    '/api/calendar/working-days',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The N-th working day after a day (hẹn trả), with the days skipped and why',
        querystring: WorkingDaysQuery,
        response: { 200: WorkingDaysAnswer },
      },
    },
    async (request) => getWorkingDays(db, request.query),
  );

  app.get(
    '/api/calendar/due-date',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'When a deadline in working days, calendar days, hours or months runs out, and why',
        querystring: DueDateQuery,
        response: { 200: DueDateAnswer },
      },
    },
    async (request) => getDueDate(db, { ...request.query, receivedAt: new Date(request.query.receivedAt) }),
  );

  app.get(
    '/api/calendar/year/:year',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'A year’s holidays, nghỉ bù, swaps and number of working days',
        params: CalendarYearParams,
        response: { 200: CalendarYear },
      },
    },
    async (request) => getCalendarYear(db, request.params.year),
  );

  app.post(
    '/api/calendar/holidays',
    {
      config: { access: 'calendar.manage' },
      schema: {
        tags,
        summary: 'Add a holiday from the year’s notice',
        body: CreateCalendarHoliday,
        response: { 201: CalendarHoliday },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await calendarCommand(request, (tx) => addHoliday(tx, request.body, actorOf(request)))),
  );

  app.delete(
    '/api/calendar/holidays/:day',
    {
      config: { access: 'calendar.manage' },
      schema: {
        tags,
        summary: 'Remove a holiday set per year',
        params: CalendarDayParams,
        response: { 200: Ok },
      },
    },
    async (request) =>
      calendarCommand(request, (tx) => removeHoliday(tx, request.params.day, actorOf(request))),
  );

  app.post(
    '/api/calendar/swaps',
    {
      config: { access: 'calendar.manage' },
      schema: {
        tags,
        summary: 'Add a make-up working day or a bridge day off',
        body: CreateCalendarSwap,
        response: { 201: CalendarSwap },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await calendarCommand(request, (tx) => addSwap(tx, request.body, actorOf(request)))),
  );

  app.delete(
    '/api/calendar/swaps/:day',
    {
      config: { access: 'calendar.manage' },
      schema: { tags, summary: 'Remove a swap', params: CalendarDayParams, response: { 200: Ok } },
    },
    async (request) => calendarCommand(request, (tx) => removeSwap(tx, request.params.day, actorOf(request))),
  );
};
