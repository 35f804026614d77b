// Official holiday arrangements (国务院办公厅关于……年部分节假日安排的通知), 2020 through 2026: every
// rest day (放假调休, including the weekend days inside a holiday block) and every adjusted working
// weekend day (调休上班). Working-day periods (行政处罚法 第八十五条) and the holiday roll-forward of
// natural-day periods depend on these, so each date is written out, never derived.
//
// Sources (consulted 2026-11-25 through stored copies; gov.cn itself was not fetched):
// - the notices' text: 2026 as carried by Xinhua (新华社北京11月4日电, reprinted at
//   politics.gmw.cn/2025-11/04/content_38391083.htm); 2020–2025 through the public data set
//   NateScarlet/holiday-cn (2020.json, holiday-cn.ics), which scrapes the notices from gov.cn;
// - document numbers and issue dates: several independent public code bases that cite the gov.cn
//   policy library (e.g. www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm for 2026), all agreeing;
// - per-year totals (days off / weekend days worked) from an independent reading of the notices, which
//   this file matches: 2020 30/6, 2021 31/7, 2022 31/7, 2023 27/7 (with 2022-12-31), 2024 28/8,
//   2025 28/5, 2026 33/6.
//
// Decisions:
// - 2020: the Spring Festival extension (国务院办公厅关于延长2020年春节假期的通知, 国办发明电〔2020〕1号,
//   2020-01-27, COVID-19) is included: it was a State Council notice in force, so 31 January to
//   2 February 2020 were rest days and Saturday 1 February, an adjusted working day under the
//   original notice, was not worked. Those three rows carry the extension's document number.
// - 2023: the notice's New Year block begins on Saturday 2022-12-31. That day is outside 2023 and a
//   weekend day anyway, so it is not listed (each year lists only its own dates).
// - Years before 2020 and from 2027 on are not included: a calendar that lacks a year computes across
//   it on the provisional calendar (provisional-calendar.ts: statutory holidays only, the earliest
//   possible deadline, marked 暂定). Add a year through PUT /api/calendar/:year once the State Council
//   publishes it (usually in November of the year before); 暂定 deadlines are then recomputed.

export type CalendarDayKind = 'rest' | 'work';

export interface ArrangedDay {
  on: string;
  kind: CalendarDayKind;
  /** The festival the day belongs to, as the notice names it (e.g. 春节, 国庆节、中秋节). */
  name: string;
  /** Document number of the notice that sets this day. */
  source: string;
}

export interface HolidayArrangement {
  year: number;
  /** Document number of the year's notice (国办发明电〔…〕…号). */
  source: string;
  title: string;
  issuedOn: string;
  note: string | null;
  days: ArrangedDay[];
}

const rest = (source: string, name: string, ...dates: string[]): ArrangedDay[] =>
  dates.map((on) => ({ on, kind: 'rest', name, source }));
const work = (source: string, name: string, ...dates: string[]): ArrangedDay[] =>
  dates.map((on) => ({ on, kind: 'work', name, source }));

const title = (year: number) => `国务院办公厅关于${year}年部分节假日安排的通知`;

// 2020 — 国办发明电〔2019〕16号 (2019-11-21); Spring Festival extended by 国办发明电〔2020〕1号 (2020-01-27).
const N2020 = '国办发明电〔2019〕16号';
const X2020 = '国办发明电〔2020〕1号';
// 2021 — 国办发明电〔2020〕27号 (2020-11-25).
const N2021 = '国办发明电〔2020〕27号';
// 2022 — 国办发明电〔2021〕11号 (2021-10-25).
const N2022 = '国办发明电〔2021〕11号';
// 2023 — 国办发明电〔2022〕16号 (2022-12-08).
const N2023 = '国办发明电〔2022〕16号';
// 2024 — 国办发明电〔2023〕7号 (2023-10-25).
const N2024 = '国办发明电〔2023〕7号';
// 2025 — 国办发明电〔2024〕12号 (2024-11-12); the first year under the 2024 revision of
// 《全国年节及纪念日放假办法》 (国务院令第795号: Spring Festival eve and 2 May added).
const N2025 = '国办发明电〔2024〕12号';
// 2026 — 国办发明电〔2025〕7号 (2025-11-04).
const N2026 = '国办发明电〔2025〕7号';

export const CN_HOLIDAY_ARRANGEMENTS: readonly HolidayArrangement[] = [
  {
    year: 2020, source: `${N2020}；${X2020}`, title: title(2020), issuedOn: '2019-11-21',
    note: '春节假期经国务院办公厅关于延长2020年春节假期的通知（国办发明电〔2020〕1号）延长至2月2日，原定2月1日（周六）上班取消',
    days: [
      ...rest(N2020, '元旦', '2020-01-01'),
      ...work(N2020, '春节', '2020-01-19'),
      ...rest(N2020, '春节', '2020-01-24', '2020-01-25', '2020-01-26', '2020-01-27', '2020-01-28', '2020-01-29', '2020-01-30'),
      ...rest(X2020, '春节', '2020-01-31', '2020-02-01', '2020-02-02'),
      ...rest(N2020, '清明节', '2020-04-04', '2020-04-05', '2020-04-06'),
      ...work(N2020, '劳动节', '2020-04-26', '2020-05-09'),
      ...rest(N2020, '劳动节', '2020-05-01', '2020-05-02', '2020-05-03', '2020-05-04', '2020-05-05'),
      ...rest(N2020, '端午节', '2020-06-25', '2020-06-26', '2020-06-27'),
      ...work(N2020, '端午节', '2020-06-28'),
      ...work(N2020, '国庆节、中秋节', '2020-09-27', '2020-10-10'),
      ...rest(N2020, '国庆节、中秋节', '2020-10-01', '2020-10-02', '2020-10-03', '2020-10-04', '2020-10-05', '2020-10-06', '2020-10-07', '2020-10-08'),
    ],
  },
  {
    year: 2021, source: N2021, title: title(2021), issuedOn: '2020-11-25', note: null,
    days: [
      ...rest(N2021, '元旦', '2021-01-01', '2021-01-02', '2021-01-03'),
      ...work(N2021, '春节', '2021-02-07', '2021-02-20'),
      ...rest(N2021, '春节', '2021-02-11', '2021-02-12', '2021-02-13', '2021-02-14', '2021-02-15', '2021-02-16', '2021-02-17'),
      ...rest(N2021, '清明节', '2021-04-03', '2021-04-04', '2021-04-05'),
      ...work(N2021, '劳动节', '2021-04-25', '2021-05-08'),
      ...rest(N2021, '劳动节', '2021-05-01', '2021-05-02', '2021-05-03', '2021-05-04', '2021-05-05'),
      ...rest(N2021, '端午节', '2021-06-12', '2021-06-13', '2021-06-14'),
      ...work(N2021, '中秋节', '2021-09-18'),
      ...rest(N2021, '中秋节', '2021-09-19', '2021-09-20', '2021-09-21'),
      ...work(N2021, '国庆节', '2021-09-26', '2021-10-09'),
      ...rest(N2021, '国庆节', '2021-10-01', '2021-10-02', '2021-10-03', '2021-10-04', '2021-10-05', '2021-10-06', '2021-10-07'),
    ],
  },
  {
    year: 2022, source: N2022, title: title(2022), issuedOn: '2021-10-25', note: null,
    days: [
      ...rest(N2022, '元旦', '2022-01-01', '2022-01-02', '2022-01-03'),
      ...work(N2022, '春节', '2022-01-29', '2022-01-30'),
      ...rest(N2022, '春节', '2022-01-31', '2022-02-01', '2022-02-02', '2022-02-03', '2022-02-04', '2022-02-05', '2022-02-06'),
      ...work(N2022, '清明节', '2022-04-02'),
      ...rest(N2022, '清明节', '2022-04-03', '2022-04-04', '2022-04-05'),
      ...work(N2022, '劳动节', '2022-04-24', '2022-05-07'),
      ...rest(N2022, '劳动节', '2022-04-30', '2022-05-01', '2022-05-02', '2022-05-03', '2022-05-04'),
      ...rest(N2022, '端午节', '2022-06-03', '2022-06-04', '2022-06-05'),
      ...rest(N2022, '中秋节', '2022-09-10', '2022-09-11', '2022-09-12'),
      ...rest(N2022, '国庆节', '2022-10-01', '2022-10-02', '2022-10-03', '2022-10-04', '2022-10-05', '2022-10-06', '2022-10-07'),
      ...work(N2022, '国庆节', '2022-10-08', '2022-10-09'),
    ],
  },
  {
    year: 2023, source: N2023, title: title(2023), issuedOn: '2022-12-08',
    note: '元旦假期自2022年12月31日（周六）起，该日属2022年且为周末，不列入本年',
    days: [
      ...rest(N2023, '元旦', '2023-01-01', '2023-01-02'),
      ...rest(N2023, '春节', '2023-01-21', '2023-01-22', '2023-01-23', '2023-01-24', '2023-01-25', '2023-01-26', '2023-01-27'),
      ...work(N2023, '春节', '2023-01-28', '2023-01-29'),
      ...rest(N2023, '清明节', '2023-04-05'),
      ...work(N2023, '劳动节', '2023-04-23', '2023-05-06'),
      ...rest(N2023, '劳动节', '2023-04-29', '2023-04-30', '2023-05-01', '2023-05-02', '2023-05-03'),
      ...rest(N2023, '端午节', '2023-06-22', '2023-06-23', '2023-06-24'),
      ...work(N2023, '端午节', '2023-06-25'),
      ...rest(N2023, '中秋节、国庆节', '2023-09-29', '2023-09-30', '2023-10-01', '2023-10-02', '2023-10-03', '2023-10-04', '2023-10-05', '2023-10-06'),
      ...work(N2023, '中秋节、国庆节', '2023-10-07', '2023-10-08'),
    ],
  },
  {
    year: 2024, source: N2024, title: title(2024), issuedOn: '2023-10-25', note: null,
    days: [
      ...rest(N2024, '元旦', '2024-01-01'),
      ...work(N2024, '春节', '2024-02-04', '2024-02-18'),
      ...rest(N2024, '春节', '2024-02-10', '2024-02-11', '2024-02-12', '2024-02-13', '2024-02-14', '2024-02-15', '2024-02-16', '2024-02-17'),
      ...rest(N2024, '清明节', '2024-04-04', '2024-04-05', '2024-04-06'),
      ...work(N2024, '清明节', '2024-04-07'),
      ...work(N2024, '劳动节', '2024-04-28', '2024-05-11'),
      ...rest(N2024, '劳动节', '2024-05-01', '2024-05-02', '2024-05-03', '2024-05-04', '2024-05-05'),
      ...rest(N2024, '端午节', '2024-06-10'),
      ...work(N2024, '中秋节', '2024-09-14'),
      ...rest(N2024, '中秋节', '2024-09-15', '2024-09-16', '2024-09-17'),
      ...work(N2024, '国庆节', '2024-09-29', '2024-10-12'),
      ...rest(N2024, '国庆节', '2024-10-01', '2024-10-02', '2024-10-03', '2024-10-04', '2024-10-05', '2024-10-06', '2024-10-07'),
    ],
  },
  {
    year: 2025, source: N2025, title: title(2025), issuedOn: '2024-11-12', note: null,
    days: [
      ...rest(N2025, '元旦', '2025-01-01'),
      ...work(N2025, '春节', '2025-01-26', '2025-02-08'),
      ...rest(N2025, '春节', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01', '2025-02-02', '2025-02-03', '2025-02-04'),
      ...rest(N2025, '清明节', '2025-04-04', '2025-04-05', '2025-04-06'),
      ...work(N2025, '劳动节', '2025-04-27'),
      ...rest(N2025, '劳动节', '2025-05-01', '2025-05-02', '2025-05-03', '2025-05-04', '2025-05-05'),
      ...rest(N2025, '端午节', '2025-05-31', '2025-06-01', '2025-06-02'),
      ...work(N2025, '国庆节、中秋节', '2025-09-28', '2025-10-11'),
      ...rest(N2025, '国庆节、中秋节', '2025-10-01', '2025-10-02', '2025-10-03', '2025-10-04', '2025-10-05', '2025-10-06', '2025-10-07', '2025-10-08'),
    ],
  },
  {
    year: 2026, source: N2026, title: title(2026), issuedOn: '2025-11-04', note: null,
    days: [
      ...rest(N2026, '元旦', '2026-01-01', '2026-01-02', '2026-01-03'),
      ...work(N2026, '元旦', '2026-01-04'),
      ...work(N2026, '春节', '2026-02-14', '2026-02-28'),
      ...rest(N2026, '春节', '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23'),
      ...rest(N2026, '清明节', '2026-04-04', '2026-04-05', '2026-04-06'),
      ...rest(N2026, '劳动节', '2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04', '2026-05-05'),
      ...work(N2026, '劳动节', '2026-05-09'),
      ...rest(N2026, '端午节', '2026-06-19', '2026-06-20', '2026-06-21'),
      ...work(N2026, '国庆节', '2026-09-20'),
      ...rest(N2026, '中秋节', '2026-09-25', '2026-09-26', '2026-09-27'),
      ...rest(N2026, '国庆节', '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'),
      ...work(N2026, '国庆节', '2026-10-10'),
    ],
  },
];
