import type { z } from 'zod';
import { api } from '../app/api';
import type { holidayYearInputSchema, holidayYearListSchema, holidayYearSchema } from '../../../src/calendar/schema';

export type HolidayYear = z.output<typeof holidayYearSchema>;
export type HolidayYearList = z.output<typeof holidayYearListSchema>;
export type HolidayYearInput = z.input<typeof holidayYearInputSchema>;
export type CalendarDay = HolidayYear['days'][number];

export const calendarApi = {
  years(signal?: AbortSignal) {
    return api<HolidayYearList>('/calendar/years', { signal });
  },
  year(year: number, signal?: AbortSignal) {
    return api<HolidayYear>(`/calendar/${year}`, { signal });
  },
  put(year: number, input: HolidayYearInput) {
    return api<HolidayYear>(`/calendar/${year}`, { method: 'PUT', body: input });
  },
};
