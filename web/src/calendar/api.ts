import type { z } from 'zod';
import { api } from '../app/api';
import type { holidayYearInputSchema, holidayYearListSchema, holidayYearSchema, provisionalYearSchema } from '../../../src/calendar/schema';

export type HolidayYear = z.output<typeof holidayYearSchema>;
export type HolidayYearList = z.output<typeof holidayYearListSchema>;
export type HolidayYearInput = z.input<typeof holidayYearInputSchema>;
export type CalendarDay = HolidayYear['days'][number];
export type ProvisionalYear = z.output<typeof provisionalYearSchema>;

export const calendarApi = {
  years(signal?: AbortSignal) {
    return api<HolidayYearList>('/calendar/years', { signal });
  },
  year(year: number, signal?: AbortSignal) {
    return api<HolidayYear>(`/calendar/${year}`, { signal });
  },
  /** A year's provisional calendar: statutory holidays and weekend days that may be worked. */
  provisional(year: number, signal?: AbortSignal) {
    return api<ProvisionalYear>(`/calendar/${year}/provisional`, { signal });
  },
  put(year: number, input: HolidayYearInput) {
    return api<HolidayYear>(`/calendar/${year}`, { method: 'PUT', body: input });
  },
};
