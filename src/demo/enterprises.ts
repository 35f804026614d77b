// Generates the demo bureau's enterprises: plausible names, valid credit codes, real townships.
import { CREDIT_CODE_CHARSET, computeCreditCodeCheckCharacter, type CreditRating, type EnterpriseFields, type KeyUnitCategory } from '../enterprises/index.js';
import type { Random } from '../platform/random.js';

/** Industries common among Yantai's regulated enterprises (GB/T 4754-2017), with a name stem and outfalls. */
export const DEMO_INDUSTRIES = [
  { code: 'C2614', stem: '化工', suffix: '化工有限公司', outfalls: ['DW', 'DA'] },
  { code: 'C2710', stem: '制药', suffix: '药业有限公司', outfalls: ['DW', 'DA'] },
  { code: 'C3360', stem: '表面处理', suffix: '金属表面处理有限公司', outfalls: ['DW'] },
  { code: 'C3670', stem: '汽车零部件', suffix: '汽车零部件有限公司', outfalls: ['DA'] },
  { code: 'C1340', stem: '食品', suffix: '食品有限公司', outfalls: ['DW'] },
  { code: 'C1512', stem: '酿酒', suffix: '葡萄酒业有限公司', outfalls: ['DW'] },
  { code: 'C3011', stem: '水泥', suffix: '水泥有限公司', outfalls: ['DA'] },
  { code: 'D4411', stem: '热电', suffix: '热电有限公司', outfalls: ['DA', 'DW'] },
  { code: 'B0921', stem: '黄金矿业', suffix: '黄金矿业有限公司', outfalls: ['DW'] },
  { code: 'C3211', stem: '冶炼', suffix: '冶炼有限公司', outfalls: ['DA', 'DW'] },
  { code: 'C2231', stem: '纸业', suffix: '纸业有限公司', outfalls: ['DW'] },
  { code: 'C2926', stem: '塑料', suffix: '塑料制品有限公司', outfalls: ['DA'] },
  { code: 'N7721', stem: '污水处理', suffix: '水务有限公司', outfalls: ['DW'] },
  { code: 'C3130', stem: '铸造', suffix: '铸造有限公司', outfalls: ['DA'] },
  { code: 'C1391', stem: '水产', suffix: '水产食品有限公司', outfalls: ['DW'] },
  { code: 'Q8411', stem: '医院', suffix: '医院', outfalls: ['DW'] },
] as const;

const NAME_WORDS = ['鲁东', '胶东', '海岱', '昆嵛', '芝罘', '蓬瀛', '金岭', '东方', '万华', '裕丰', '海洋', '泰和', '鼎盛', '恒通', '宏达', '瑞福', '龙祥',
  '远景', '蓝海', '华信', '同兴', '三和', '福瑞', '盛源', '德润', '安泰', '嘉诚', '永昌', '新港', '北极星', '晨阳', '荣昌'];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '孙', '于', '姜', '曲', '林', '宋', '徐', '邹', '衣', '栾', '鞠', '战', '隋'];
const GIVEN = ['建国', '志强', '海涛', '立新', '文静', '秀英', '国栋', '洪波', '明', '磊', '伟', '军', '敏', '静', '晓东', '春雷', '红梅', '永胜'];
const STREETS = ['工业路', '长江路', '黄河路', '珠江路', '开发大道', '港城大街', '滨海路', '环山路', '迎春大街', '经济路', '新安路'];

export interface DemoDistrict { id: number; code: string; name: string; townships: { id: number; name: string }[] }

/** A valid 18-character credit code for an enterprise (authority 9, type 1) in the given division. */
export function makeCreditCode(random: Random, divisionCode: string): string {
  let body = '91' + divisionCode;
  body += 'MA'; // newly registered enterprises' organisation codes start with MA
  for (let i = 0; i < 7; i++) body += CREDIT_CODE_CHARSET[random.int(0, 30)];
  return body + computeCreditCodeCheckCharacter(body);
}

// Rough centres of the county-level units (WGS-84), for scattering demo locations.
const CENTRES: Record<string, [number, number]> = {
  '370602': [121.40, 37.53], '370611': [121.26, 37.50], '370612': [121.60, 37.39], '370613': [121.45, 37.47],
  '370614': [120.76, 37.81], '370671': [121.51, 37.44], '370676': [121.22, 37.58], '370681': [120.48, 37.65],
  '370682': [120.71, 36.98], '370683': [119.94, 37.18], '370685': [120.43, 37.36], '370686': [120.83, 37.34],
  '370687': [121.17, 36.78],
};

export function makeDemoEnterprise(random: Random, district: DemoDistrict, serial: number): EnterpriseFields {
  const industry = random.pick(DEMO_INDUSTRIES);
  const township = district.townships.length ? random.pick(district.townships) : null;
  const place = district.name.replace(/(区|市|经济技术开发区|高新技术产业开发区)$/, '').replace(/^烟台/, '');
  const word = random.pick(NAME_WORDS);
  const name = industry.code === 'Q8411' ? `烟台市${place}${word}医院` : `烟台${word}${industry.stem === '化工' && serial % 3 === 0 ? '精细' : ''}${industry.suffix}`;
  const keyUnitCategories: KeyUnitCategory[] = [];
  if (random.chance(0.3)) keyUnitCategories.push(industry.outfalls[0] === 'DW' ? 'water' : 'air');
  if (random.chance(0.08)) keyUnitCategories.push('risk');
  const ratings: CreditRating[] = ['green', 'blue', 'blue', 'blue', 'yellow', 'red'];
  const [lon, lat] = CENTRES[district.code] ?? [121.4, 37.5];
  const outfalls = industry.outfalls.flatMap((prefix) => {
    const n = random.int(1, 2);
    return Array.from({ length: n }, (_, i) => ({
      code: `${prefix}${String(i + 1).padStart(3, '0')}`,
      name: prefix === 'DW' ? (i === 0 ? '废水总排放口' : '雨水排放口') : (i === 0 ? '锅炉废气排放口' : '工艺废气排放口'),
      kind: prefix === 'DW' ? 'water' as const : 'air' as const,
    }));
  });
  return {
    creditCode: makeCreditCode(random, district.code),
    name,
    legalRepresentative: random.pick(SURNAMES) + random.pick(GIVEN),
    districtId: district.id,
    townshipId: township?.id ?? null,
    industryCode: industry.code,
    address: `山东省烟台市${district.name}${township?.name ?? ''}${random.pick(STREETS)}${random.int(1, 399)}号`,
    longitude: Math.round((lon + (random.next() - 0.5) * 0.16) * 1e6) / 1e6,
    latitude: Math.round((lat + (random.next() - 0.5) * 0.12) * 1e6) / 1e6,
    keyUnitCategories,
    creditRating: random.pick(ratings),
    outfalls,
  };
}
