// The part of lunar-javascript (6tail, MIT; ships no types) that provisional-calendar.ts uses.
declare module 'lunar-javascript' {
  interface LunarSolar {
    toYmd(): string;
    next(days: number): LunarSolar;
  }
  interface LunarDate {
    getSolar(): LunarSolar;
    /** The 24 solar terms around the lunar year, keyed by name (清明 …). */
    getJieQiTable(): Record<string, LunarSolar>;
  }
  export const Lunar: {
    /** Lunar year, month (1–12; a leap month is negative) and day. */
    fromYmd(year: number, month: number, day: number): LunarDate;
  };
}
