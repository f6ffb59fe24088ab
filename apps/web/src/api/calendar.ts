import {
  CalendarHoliday,
  CalendarSwap,
  DueDateAnswer,
  type CreateCalendarHoliday,
  type CreateCalendarSwap,
  type DueDateQuery,
} from '@tinhso/contracts';
import { apiCommand, apiGet, apiSend } from './client.ts';

// The year is read through useApi (CalendarYear); the due-date preview and the changes are here.
export const previewDueDate = (query: Partial<DueDateQuery>) =>
  apiGet(DueDateAnswer, '/api/calendar/due-date', { query });
export const addHoliday = (body: CreateCalendarHoliday) =>
  apiSend('POST', '/api/calendar/holidays', body, CalendarHoliday);
export const removeHoliday = (day: string) =>
  apiCommand('DELETE', `/api/calendar/holidays/${encodeURIComponent(day)}`);
export const addSwap = (body: CreateCalendarSwap) =>
  apiSend('POST', '/api/calendar/swaps', body, CalendarSwap);
export const removeSwap = (day: string) =>
  apiCommand('DELETE', `/api/calendar/swaps/${encodeURIComponent(day)}`);
