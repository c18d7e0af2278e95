import { existsSync } from 'node:fs';
import { BarChart, GaugeChart, HeatmapChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { LegacyGridContainLabel } from 'echarts/features';
import { SVGRenderer } from 'echarts/renderers';
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { escapeCell } from '../chains/chainMap.export.ts';
import { buildHealthOption, buildOutputBarsOption, buildSupplyOption, buildTargetGaugeOption, buildTrendOption, wanToYi } from './cockpit.charts.ts';
import { type ChainFigures, type CountyCockpit, flagshipOf } from './cockpit.model.ts';

use([BarChart, LineChart, GaugeChart, HeatmapChart, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent, LegacyGridContainLabel, SVGRenderer]);

/** Noto Sans CJK (Debian fonts-noto-cjk) or WenQuanYi Micro Hei: the first one present draws the Chinese text. */
const CJK_FONTS = [
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', family: 'WenQuanYiMicroHei' },
] as const;

const FONT = 'zh';
const SVG_SCALE = 2;
const PAGE = { width: 842, height: 595, margin: 24 };

function cjkFont(): { path: string; family: string } {
  const font = CJK_FONTS.find((f) => existsSync(f.path));
  if (!font) throw new Error(`no Chinese font for the PDF export: install fonts-noto-cjk (looked for ${CJK_FONTS.map((f) => f.path).join(', ')})`);
  return font;
}

/** ECharts on the server: the option drawn as an SVG string of the given size. */
export function renderSvg(option: Record<string, unknown>, width: number, height: number): string {
  const chart = init(null, null, { renderer: 'svg', ssr: true, width, height });
  chart.setOption({ ...option, animation: false, textStyle: { fontFamily: FONT } });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

const yi = (wan: number) => `${wanToYi(wan).toLocaleString('zh-CN', { maximumFractionDigits: 1 })} 亿元`;
const percent = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

function allChains(cockpit: CountyCockpit): ChainFigures[] {
  return cockpit.groups.flatMap((g) => g.chains);
}


/**
 * The county cockpit on one A4 landscape page: title, KPIs, the charts (output per chain, target gauge, chain
 * health, output trend, local supply rates) and the chains' KPI table, Chinese text in Noto Sans CJK.
 */
export async function buildCockpitPdf(cockpit: CountyCockpit, regionName: string): Promise<Buffer> {
  const font = cjkFont();
  const doc = new PDFDocument({ size: [PAGE.width, PAGE.height], margin: PAGE.margin, info: { Title: `${regionName}产业集群驾驶舱 ${cockpit.year ?? ''}年`, Author: 'Cluster Brain' } });
  doc.registerFont(FONT, font.path, font.family);
  doc.font(FONT);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const year = cockpit.year ?? '—';
  doc.fontSize(16).fillColor('#0b2545').text(`${regionName}产业集群驾驶舱 · ${year}年`, PAGE.margin, PAGE.margin);
  doc
    .fontSize(8)
    .fillColor('#616e7c')
    .text(`生成于 ${cockpit.generatedAt.slice(0, 16).replace('T', ' ')} UTC · 金额单位：亿元（接口为万元）${cockpit.isSynthetic ? ' · 示例数据' : ''}`, PAGE.margin, PAGE.margin + 20);

  drawKpis(doc, cockpit, PAGE.margin + 36);
  drawCharts(doc, cockpit, PAGE.margin + 84);
  drawChainTable(doc, cockpit, 392);
  drawFacts(doc, cockpit);
  doc.end();
  return done;
}

function drawKpis(doc: PDFKit.PDFDocument, c: CountyCockpit, top: number): void {
  const kpis = [
    ['链群产值', yi(c.totals.outputWan), `同比 ${percent(c.totals.growth)}`],
    ['企业 / 规上 / 上市', `${c.totals.firms} / ${c.totals.aboveScaleFirms} / ${c.totals.listedFirms} 家`, `链上企业 ${c.totals.chainFirms} 家`],
    ['本年落地项目', `${c.projects.landed} 个`, `内生 ${c.projects.landedLocal} · 逾期 ${c.projects.overdue}`],
    ['产业基金', yi(c.funds.subsSizeWan), `母基金 ${yi(c.funds.motherSizeWan)} · 子基金 ${c.funds.subFundCount} 支 · 放大 ${c.funds.leverage?.toFixed(1) ?? '—'}×`],
    ['卡脖子问题', `${c.innovation.chokepoints.total} 项`, `已解决 ${c.innovation.chokepoints.solved} · 攻关项目 ${c.innovation.researchProjects}`],
    ['本地配套率（县域）', percent(c.localSupply?.county ?? null), `镇域 ${percent(c.localSupply?.sameTown ?? null)} · 半小时 ${percent(c.localSupply?.driveTime ?? null)}`],
  ];
  const width = (PAGE.width - 2 * PAGE.margin) / kpis.length;
  kpis.forEach(([label, value, note], i) => {
    const x = PAGE.margin + i * width;
    doc.roundedRect(x + 2, top, width - 4, 42, 4).fillAndStroke('#f5f7fa', '#d9e2ec');
    doc.fillColor('#616e7c').fontSize(7).text(label ?? '', x + 8, top + 4, { width: width - 16 });
    doc.fillColor('#0b2545').fontSize(11).text(value ?? '', x + 8, top + 14, { width: width - 16 });
    doc.fillColor('#616e7c').fontSize(6).text(note ?? '', x + 8, top + 30, { width: width - 16, height: 8, lineBreak: false, ellipsis: true });
  });
}

function drawCharts(doc: PDFKit.PDFDocument, c: CountyCockpit, top: number): void {
  const chains = allChains(c);
  const flagship = flagshipOf(c);
  const place = (title: string, option: Record<string, unknown>, x: number, y: number, w: number, h: number) => {
    doc.fillColor('#0b2545').fontSize(9).text(title, x, y);
    // Drawn at twice the size and scaled down: ECharts' 12 px labels then read as 6 pt on the page.
    SVGtoPDF(doc, renderSvg(option, w * SVG_SCALE, (h - 14) * SVG_SCALE), x, y + 14, { width: w, height: h - 14, preserveAspectRatio: 'xMinYMin meet', fontCallback: () => FONT });
  };
  const third = (PAGE.width - 2 * PAGE.margin - 16) / 3;
  const x0 = PAGE.margin;
  const x1 = x0 + third + 8;
  const x2 = x1 + third + 8;
  place(`“4+6+X”链群产值（亿元，${c.year ?? '—'}年）`, buildOutputBarsOption({ items: chains.map((ch) => ({ name: ch.nameZh, outputWan: ch.outputWan })), unit: '亿元', theme: 'light', animation: false }), x0, top, third, 140);
  if (flagship?.target) {
    place(
      `${flagship.nameZh} · 目标进度（${flagship.target.year}年目标 ${yi(flagship.target.outputWan)}）`,
      buildTargetGaugeOption({ outputWan: flagship.outputWan, targetWan: flagship.target.outputWan, caption: `${c.year ?? ''}年产值`, unit: '亿元', theme: 'light', animation: false }),
      x1,
      top,
      third,
      140,
    );
  }
  place('链条健康 · 强 / 弱 / 缺环节', buildHealthOption({ items: chains.map((ch) => ({ name: ch.nameZh, ...ch.health })), labels: { strong: '强', weak: '弱', missing: '缺' }, theme: 'light', animation: false }), x2, top, third, 140);
  const top2 = top + 146;
  const trendChains = [...chains].sort((a, b) => b.outputWan - a.outputWan).slice(0, 5);
  const trendSeries = c.trend.series.filter((s) => trendChains.some((t) => t.chainId === s.chainId)).map((s) => ({ name: s.nameZh, outputWan: s.outputWan }));
  place('链群产值趋势（亿元）', buildTrendOption({ years: c.trend.years, series: trendSeries, unit: '亿元', theme: 'light', animation: false }), x0, top2, third, 130);
  place(
    `本地配套率 · 县域 / 镇域 / 半小时（${c.year ?? '—'}年）`,
    buildSupplyOption({
      items: chains.filter((ch) => ch.localSupply !== null).map((ch) => ({ name: ch.nameZh, county: ch.localSupply?.county ?? null, sameTown: ch.localSupply?.sameTown ?? null, driveTime: ch.localSupply?.driveTime ?? null })),
      labels: { county: '县域', sameTown: '镇域', driveTime: '半小时' },
      theme: 'light',
      animation: false,
    }),
    x1,
    top2,
    2 * third + 8,
    130,
  );
}

function drawChainTable(doc: PDFKit.PDFDocument, c: CountyCockpit, top: number): void {
  const columns = [
    { title: '产业链', width: 120 },
    { title: '产值（亿元）', width: 70 },
    { title: '同比', width: 50 },
    { title: '目标进度', width: 60 },
    { title: '链上主体', width: 60 },
    { title: '规上', width: 45 },
    { title: '上市', width: 40 },
    { title: '强/弱/缺', width: 65 },
    { title: '县域配套率', width: 65 },
    { title: '半小时配套率', width: 70 },
  ];
  doc.fillColor('#0b2545').fontSize(9).text(`产业链指标（${c.year ?? '—'}年）`, PAGE.margin, top);
  let y = top + 13;
  const row = (cells: string[], isHeader: boolean) => {
    let x = PAGE.margin;
    doc.fontSize(7).fillColor(isHeader ? '#616e7c' : '#1f2933');
    cells.forEach((cell, i) => {
      const w = columns[i]?.width ?? 50;
      doc.text(cell, x, y, { width: w - 4, height: 9, lineBreak: false, ellipsis: true });
      x += w;
    });
    y += 11;
  };
  row(
    columns.map((col) => col.title),
    true,
  );
  for (const group of c.groups) {
    for (const ch of group.chains) {
      row(
        [
          ch.nameZh,
          wanToYi(ch.outputWan).toFixed(1),
          percent(ch.growth),
          percent(ch.target?.progress ?? null),
          String(ch.entities),
          String(ch.aboveScaleFirms),
          String(ch.listedFirms),
          `${ch.health.strong}/${ch.health.weak}/${ch.health.missing}`,
          percent(ch.localSupply?.county ?? null),
          percent(ch.localSupply?.driveTime ?? null),
        ],
        false,
      );
    }
  }
}

function drawFacts(doc: PDFKit.PDFDocument, c: CountyCockpit): void {
  const x = PAGE.margin + 660;
  let y = 392;
  doc.fillColor('#0b2545').fontSize(9).text('来源事实（非计算）', x, y);
  y += 13;
  for (const fact of c.facts) {
    doc.fillColor('#1f2933').fontSize(7).text(`${fact.labelZh}：${fact.valueZh}`, x, y, { width: PAGE.width - PAGE.margin - x });
    y = doc.y + 2;
  }
  doc.fillColor('#616e7c').fontSize(6).text(c.facts[0]?.source ?? '', x, y + 2, { width: PAGE.width - PAGE.margin - x });
}

/** The cockpit's KPI table as an .xlsx workbook: chains, county figures, sourced facts (amounts in 万元). */
export async function buildCockpitWorkbook(cockpit: CountyCockpit, regionName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const year = cockpit.year ?? '—';
  const chains = workbook.addWorksheet('产业链指标');
  chains.addRow([escapeCell(`${regionName}产业集群驾驶舱 · ${year}年${cockpit.isSynthetic ? '（示例数据）' : ''}`)]);
  chains.addRow([
    '链群',
    '产业链',
    `产值（万元，${year}年）`,
    '上年产值（万元）',
    '同比增速',
    '目标（万元）',
    '目标年份',
    '目标完成度',
    '链上主体（家）',
    '主营企业（家）',
    '规上企业（家）',
    '上市企业（家）',
    '强环节',
    '弱环节',
    '缺环节',
    '县域本地配套率',
    '镇域本地配套率',
    '半小时本地配套率',
  ]);
  for (const group of cockpit.groups) {
    for (const ch of group.chains) {
      chains.addRow([
        escapeCell(group.nameZh),
        escapeCell(ch.nameZh),
        ch.outputWan,
        ch.previousOutputWan,
        ch.growth,
        ch.target?.outputWan ?? null,
        ch.target?.year ?? null,
        ch.target?.progress ?? null,
        ch.entities,
        ch.firms,
        ch.aboveScaleFirms,
        ch.listedFirms,
        ch.health.strong,
        ch.health.weak,
        ch.health.missing,
        ch.localSupply?.county ?? null,
        ch.localSupply?.sameTown ?? null,
        ch.localSupply?.driveTime ?? null,
      ]);
    }
  }
  chains.getRow(2).font = { bold: true };
  for (const col of [5, 8, 16, 17, 18]) chains.getColumn(col).numFmt = '0.0%';
  chains.columns.forEach((column, i) => {
    column.width = i < 2 ? 16 : 14;
  });

  const county = workbook.addWorksheet('综合指标');
  county.addRow(['指标', '数值', '单位', '年份']);
  const c = cockpit;
  const rows: [string, number | null, string, number | string][] = [
    ['链群产值', c.totals.outputWan, '万元', year],
    ['同比增速', c.totals.growth, '比率', year],
    ['企业（登记）', c.totals.firms, '家', year],
    ['规上企业', c.totals.aboveScaleFirms, '家', year],
    ['上市企业', c.totals.listedFirms, '家', year],
    ['县域本地配套率', c.localSupply?.county ?? null, '比率', year],
    ['镇域本地配套率', c.localSupply?.sameTown ?? null, '比率', year],
    ['半小时本地配套率', c.localSupply?.driveTime ?? null, '比率', year],
    ['项目总数', c.projects.total, '个', c.projects.asOf],
    ['本年落地项目', c.projects.landed, '个', c.projects.landedYear],
    ['其中内生项目', c.projects.landedLocal, '个', c.projects.landedYear],
    ['逾期项目', c.projects.overdue, '个', c.projects.asOf],
    ['母基金规模', c.funds.motherSizeWan, '万元', c.projects.asOf],
    ['子基金数量', c.funds.subFundCount, '支', c.projects.asOf],
    ['子基金总规模', c.funds.subsSizeWan, '万元', c.projects.asOf],
    ['放大倍数', c.funds.leverage, '倍', c.projects.asOf],
    ['投资项目', c.funds.investedTargetCount, '个', c.projects.asOf],
    ['招引项目', c.funds.attractedProjectCount, '个', c.projects.asOf],
    ['卡脖子问题', c.innovation.chokepoints.total, '项', c.projects.asOf],
    ['已解决', c.innovation.chokepoints.solved, '项', c.projects.asOf],
    ['省级以上攻关项目', c.innovation.researchProjects, '项', c.projects.asOf],
    ['创新联盟成员', c.innovation.allianceMembers, '家', c.projects.asOf],
    ...c.clusters.map((cl): [string, number, string, number | string] => [`${cl.nameZh}规上营收`, cl.aboveScaleRevenueWan, '万元', year]),
  ];
  for (const r of rows) county.addRow([escapeCell(r[0]), r[1], r[2], r[3]]);
  county.getRow(1).font = { bold: true };
  county.getColumn(1).width = 28;
  county.getColumn(2).width = 16;

  const facts = workbook.addWorksheet('来源事实');
  facts.addRow(['事实', '内容', '年份', '来源']);
  for (const f of cockpit.facts) facts.addRow([escapeCell(f.labelZh), escapeCell(f.valueZh), f.year, escapeCell(f.source)]);
  facts.getRow(1).font = { bold: true };
  facts.getColumn(1).width = 36;
  facts.getColumn(4).width = 60;

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
