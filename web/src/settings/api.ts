import type { z } from 'zod';
import { api } from '../app/api';
import type { settingsHistorySchema, settingsPutSchema, settingsSchema } from '../../../src/settings/schema';

export type Settings = z.output<typeof settingsSchema>;
export type SettingsValue = Settings['value'];
export type SettingsPut = z.input<typeof settingsPutSchema>;
export type SettingsHistory = z.output<typeof settingsHistorySchema>;

export const settingsApi = {
  get(signal?: AbortSignal) {
    return api<Settings>('/settings', { signal });
  },
  put(input: SettingsPut) {
    return api<Settings>('/settings', { method: 'PUT', body: input });
  },
  history(signal?: AbortSignal) {
    return api<SettingsHistory>('/settings/history', { signal });
  },
};
