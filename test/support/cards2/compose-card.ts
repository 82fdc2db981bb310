/**
 * The second card renderer's cards (test tooling): what a card says and where each line sits, with
 * its ground truth in the dev set's JSON shape (../shared/cards/README.md conventions), and the
 * photo damage draw-card.ts applies. Deterministic from (seed, index).
 *
 * Layouts: a stacked landscape card, two columns split by a vertical rule, a coloured band with the
 * company, contacts in a two-column footer, and portrait cards (centred or left). Any of them may
 * print the name over two lines, LinkedIn / handle lines, a QR code, a direct line beside the
 * office and mobile numbers.
 */
import { CARD_FIELDS, type CardField } from '../../../shared/parsing/card-fields';
import { COUNTRY_SPECS, asciiFold, digitRun, drawPhone, maybe, num, oneOf, seeded, type CountrySpec, type Rand } from './countries';

type TruthFields = Record<CardField, string>;

interface PrintedLine {
  text: string;
  role: string;
  /** x, y (top), width, height in the clean render */
  bbox: [number, number, number, number];
  size: number;
  bold: boolean;
  italic: boolean;
  anchor: 'start' | 'middle' | 'end';
  colour: 'ink' | 'accent' | 'paper';
}

export type Damage =
  | { kind: 'turn'; degrees: 0 | 90 | 180 | 270 }
  | { kind: 'tilt'; degrees: number }
  | { kind: 'keystone'; amount: number }
  | { kind: 'table'; surface: 'oak' | 'linen' | 'laminate' | 'felt'; papers: number; otherCard: boolean }
  | { kind: 'hard-shadow'; corner: 0 | 1 | 2 | 3; depth: number; opacity: number }
  | { kind: 'glare'; cx: number; cy: number; rx: number; ry: number; opacity: number }
  | { kind: 'motion-blur'; length: number; direction: 'horizontal' | 'vertical' | 'diagonal' }
  | { kind: 'dim'; factor: number }
  | { kind: 'shrink'; factor: number }
  | { kind: 'jpeg'; quality: number };

interface Layout2 {
  name: 'stacked' | 'divided' | 'band' | 'footer-grid' | 'portrait-centre' | 'portrait-left';
}

export interface SecondCard {
  file: string;
  seed: number;
  fields: TruthFields;
  lines: PrintedLine[];
  text: string;
  photo: boolean;
  meta: { country: string; layout: Layout2['name']; features: string[] };
  style: {
    cleanSize: [number, number];
    bodyFont: string;
    nameFont: string;
    ink: string;
    paper: string;
    accent: string;
    letterSpacing: number;
    /** x of the vertical rule (divided layout), width of the band (band layout) */
    rule: number | null;
    band: number | null;
    qr: { x: number; y: number; size: number } | null;
  };
  damage: Damage[];
}

const FONTS = ['DejaVu Sans Condensed', 'Liberation Sans Narrow', 'DejaVu Serif', 'Liberation Serif', 'DejaVu Sans Light', 'Liberation Sans', 'DejaVu Sans Mono'];

const TITLE_WORDS: Record<CountrySpec['language'], readonly string[]> = {
  nl: ['Directeur Operations', 'Senior Accountmanager', 'Hoofd Inkoop', 'Salesmanager Benelux', 'Teamleider Logistiek', 'Bedrijfsjurist'],
  es: ['Directora de Marketing', 'Responsable de Compras', 'Director Técnico', 'Gerente de Cuentas', 'Jefa de Proyecto', 'Consejero Delegado'],
  it: ['Direttore Commerciale', 'Responsabile Acquisti', 'Amministratore Delegato', 'Project Manager', 'Ufficio Tecnico', 'Direttrice Vendite'],
  de: ['Leiter Verkauf', 'Projektleiterin', 'Verkaufsberater', 'Leiterin Marketing', 'Geschäftsführer', 'Einkaufsleiter'],
  fr: ['Responsable commercial', 'Directrice technique', 'Chef de produit'],
  en: ['Head of Procurement', 'Senior Solutions Architect', 'Regional Manager', 'Business Development Manager', 'Director, Partnerships', 'Chief Technology Officer', 'Sales Engineer'],
  pt: ['Gerente Comercial', 'Diretora de Operações', 'Analista de Compras', 'Coordenador de Vendas', 'Diretor Executivo'],
};

const COMPANY_WORDS = ['Brennholt', 'Cavallo', 'Duneway', 'Estrela', 'Fjordline', 'Grauwe', 'Hollins', 'Iberra', 'Koraal', 'Larkspur', 'Montevia', 'Nordwin', 'Palladio', 'Quayside', 'Rosmarin', 'Saltire', 'Terranova', 'Valtellin', 'Wolkenberg', 'Zaffre'];
const COMPANY_TAILS: Record<CountrySpec['language'], readonly string[]> = {
  nl: ['Logistiek', 'Techniek', 'Adviesgroep', 'Installaties', ''],
  es: ['Soluciones', 'Tecnología', 'Servicios Industriales', 'Energía', ''],
  it: ['Sistemi', 'Automazione', 'Servizi', 'Ingegneria', ''],
  de: ['Präzisionstechnik', 'Informatik', 'Treuhand', 'Maschinenbau', ''],
  fr: ['Solutions', 'Ingénierie', ''],
  en: ['Systems', 'Technologies', 'Consulting', 'Biotech', 'Software', ''],
  pt: ['Tecnologia', 'Soluções', 'Logística', 'Engenharia', ''],
};

interface Labels {
  office: readonly string[];
  direct: readonly string[];
  mobile: readonly string[];
  fax: readonly string[];
  email: readonly string[];
  web: readonly string[];
}

const LABELS: Record<CountrySpec['language'], Labels> = {
  nl: { office: ['T', 'Tel.', 'Telefoon'], direct: ['Direct', 'D'], mobile: ['M', 'Mob.', 'Mobiel'], fax: ['F', 'Fax'], email: ['E', 'E-mail'], web: ['W', 'Web'] },
  es: { office: ['Tel.', 'T.', 'Teléfono'], direct: ['Directo', 'Dir.'], mobile: ['Móvil', 'M.', 'Cel.'], fax: ['Fax'], email: ['Email', 'E.'], web: ['Web'] },
  it: { office: ['Tel.', 'T', 'Telefono'], direct: ['Diretto', 'Dir.'], mobile: ['Cell.', 'Mob.', 'Cellulare'], fax: ['Fax'], email: ['Email', 'E-mail'], web: ['Web', 'Sito'] },
  de: { office: ['Tel.', 'T', 'Telefon'], direct: ['Direkt', 'Direktwahl'], mobile: ['Mobile', 'M', 'Natel'], fax: ['Fax', 'F'], email: ['E-Mail', 'E'], web: ['Web', 'W'] },
  fr: { office: ['Tél.', 'T'], direct: ['Ligne directe'], mobile: ['Mobile', 'Port.'], fax: ['Fax'], email: ['E-mail', 'Courriel'], web: ['Web'] },
  en: { office: ['Tel', 'Office', 'T', 'Ph.'], direct: ['Direct', 'DDI', 'D'], mobile: ['Mobile', 'M', 'Cell'], fax: ['Fax', 'F'], email: ['Email', 'E'], web: ['Web', 'W'] },
  pt: { office: ['Tel.', 'Fone', 'T'], direct: ['Direto'], mobile: ['Cel.', 'Celular', 'WhatsApp'], fax: ['Fax'], email: ['E-mail'], web: ['Site'] },
};

interface Block {
  text: string;
  role: string;
  size: number;
  bold?: boolean;
  italic?: boolean;
  colour?: PrintedLine['colour'];
}

function labelled(r: Rand, labels: readonly string[], value: string): string {
  const l = oneOf(r, labels);
  return `${l}${/[.:]$/.test(l) ? ' ' : oneOf(r, [': ', ' ', '  '])}${value}`;
}

/** One card of the second renderer. */
export function composeCard(seed: number, index: number, opts: { photoShare?: number } = {}): SecondCard {
  const r = seeded(seed * 1_000_003 + index * 7_919);
  const spec = oneOf(r, COUNTRY_SPECS);
  const english = spec.language === 'en' || maybe(r, 0.3);
  const lang = english ? 'en' : spec.language;
  // Swiss cards from the French- or Italian-speaking part
  const labels = LABELS[spec.code === 'CH' && maybe(r, 0.3) ? 'fr' : lang];
  const features: string[] = [];
  const layout = oneOf(r, ['stacked', 'divided', 'band', 'footer-grid', 'portrait-centre', 'portrait-left'] as const);

  const given = oneOf(r, spec.given);
  const family = oneOf(r, spec.family);
  const doctor = maybe(r, 0.07);
  const printedName = `${doctor ? 'Dr. ' : ''}${given} ${family}`;
  const splitName = !doctor && maybe(r, 0.22);
  if (splitName) features.push('name-two-lines');
  const title = maybe(r, 0.92) ? oneOf(r, TITLE_WORDS[lang]) : '';

  const stem = oneOf(r, COMPANY_WORDS);
  const tail = oneOf(r, COMPANY_TAILS[maybe(r, 0.5) ? spec.language : 'en']);
  const legal = maybe(r, 0.75) ? oneOf(r, spec.legalForms) : '';
  const company = [stem, tail, legal].filter(Boolean).join(' ');
  const domain = `${asciiFold(stem)}${tail && maybe(r, 0.3) ? asciiFold(tail) : ''}.${spec.tld}`;
  const g = asciiFold(given.split(' ')[0]!);
  const f = asciiFold(family.split(' ').pop()!);
  const email = maybe(r, 0.95) ? `${oneOf(r, [`${g}.${f}`, `${g[0]}${f}`, `${g}`, `${f}.${g}`, `${g}_${f}`])}@${domain}` : '';
  const website = maybe(r, 0.8) ? `${oneOf(r, ['www.', 'www.', '', 'https://'])}${domain}` : '';
  const office = maybe(r, 0.85) ? drawPhone(r, spec, 'landline') : '';
  const direct = office && maybe(r, 0.2) ? drawPhone(r, spec, 'landline') : '';
  if (direct) features.push('direct-line');
  const mobile = maybe(r, 0.65) ? drawPhone(r, spec, 'mobile') : '';
  const fax = maybe(r, 0.1) ? drawPhone(r, spec, 'landline') : '';
  const linkedin = maybe(r, 0.25) ? oneOf(r, [`linkedin.com/in/${g}-${f}`, `in/${g}${f}`, `LinkedIn: ${g}-${f}-${digitRun(r, 3)}`]) : '';
  const handle = maybe(r, 0.1) ? `@${g}${f.slice(0, 4)}` : '';
  if (linkedin || handle) features.push('social');
  const hasAddress = maybe(r, 0.88);
  const place = spec.place(r);
  const printCountry = hasAddress && maybe(r, 0.3);
  const qr = maybe(r, 0.22);
  if (qr) features.push('qr');

  const fields = Object.fromEntries(CARD_FIELDS.map((k) => [k, ''])) as TruthFields;
  Object.assign(fields, {
    fullName: printedName, firstName: given, lastName: family, title, company, email, website,
    // the person's own line is the one to call: a direct line wins over the switchboard
    phone: direct || office, mobile, fax,
  });
  if (hasAddress) Object.assign(fields, { street: place.street, city: place.city, region: place.region, postalCode: place.postalCode, country: printCountry ? spec.printedName : '' });

  // the blocks of text
  const nameSize = num(r, 30, 44);
  const body = num(r, 15, 19);
  const nameBlock: Block[] = splitName
    ? [{ text: given, role: 'name', size: nameSize, bold: true }, { text: family, role: 'name', size: nameSize, bold: true }]
    : [{ text: printedName, role: 'name', size: nameSize, bold: maybe(r, 0.7) }];
  const titleBlock: Block[] = title ? [{ text: maybe(r, 0.2) ? title.toUpperCase() : title, role: 'title', size: Math.round(nameSize * 0.5), italic: maybe(r, 0.3) }] : [];
  const companyBlock: Block[] = [{ text: maybe(r, 0.3) ? company.toUpperCase() : company, role: 'company', size: num(r, 20, 30), bold: true, colour: 'accent' }];
  const phones: Block[] = [];
  if (direct) phones.push({ text: labelled(r, labels.direct, direct), role: 'direct', size: body });
  if (office) phones.push({ text: labelled(r, labels.office, office), role: 'phone', size: body });
  if (mobile) phones.push({ text: labelled(r, labels.mobile, mobile), role: 'mobile', size: body });
  if (fax) phones.push({ text: labelled(r, labels.fax, fax), role: 'fax', size: body });
  const web: Block[] = [];
  if (email) web.push({ text: maybe(r, 0.5) ? labelled(r, labels.email, email) : email, role: 'email', size: body });
  if (website) web.push({ text: maybe(r, 0.4) ? labelled(r, labels.web, website) : website, role: 'website', size: body });
  if (linkedin) web.push({ text: linkedin, role: 'social', size: body - 1 });
  if (handle) web.push({ text: handle, role: 'social', size: body - 1 });
  const address: Block[] = [];
  if (hasAddress) {
    address.push({ text: place.street, role: 'street', size: body }, { text: place.cityLine, role: 'cityLine', size: body });
    if (printCountry) address.push({ text: spec.printedName, role: 'country', size: body });
  }

  const portrait = layout.startsWith('portrait');
  const [W, H] = portrait ? oneOf(r, [[640, 1040], [600, 980]] as const) : oneOf(r, [[1040, 620], [1100, 640]] as const);
  const lines: PrintedLine[] = [];
  const letterSpacing = maybe(r, 0.2) ? 1.5 : 0;
  const mono = maybe(r, 0.08);
  const bodyFont = mono ? 'DejaVu Sans Mono' : oneOf(r, FONTS);
  const widthOf = (b: Block): number => b.text.length * b.size * (mono ? 0.62 : b.bold ? 0.6 : 0.53) + b.text.length * letterSpacing;
  /** Lays blocks top-down in [x0, x1], returns the next y. */
  const stack = (blocks: Block[], x0: number, x1: number, y0: number, anchor: PrintedLine['anchor'], gap = 0.5): number => {
    let y = y0;
    for (const b of blocks) {
      let size = b.size;
      while (widthOf({ ...b, size }) > x1 - x0 && size > 10) size--;
      const w = Math.min(x1 - x0, widthOf({ ...b, size }));
      const x = anchor === 'start' ? x0 : anchor === 'middle' ? (x0 + x1) / 2 - w / 2 : x1 - w;
      lines.push({ text: b.text, role: b.role, bbox: [Math.round(x), Math.round(y), Math.round(w), Math.round(size * 1.15)], size, bold: Boolean(b.bold), italic: Boolean(b.italic), anchor, colour: b.colour ?? 'ink' });
      y += size * (1.15 + gap);
    }
    return y;
  };
  const tall = (blocks: Block[], gap = 0.5): number => blocks.reduce((t, b) => t + b.size * (1.15 + gap), 0);
  const m = Math.round(W * 0.06);
  let rule: number | null = null;
  let band: number | null = null;
  let qrBox: SecondCard['style']['qr'] = null;
  const qrSize = portrait ? 150 : 130;

  if (layout === 'divided') {
    rule = Math.round(W * oneOf(r, [0.46, 0.5, 0.54]));
    const left = [...nameBlock, ...titleBlock, ...companyBlock];
    stack(left, m, rule - 28, (H - tall(left, 0.6)) / 2, 'start', 0.6);
    const right = [...phones, ...web, ...address];
    const rightW = W - m - (qr ? qrSize + 20 : 0);
    const fit = Math.min(1, (H - 2 * m) / tall(right, 0.35));
    stack(right.map((b) => ({ ...b, size: Math.floor(b.size * fit) })), rule + 28, rightW, (H - tall(right, 0.35) * fit) / 2, 'start', 0.35);
    if (qr) qrBox = { x: W - m - qrSize, y: H - m - qrSize, size: qrSize };
  } else if (layout === 'band') {
    band = Math.round(W * 0.3);
    stack(companyBlock.map((b) => ({ ...b, colour: 'paper', size: Math.min(b.size, 22) })), 24, band - 20, m, 'start');
    const main = [...nameBlock, ...titleBlock];
    let y = stack(main, band + 40, W - m, m, 'start', 0.5);
    const rest = [...phones, ...web, ...address];
    const fit = Math.min(1, (H - y - m) / tall(rest, 0.3));
    y += 10;
    stack(rest.map((b) => ({ ...b, size: Math.floor(b.size * fit) })), band + 40, W - m - (qr ? qrSize + 20 : 0), y, 'start', 0.3);
    if (qr) qrBox = { x: W - m - qrSize, y: H - m - qrSize, size: qrSize };
  } else if (layout === 'footer-grid') {
    let y = stack([...nameBlock, ...titleBlock], m, W * 0.62, m, 'start', 0.45);
    stack(companyBlock, W * 0.55, W - m, m, 'end');
    const colW = (W - 2 * m) / 2;
    // an address stays one block: under the numbers, or under the e-mail and website
    const addressLeft = maybe(r, 0.5);
    const leftCol = [...phones, ...(addressLeft ? address : [])];
    const rightCol = [...web, ...(addressLeft ? [] : address)];
    const rows = Math.max(tall(leftCol, 0.3), tall(rightCol, 0.3));
    y = Math.max(y + 20, H - m - rows);
    const fit = Math.min(1, (H - m - y) / rows);
    stack(leftCol.map((b) => ({ ...b, size: Math.floor(b.size * fit) })), m, m + colW - 20, y, 'start', 0.3);
    stack(rightCol.map((b) => ({ ...b, size: Math.floor(b.size * fit) })), m + colW + 20, W - m, y, 'start', 0.3);
    features.push('two-column-footer');
  } else if (portrait) {
    const anchor = layout === 'portrait-centre' ? 'middle' : 'start';
    const all = [...companyBlock, ...nameBlock, ...titleBlock, ...phones, ...web, ...address];
    const room = H - 2 * m - (qr ? qrSize + 30 : 0);
    // portrait cards fill their height: type a little larger, the block centred
    const fit = Math.min(1.25, room / (tall(all, 0.55) + 60));
    let y = m + Math.max(10, (room - fit * (tall(all, 0.55) + 60)) / 2);
    y = stack(companyBlock.map((b) => ({ ...b, size: Math.floor(b.size * fit) })), m, W - m, y, anchor) + 30 * fit;
    y = stack([...nameBlock, ...titleBlock].map((b) => ({ ...b, size: Math.floor(b.size * fit) })), m, W - m, y, anchor, 0.4) + 30 * fit;
    stack([...phones, ...web, ...address].map((b) => ({ ...b, size: Math.floor(b.size * fit) })), m, W - m, y, anchor, 0.45);
    if (qr) qrBox = { x: anchor === 'middle' ? W / 2 - qrSize / 2 : m, y: H - m - qrSize, size: qrSize };
  } else {
    let y = stack(companyBlock, m, W - m, m, 'start') + 12;
    y = stack([...nameBlock, ...titleBlock], m, W - m, y, 'start', 0.4) + 16;
    const rest = [...phones, ...web, ...address];
    const fit = Math.min(1, (H - m - y) / tall(rest, 0.3));
    stack(rest.map((b) => ({ ...b, size: Math.floor(b.size * fit) })), m, W - m - (qr ? qrSize + 30 : 0), y, 'start', 0.3);
    if (qr) qrBox = { x: W - m - qrSize, y: H - m - qrSize, size: qrSize };
  }

  const photo = maybe(r, opts.photoShare ?? 0.7);
  const damage: Damage[] = [];
  if (photo) {
    // a third of the photos are sideways or upside down: phones held any way at a booth
    const turn = maybe(r, 0.33) ? oneOf(r, [90, 180, 270] as const) : 0;
    if (turn) features.push(`turned-${turn}`);
    damage.push({ kind: 'turn', degrees: turn }, { kind: 'tilt', degrees: (r() - 0.5) * 14 });
    if (maybe(r, 0.4)) damage.push({ kind: 'keystone', amount: 0.03 + r() * 0.07 });
    damage.push({ kind: 'table', surface: oneOf(r, ['oak', 'linen', 'laminate', 'felt'] as const), papers: num(r, 0, 3), otherCard: maybe(r, 0.25) });
    if (maybe(r, 0.35)) damage.push({ kind: 'hard-shadow', corner: oneOf(r, [0, 1, 2, 3] as const), depth: 0.2 + r() * 0.35, opacity: 0.25 + r() * 0.3 });
    if (maybe(r, 0.3)) damage.push({ kind: 'glare', cx: 0.2 + r() * 0.6, cy: 0.2 + r() * 0.6, rx: 0.1 + r() * 0.2, ry: 0.06 + r() * 0.12, opacity: 0.35 + r() * 0.35 });
    if (maybe(r, 0.3)) damage.push({ kind: 'motion-blur', length: num(r, 3, 7), direction: oneOf(r, ['horizontal', 'vertical', 'diagonal'] as const) });
    if (maybe(r, 0.25)) damage.push({ kind: 'dim', factor: 0.55 + r() * 0.3 });
    if (maybe(r, 0.5)) damage.push({ kind: 'shrink', factor: 0.55 + r() * 0.35 });
    damage.push({ kind: 'jpeg', quality: num(r, 50, 88) });
    for (const d of damage) if (['keystone', 'hard-shadow', 'glare', 'motion-blur', 'dim'].includes(d.kind)) features.push(d.kind);
  }
  const dark = maybe(r, 0.1);
  const accent = oneOf(r, ['#0b6e4f', '#b22234', '#2d4e9b', '#7a3e9d', '#c1661c', '#12708a']);
  return {
    file: `card-${String(index).padStart(4, '0')}.jpg`,
    seed,
    fields,
    lines,
    text: lines.map((l) => l.text).join('\n'),
    photo,
    meta: { country: spec.code, layout, features },
    style: {
      cleanSize: [W, H],
      bodyFont,
      nameFont: oneOf(r, FONTS.filter((x) => !x.includes('Mono'))),
      ink: dark ? '#ececec' : oneOf(r, ['#1a1a1a', '#23324d', '#333333', '#402a1e']),
      paper: dark ? oneOf(r, ['#202830', '#2b1f2f', '#1b3326']) : oneOf(r, ['#ffffff', '#f5f1e6', '#eef2f5', '#fdfaf3']),
      accent: dark ? '#e8c170' : accent,
      letterSpacing,
      rule,
      band,
      qr: qrBox,
    },
    damage,
  };
}

export function composeCards(count: number, seed: number, opts: { photoShare?: number } = {}): SecondCard[] {
  return Array.from({ length: count }, (_v, i) => composeCard(seed, i + 1, opts));
}
