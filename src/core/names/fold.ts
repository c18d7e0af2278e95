/**
 * Character folding for Chinese firm names and addresses: full-width → half-width (U+FF01–FF5E, U+3000),
 * a small traditional → simplified table covering characters common in firm names and addresses, upper-case
 * Latin, whitespace removed. Not a general converter: characters outside the table are kept as they are.
 */
const TRADITIONAL =
  '東業機電實貿發達興華豐龍國產廠氣車輪鋼鐵鋁銅閥門開關進體藝裝製設備線網聯匯會廣圓濟號區縣鎮場築標準術貨財資農環寶順億陽靈凱騰躍歐紡織膠單雙萬與傳鴻輝誠銘馳邁澤嶺溫臺橫鍛鑄壓動塊滬蘇錦駿碩偉優紅綠藍長創悅專協倉儀儲時處飛熱燈經營銷規計測檢驗醫藥療數據遠廈峯鍍際電團層礦漢餘莊鳳義盤錢責稅務證';
const SIMPLIFIED =
  '东业机电实贸发达兴华丰龙国产厂气车轮钢铁铝铜阀门开关进体艺装制设备线网联汇会广圆济号区县镇场筑标准术货财资农环宝顺亿阳灵凯腾跃欧纺织胶单双万与传鸿辉诚铭驰迈泽岭温台横锻铸压动块沪苏锦骏硕伟优红绿蓝长创悦专协仓仪储时处飞热灯经营销规计测检验医药疗数据远厦峰镀际电团层矿汉余庄凤义盘钱责税务证';

const TO_SIMPLIFIED = new Map<string, string>();
for (let i = 0; i < TRADITIONAL.length; i++) TO_SIMPLIFIED.set(TRADITIONAL.charAt(i), SIMPLIFIED.charAt(i));

/** Any character the loop below would change or drop, except lower case (checked by comparing with toUpperCase). */
const NEEDS_FOLDING = new RegExp(`[\\uff01-\\uff5e\\u3000\\s【〔［】〕］${TRADITIONAL}]`);

export function foldChinese(input: string): string {
  // Most names are already folded: one native scan instead of a loop over the characters.
  if (!NEEDS_FOLDING.test(input) && input === input.toUpperCase()) return input;
  let out = '';
  for (const ch of input) {
    const code = ch.charCodeAt(0);
    let c = ch;
    if (code >= 0xff01 && code <= 0xff5e) c = String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) c = ' ';
    c = TO_SIMPLIFIED.get(c) ?? c;
    if (/\s/.test(c)) continue;
    out += c.toUpperCase();
  }
  return out.replace(/[【〔［]/g, '(').replace(/[】〕］]/g, ')');
}

