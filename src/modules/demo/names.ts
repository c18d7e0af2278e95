import type { Rng } from '../../core/random/seeded.ts';

// Syllable pools for synthetic trade names. Combinations are checked for uniqueness by the caller; any
// resemblance to a real firm is accidental, and every such row is flagged synthetic and shown as 示例数据.
const FIRST = '恒 鑫 宏 瑞 泰 丰 华 盛 嘉 安 德 富 金 隆 美 明 润 顺 天 通 新 兴 永 远 正 中 卓 博 晨 达 东 方 广 海 浩 和 佳 建 科 力 利 联 龙 茂 旺 信 阳 亿 裕 元 振 志 众 锦 骏 凯 朗 诺 品 琪 锐 森 硕 腾 伟 翔 欣 耀 益 优 宇 跃 昭 哲'.split(' ');
const SECOND = '源 达 丰 盛 泰 发 兴 宇 辉 诚 昌 信 鼎 海 华 捷 凯 铭 凡 帆 工 技 精 力 灵 迈 沃 祥 阳 远 越 展 中 邦 驰 创 迪 峰 航 恒 禾 威 溢 悦 臻'.split(' ');
const TRADE: Record<string, string[]> = {
  pump: ['泵业', '机电', '电机', '流体设备', '泵阀', '水泵'],
  'machine-tool': ['机床', '数控', '工具', '刃具', '精密机械', '量具'],
  'auto-moto': ['汽配', '摩托车配件', '车业', '机车部件', '动力'],
  shoes: ['鞋业', '鞋材', '制鞋', '塑胶', '鞋服'],
  default: ['科技', '智能科技', '机械', '电子', '新材料', '装备'],
};
const FORMS = ['有限公司', '有限公司', '有限公司', '股份有限公司', '有限责任公司'];

export function tradeWordsOf(chainId: string): string[] {
  return TRADE[chainId] ?? TRADE.default ?? [];
}

/** A synthetic Chinese firm name: place prefix + two-syllable trade name + trade word + legal form. */
export function synthesizeFirmName(rng: Rng, chainId: string, place: string): string {
  return `${place}${rng.pick(FIRST)}${rng.pick(SECOND)}${rng.pick(tradeWordsOf(chainId))}${rng.pick(FORMS)}`;
}

/** A synthetic external firm name (attraction candidates): city + trade name + trade word + form. */
export function synthesizeExternalName(rng: Rng, chainId: string, city: string): string {
  return `${city}${rng.pick(FIRST)}${rng.pick(SECOND)}${rng.pick(tradeWordsOf(chainId))}${rng.pick(FORMS.slice(0, 4))}`;
}
