/**
 * Generic word lists the card parser uses: contact labels, legal forms, job-title words,
 * address words, countries and regions. Nothing here is taken from any particular card.
 * Lists are lower-case and accent-free unless said otherwise (see `fold`).
 */

/** lower-case, strip diacritics, ß→ss, ø→o, æ→ae (for matching only, never for output) */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[øØ]/g, 'o')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[œŒ]/g, 'oe')
    .replace(/[łŁ]/g, 'l')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}

export type PhoneKind = 'phone' | 'direct' | 'office' | 'mobile' | 'fax';

/** Labels printed before (or after) a telephone number, folded, without trailing punctuation. */
export const PHONE_LABELS: Record<string, PhoneKind> = {
  // landline / general
  t: 'phone', tel: 'phone', tél: 'phone', tel1: 'phone', telephone: 'phone', telefon: 'phone', telefono: 'phone',
  teléfono: 'phone', telefone: 'phone', telefoon: 'phone', tfn: 'phone', tlf: 'phone', tf: 'phone', fon: 'phone',
  phone: 'phone', ph: 'phone', p: 'phone', pho: 'phone', main: 'phone', switchboard: 'phone', zentrale: 'phone',
  standard: 'phone', centralino: 'phone', fixe: 'phone', fixo: 'phone', vast: 'phone', landline: 'phone',
  o: 'office', off: 'office', office: 'office', bureau: 'office', buro: 'office', büro: 'office', ufficio: 'office',
  oficina: 'office', kantoor: 'office', work: 'office', escritorio: 'office', escritório: 'office', business: 'office',
  d: 'direct', dd: 'direct', ddi: 'direct', did: 'direct', dir: 'direct', direct: 'direct', direkt: 'direct', diretto: 'direct',
  directo: 'direct', direto: 'direct', 'direct line': 'direct', 'ligne directe': 'direct', doorkiesnummer: 'direct',
  doorkies: 'direct', 'tel directo': 'direct', 'tel diretto': 'direct', 'tel direto': 'direct', durchwahl: 'direct',
  tfno: 'phone', telf: 'phone', fone: 'phone', tel2: 'phone', centralita: 'phone',
  // mobile
  m: 'mobile', mob: 'mobile', mobile: 'mobile', mobil: 'mobile', mobiel: 'mobile', móvil: 'mobile', movil: 'mobile',
  cell: 'mobile', cellular: 'mobile', c: 'mobile', cel: 'mobile', celular: 'mobile', cellulare: 'mobile',
  cell1: 'mobile', handy: 'mobile', port: 'mobile', portable: 'mobile', gsm: 'mobile', natel: 'mobile', hp: 'mobile',
  'h/p': 'mobile', mobiltelefon: 'mobile', 'mobile phone': 'mobile', whatsapp: 'mobile', wa: 'mobile', mo: 'mobile',
  // fax
  f: 'fax', fax: 'fax', fx: 'fax', telefax: 'fax', télécopie: 'fax', telecopie: 'fax', facsimile: 'fax', facs: 'fax',
};

/** Labels before an e-mail address or a website (removed, never part of a value). */
export const EMAIL_LABELS = new Set(['e', 'em', 'email', 'e-mail', 'mail', 'courriel', 'correo', 'posta', 'e-post', 'mél', 'mel']);
export const WEB_LABELS = new Set(['w', 'web', 'website', 'site', 'www', 'url', 'internet', 'homepage', 'sitio', 'sito', 'webseite', 'site web', 'i']);

/** Social media: a URL on these hosts is a profile, never the company website. */
export const SOCIAL_HOSTS = [
  'linkedin', 'lnkd', 'twitter', 'x.com', 'facebook', 'fb.com', 'instagram', 'xing', 'youtube', 'youtu.be',
  'tiktok', 'github', 'wa.me', 'threads', 'pinterest', 'medium.com', 'calendly', 't.me', 'bsky',
];
export const SOCIAL_WORDS = /\b(linked\s?in|twitter|xing|instagram|facebook|youtube|tiktok|github|skype|wechat|whatsapp|threads|bluesky)\b/i;

/** Top-level domains accepted for a bare domain (one without www. or a scheme). */
export const TLDS = new Set([
  'com', 'org', 'net', 'biz', 'info', 'io', 'co', 'ai', 'app', 'dev', 'tech', 'eu', 'example', 'test', 'invalid',
  'de', 'fr', 'uk', 'au', 'ca', 'us', 'nl', 'be', 'lu', 'es', 'it', 'ch', 'li', 'at', 'ie', 'in', 'sg', 'br', 'pt',
  'se', 'no', 'dk', 'fi', 'pl', 'cz', 'nz', 'jp', 'cn', 'hk', 'mx', 'ar', 'za', 'ae', 'global', 'group', 'agency',
  'design', 'studio', 'solutions', 'consulting', 'media', 'digital', 'online', 'shop', 'store', 'cloud', 'systems',
  'gmbh', 'ltd', 'llc', 'inc', 'works', 'partners', 'legal', 'law', 'health', 'energy', 'edu', 'gov', 'me', 'tv',
]);

/** ccTLD → ISO country (for the default phone country). */
export const TLD_COUNTRY: Record<string, string> = {
  de: 'DE', fr: 'FR', uk: 'GB', au: 'AU', ca: 'CA', us: 'US', nl: 'NL', be: 'BE', es: 'ES', it: 'IT', ch: 'CH',
  at: 'AT', ie: 'IE', in: 'IN', sg: 'SG', br: 'BR', pt: 'PT', nz: 'NZ', lu: 'LU', mx: 'MX',
};

/**
 * Legal forms, matched on folded tokens with dots removed; value = canonical spelling.
 * Source: the ISO 20275 Entity Legal Forms code list (GLEIF, ELF v1.5) — the abbreviations in
 * common use for the most frequent forms of each jurisdiction, by country:
 * DE/AT (GmbH, AG, KG, KGaA, OHG, UG, SE, e.V., e.K., GbR, mbH), CH (AG, GmbH, SA, Sàrl, Sagl, Genossenschaft),
 * FR (SA, SAS, SASU, SARL, EURL, SNC, SCA, SCI, SCOP, SEL), BE (SA, SRL, SPRL, BV, BVBA, NV, SC, CVBA, ASBL, VZW),
 * LU (SA, SARL, SCS, SE), NL (B.V., N.V., V.O.F., C.V., Stichting), US (Inc., LLC, LLP, LP, PLLC, Corp., Co., PC),
 * CA (Inc., Ltd., Corp., ULC, Ltée), GB (Ltd, Limited, PLC, LLP, CIC), IE (Ltd, DAC, CLG, UC, Teoranta),
 * AU/NZ (Pty Ltd), ES (S.A., S.L., S.L.U., S.A.U., S.Coop.), IT (S.p.A., S.r.l., S.r.l.s., S.a.s., S.n.c., S.a.p.A.),
 * PT/BR (Lda., Ltda., S.A., EIRELI, ME, EPP), SE (AB, HB, KB), NO (AS, ASA, ANS, DA), DK (A/S, ApS, I/S, P/S),
 * FI (Oy, Oyj, Ky, Tmi), PL (sp. z o.o., S.A., sp.k., sp.j.), CZ/SK (s.r.o., a.s., k.s., v.o.s.), HU (Kft., Zrt., Nyrt., Bt.),
 * RO (S.R.L., S.A.), GR (A.E., E.P.E., I.K.E.), TR (A.Ş., Ltd. Şti.), IN (Pvt. Ltd., Private Limited, LLP, OPC),
 * SG (Pte. Ltd.), MY (Sdn. Bhd., Bhd.), ZA (Pty Ltd, Inc., NPC), MX (S.A. de C.V., S. de R.L.), AR/CL/CO (S.A., S.R.L.,
 * S.A.S., Ltda., SpA), JP (K.K., G.K.), CN/HK (Co., Ltd., Limited), IL (Ltd.), AE (LLC, FZE, FZCO, FZ-LLC).
 */
export const LEGAL_FORMS: Record<string, string> = {
  gmbh: 'GmbH', mbh: 'mbH', ag: 'AG', kg: 'KG', kgaa: 'KGaA', ohg: 'OHG', ug: 'UG', se: 'SE', ev: 'e.V.', ek: 'e.K.',
  gbr: 'GbR', eg: 'eG', genossenschaft: 'Genossenschaft',
  sarl: 'SARL', sàrl: 'Sàrl', sas: 'SAS', sasu: 'SASU', sa: 'SA', eurl: 'EURL', sca: 'SCA', snc: 'SNC', sci: 'SCI',
  scop: 'SCOP', sel: 'SEL', scs: 'SCS', asbl: 'ASBL', vzw: 'VZW', cvba: 'CVBA', sc: 'SC', ltee: 'Ltée',
  inc: 'Inc.', incorporated: 'Incorporated', llc: 'LLC', llp: 'LLP', lp: 'LP', pllc: 'PLLC', pc: 'PC', ltd: 'Ltd',
  limited: 'Limited', plc: 'PLC', cic: 'CIC', uc: 'UC', corp: 'Corp.', corporation: 'Corporation', co: 'Co.', company: 'Company',
  pty: 'Pty', bv: 'B.V.', nv: 'N.V.', vof: 'V.O.F.', cv: 'C.V.', stichting: 'Stichting',
  srl: 'S.r.l.', srls: 'S.r.l.s.', spa: 'S.p.A.', sapa: 'S.a.p.A.',
  sl: 'S.L.', slu: 'S.L.U.', sau: 'S.A.U.', scoop: 'S.Coop.', lda: 'Lda.', ltda: 'Ltda', eireli: 'EIRELI', me: 'ME', epp: 'EPP',
  pvt: 'Pvt', opc: 'OPC', pte: 'Pte', sdn: 'Sdn', bhd: 'Bhd', npc: 'NPC', sagl: 'Sagl',
  ab: 'AB', hb: 'HB', as: 'AS', asa: 'ASA', ans: 'ANS', aps: 'ApS', 'a/s': 'A/S', 'i/s': 'I/S', 'p/s': 'P/S',
  oy: 'Oy', oyj: 'Oyj', ky: 'Ky', 'spzoo': 'sp. z o.o.', sro: 's.r.o.', kft: 'Kft.', zrt: 'Zrt.', nyrt: 'Nyrt.', bt: 'Bt.',
  ae: 'A.E.', epe: 'E.P.E.', ike: 'I.K.E.', sti: 'Şti.', kk: 'K.K.', gk: 'G.K.', fze: 'FZE', fzco: 'FZCO',
  'fz-llc': 'FZ-LLC', ulc: 'ULC', dac: 'DAC', clg: 'CLG', teoranta: 'Teoranta', 'gmbh&co': 'GmbH & Co.',
  scrl: 'SCRL', sprl: 'SPRL', bvba: 'BVBA',
};
/** Legal forms that can end a company name on their own (others only inside a longer form). */
export const TERMINAL_LEGAL = new Set([
  'gmbh', 'mbh', 'ag', 'kg', 'kgaa', 'ohg', 'ug', 'se', 'ev', 'ek', 'gbr', 'eg', 'genossenschaft', 'sarl', 'sàrl',
  'sas', 'sasu', 'sa', 'eurl', 'snc', 'scop', 'scs', 'asbl', 'vzw', 'cvba', 'ltee',
  'inc', 'incorporated', 'llc', 'llp', 'lp', 'pllc', 'ltd', 'limited', 'plc', 'cic', 'corp', 'corporation', 'co', 'bv',
  'nv', 'vof', 'srl', 'srls', 'spa', 'sapa', 'sl', 'slu', 'sau', 'scoop', 'lda', 'ltda', 'eireli', 'epp', 'bhd', 'sagl',
  'ab', 'asa', 'aps', 'a/s', 'oy', 'oyj', 'sro', 'kft', 'zrt', 'nyrt', 'epe', 'ike', 'sti', 'kk', 'fze', 'fzco',
  'fz-llc', 'opc', 'npc', 'ulc', 'dac', 'clg', 'teoranta', 'sca', 'sci', 'scrl', 'sprl', 'bvba', 'company',
]);

/**
 * Generic nouns that name an organisation as such (not a trade or a sector): a line with one of
 * them reads as an organisation, not a person. Kept to kinds of organisation, in the languages of
 * the cards; sectors ("dental", "foods") are left to layout and domain agreement.
 */
export const COMPANY_WORDS = new Set([
  // English
  'group', 'holding', 'holdings', 'partners', 'associates', 'labs', 'lab', 'laboratories', 'laboratory', 'studio',
  'studios', 'agency', 'consultancy', 'consulting', 'consultants', 'enterprises', 'industries', 'ventures', 'company',
  'corporation', 'co', 'ltd', 'foundation', 'institute', 'university', 'college', 'academy', 'school', 'association',
  'society', 'council', 'trust', 'bank', 'clinic', 'hospital', 'firm', 'bureau', 'workshop', 'works', 'cooperative',
  'federation', 'chamber', 'network', 'alliance', 'collective', 'centre', 'center',
  // German
  'gruppe', 'stiftung', 'verband', 'verein', 'institut', 'universität', 'universitat', 'hochschule', 'akademie',
  'werke', 'werk', 'kanzlei', 'praxis', 'klinik', 'genossenschaft', 'gesellschaft', 'büro', 'buro',
  // French
  'groupe', 'société', 'societe', 'cabinet', 'atelier', 'fondation', 'université', 'universite', 'école', 'ecole',
  'académie', 'academie', 'agence', 'compagnie', 'établissements', 'etablissements', 'mutuelle', 'coopérative',
  // Spanish / Portuguese / Italian / Dutch
  'grupo', 'fundación', 'fundacion', 'instituto', 'universidad', 'compañía', 'compania', 'asociación', 'agencia',
  'despacho', 'fundação', 'fundacao', 'universidade', 'companhia', 'associação', 'gruppo', 'fondazione', 'istituto',
  'università', 'universita', 'società', 'societa', 'studio', 'agenzia', 'groep', 'stichting', 'universiteit',
  'hogeschool', 'bureau', 'maatschap', 'vereniging', 'coöperatie', 'cooperatie',
]);

/** Head nouns and words of job titles (several languages). A title line contains at least one. */
export const TITLE_WORDS = new Set([
  // English
  'director', 'manager', 'engineer', 'executive', 'officer', 'president', 'vice', 'vp', 'svp', 'evp', 'avp', 'ceo',
  'cto', 'cfo', 'coo', 'cmo', 'cio', 'ciso', 'cpo', 'cro', 'founder', 'co-founder', 'cofounder', 'partner', 'consultant',
  'associate', 'representative', 'rep', 'specialist', 'analyst', 'coordinator', 'head', 'lead', 'leader', 'chief',
  'buyer', 'developer', 'designer', 'architect', 'advisor', 'adviser', 'assistant', 'administrator', 'accountant',
  'counsel', 'attorney', 'lawyer', 'jurist', 'solicitor', 'barrister', 'owner', 'principal', 'intern', 'chairman', 'chairwoman',
  'chair', 'secretary', 'treasurer', 'controller', 'supervisor', 'superintendent', 'agent', 'broker', 'planner',
  'strategist', 'scientist', 'researcher', 'professor', 'lecturer', 'physician', 'surgeon', 'nurse', 'pharmacist',
  'technician', 'operator', 'editor', 'writer', 'journalist', 'producer', 'photographer', 'artist', 'recruiter',
  'trainer', 'coach', 'officer', 'auditor', 'economist', 'estimator', 'inspector', 'programmer', 'tester',
  'receptionist', 'clerk', 'cashier', 'salesman', 'saleswoman', 'evangelist', 'ambassador', 'fellow', 'staff',
  'member', 'md', 'gm', 'managing', 'general', 'senior', 'junior', 'sr', 'jr', 'trustee', 'delegate', 'liaison',
  'purchaser', 'procurement', 'merchandiser', 'stylist', 'curator', 'therapist', 'dentist', 'veterinarian',
  // German
  'geschäftsführer', 'geschaftsfuhrer', 'geschaeftsfuehrer', 'geschäftsführerin', 'leiter', 'leiterin', 'prokurist',
  'prokuristin', 'vorstand', 'vorsitzender', 'inhaber', 'inhaberin', 'berater', 'beraterin', 'ingenieur',
  'ingenieurin', 'referent', 'referentin', 'sachbearbeiter', 'sachbearbeiterin', 'einkäufer', 'einkaufer',
  'vertriebsleiter', 'verkaufsleiter', 'projektleiter', 'teamleiter', 'abteilungsleiter', 'bereichsleiter',
  'mitarbeiter', 'mitarbeiterin', 'entwickler', 'entwicklerin', 'kaufmann', 'kauffrau', 'assistentin', 'assistenz',
  'gesellschafter', 'direktor', 'direktorin', 'prokura', 'betriebsleiter', 'niederlassungsleiter', 'außendienst',
  // French
  'directeur', 'directrice', 'responsable', 'chef', 'ingénieur', 'ingenieure', 'ingénieure', 'commercial',
  'commerciale', 'gérant', 'gerant', 'gérante', 'président', 'présidente', 'presidente', 'chargé', 'chargée',
  'charge', 'conseiller', 'conseillère', 'attaché', 'attachée', 'délégué', 'déléguée', 'acheteur', 'acheteuse',
  'associé', 'associée', 'fondateur', 'fondatrice', 'cofondateur', 'cofondatrice', 'administrateur', 'comptable',
  'avocat', 'avocate', 'technicien', 'technicienne', 'adjoint', 'adjointe', 'stagiaire', 'dirigeant', 'pdg', 'dg',
  // Spanish / Portuguese / Italian / Dutch
  'director', 'directora', 'gerente', 'jefe', 'jefa', 'socio', 'socia', 'asesor', 'asesora', 'consultor', 'consultora',
  'ingeniero', 'ingeniera', 'coordinador', 'coordinadora', 'responsable', 'comercial', 'ejecutivo', 'ejecutiva',
  'fundador', 'fundadora', 'analista', 'diretor', 'diretora', 'engenheiro', 'engenheira', 'coordenador',
  'coordenadora', 'sócio', 'sócia', 'assessor', 'gestor', 'gestora', 'vendedor', 'vendedora', 'presidente',
  'direttore', 'direttrice', 'responsabile', 'amministratore', 'amministratrice', 'ingegnere', 'consulente',
  'titolare', 'socio', 'fondatore', 'fondatrice', 'commerciale', 'dirigente', 'funzionario', 'addetto', 'addetta',
  'directeur', 'bedrijfsleider', 'eigenaar', 'adviseur', 'medewerker', 'verkoper', 'vennoot', 'bestuurder',
  'projectleider', 'teamleider', 'afdelingshoofd', 'accountmanager', 'inkoper', 'ontwikkelaar', 'hoofd',
  // more Spanish / Portuguese / Italian / Dutch role nouns (feminine forms where they differ)
  'jefe', 'subdirector', 'subdirectora', 'encargado', 'encargada', 'técnico', 'tecnico', 'técnica', 'tecnica',
  'abogado', 'abogada', 'contable', 'delegado', 'delegada', 'representante', 'agente', 'comprador', 'compradora',
  'administrador', 'administradora', 'desarrollador', 'desarrolladora', 'diseñador', 'diseñadora', 'gestora',
  'supervisor', 'supervisora', 'coordenador', 'gerente', 'analista', 'advogado', 'advogada', 'contador', 'contadora',
  'desenvolvedor', 'desenvolvedora', 'projetista', 'estagiário', 'estagiaria', 'estagiária', 'especialista',
  'responsabile', 'capo', 'direttrice', 'tecnico', 'progettista', 'avvocato', 'commercialista', 'impiegato',
  'impiegata', 'sviluppatore', 'agente', 'rappresentante', 'amministratore', 'presidente', 'vicepresidente',
  'directeur', 'manager', 'beheerder', 'coördinator', 'coordinator', 'ontwerper', 'specialist', 'consultant',
  'vertegenwoordiger', 'bestuursvoorzitter', 'oprichter', 'medeoprichter', 'stagiair', 'jurist', 'notaris',
  // German role nouns that also head compounds ("Vertriebsleiterin", "Projektingenieur")
  'managerin', 'ingenieurin', 'technikerin', 'techniker', 'verkäufer', 'verkaufer', 'verkäuferin', 'einkäuferin',
  'assistent', 'beauftragter', 'beauftragte', 'sprecher', 'sprecherin', 'koordinator', 'koordinatorin',
  'spezialist', 'spezialistin', 'vorsitzende', 'gründer', 'grunder', 'gründerin', 'partnerin', 'beraterin',
  'architektin', 'architekt', 'rechtsanwalt', 'rechtsanwältin', 'steuerberater', 'steuerberaterin', 'meister',
  'meisterin', 'planer', 'planerin', 'disponent', 'disponentin', 'praktikant', 'praktikantin', 'werkstudent',
  // South Asia / misc
  'proprietor', 'chartered', 'cpa', 'cfa', 'ca',
]);

/**
 * Role nouns that end German and Dutch compound titles ("Vertriebsleiterin", "Projektingenieur",
 * "Verkoopadviseur"): a word of 8+ letters ending in one of these is a role word.
 */
export const TITLE_HEADS = [
  'leiter', 'leiterin', 'ingenieur', 'ingenieurin', 'manager', 'managerin', 'berater', 'beraterin', 'referent',
  'referentin', 'techniker', 'technikerin', 'kaufmann', 'kauffrau', 'assistent', 'assistentin', 'direktor',
  'direktorin', 'einkäufer', 'einkäuferin', 'verkäufer', 'verkäuferin', 'entwickler', 'entwicklerin', 'planer',
  'planerin', 'beauftragter', 'beauftragte', 'spezialist', 'spezialistin', 'koordinator', 'koordinatorin',
  'führer', 'führerin', 'vorstand', 'sprecher', 'sprecherin', 'mitarbeiter', 'mitarbeiterin', 'leider', 'adviseur',
  'medewerker', 'directeur', 'beheerder', 'ontwikkelaar', 'verkoper', 'inkoper', 'specialist', 'consultant',
];
/**
 * Other words of job titles (areas of work, qualifiers), for repairing OCR slips in a title line
 * ("Operatons Manager"); they don't make a line a title on their own.
 */
export const TITLE_AREA_WORDS = new Set([
  'operations', 'sales', 'marketing', 'business', 'development', 'technology', 'engineering', 'account', 'accounts',
  'product', 'products', 'project', 'projects', 'program', 'programme', 'customer', 'success', 'finance', 'financial',
  'human', 'resources', 'procurement', 'purchasing', 'logistics', 'quality', 'research', 'communications',
  'strategy', 'strategic', 'digital', 'information', 'security', 'legal', 'compliance', 'support', 'services',
  'partnerships', 'relations', 'regional', 'national', 'international', 'global', 'technical', 'commercial',
  'solutions', 'enterprise', 'infrastructure', 'software', 'hardware', 'analytics', 'design', 'creative', 'content',
  'innovation', 'manufacturing', 'production', 'supply', 'chain', 'administration', 'executive', 'assistant',
  'einkauf', 'vertrieb', 'verkauf', 'entwicklung', 'technik', 'achats', 'ventes', 'projet', 'projets', 'ventas',
  'compras', 'proyectos', 'acquisti', 'vendite', 'progetti', 'inkoop', 'verkoop', 'vendas', 'compras', 'projetos',
]);

/** Words that, alone, do not make a title (department words, domains of work). */
export const DEPARTMENT_WORDS = new Set([
  'department', 'division', 'region', 'accounts', 'team', 'unit', 'abteilung', 'bereich', 'département', 'service',
  'research', 'development', 'solutions', 'enterprise', 'strategic', 'emea', 'apac', 'americas', 'global',
]);

/** Name prefixes (honorifics) and suffixes (degrees, post-nominals), folded without dots. */
export const NAME_PREFIXES = new Set([
  'dr', 'prof', 'professor', 'mr', 'mrs', 'ms', 'miss', 'mx', 'sir', 'dame', 'ing', 'dipl', 'dipl-ing', 'mag',
  'me', 'maître', 'mag', 'ir', 'drs', 'mr', 'dott', 'dottssa', 'dottoressa', 'avv', 'arch', 'lic', 'sr', 'sra',
  'srta', 'don', 'doña', 'herr', 'frau', 'mme', 'mlle', 'm', 'shri', 'smt', 'rev', 'hon',
]);
export const NAME_SUFFIXES = new Set([
  'phd', 'md', 'mba', 'cpa', 'cfa', 'jr', 'sr', 'ii', 'iii', 'iv', 'esq', 'msc', 'ma', 'ba', 'bsc', 'meng', 'beng',
  'peng', 'pe', 'rn', 'dds', 'dvm', 'jd', 'llm', 'llb', 'mph', 'cissp', 'pmp', 'frcs', 'mrics', 'fca', 'aca', 'acca',
  'cima', 'dba', 'edd', 'psyd', 'cfp', 'shrm-cp', 'ca',
]);
/** Lower-case particles of surnames (van der Berg, de la Cruz, da Silva, von Stein). */
export const SURNAME_PARTICLES = new Set([
  'van', 'von', 'der', 'den', 'de', 'del', 'della', 'dei', 'di', 'da', 'das', 'do', 'dos', 'du', 'la', 'le', 'les',
  'ten', 'ter', 'te', 'zu', 'zum', 'zur', 'y', 'e', 'bin', 'binti', 'al', 'el', "d'", 'st', 'mac', 'lo', 'af', 'av',
]);

/**
 * Chinese family names as they are romanised on cards: Hanyu Pinyin (mainland, Taiwan) and the
 * Hokkien, Teochew, Cantonese and Hakka spellings of Singapore, Malaysia and Hong Kong. Source: the
 * most frequent surnames of China's 2020 census, of Singapore's Chinese residents (the Department
 * of Statistics' population reports) and of Hong Kong's romanisation tables — not words of any card.
 * COMMON_CHINESE_SURNAMES are the most frequent of them in Singapore (the first twenty): a name that
 * starts with one of these is usually printed family name first ("Tan Wei Ming").
 */
export const COMMON_CHINESE_SURNAMES = new Set([
  'tan', 'lim', 'lee', 'ng', 'ong', 'wong', 'goh', 'chua', 'chan', 'koh', 'teo', 'ang', 'yeo', 'tay', 'ho', 'low', 'toh', 'sim', 'chong', 'chia',
]);
export const CHINESE_SURNAMES = new Set([
  ...COMMON_CHINESE_SURNAMES,
  'wang', 'li', 'zhang', 'liu', 'chen', 'yang', 'huang', 'zhao', 'wu', 'zhou', 'xu', 'sun', 'ma', 'zhu', 'hu', 'guo', 'he', 'lin', 'luo', 'gao',
  'zheng', 'liang', 'xie', 'song', 'tang', 'han', 'feng', 'deng', 'cao', 'peng', 'zeng', 'xiao', 'tian', 'dong', 'pan', 'yuan', 'cai', 'jiang',
  'yu', 'du', 'ye', 'cheng', 'wei', 'su', 'lu', 'ding', 'ren', 'yao', 'shen', 'zhong', 'cui', 'fan', 'jin', 'shi', 'liao', 'jia', 'xia', 'fu',
  'fang', 'bai', 'zou', 'meng', 'xiong', 'qin', 'qiu', 'hou', 'yin', 'xue', 'yan', 'duan', 'lei', 'long', 'tao', 'mao', 'hao', 'gu', 'gong',
  'shao', 'wan', 'qian', 'lai', 'kong', 'seah', 'leong', 'foo', 'lau', 'yap', 'pang', 'poh', 'loh', 'quek', 'tey', 'neo', 'heng', 'phua', 'soh',
  'chew', 'kwok', 'cheung', 'leung', 'chow', 'lam', 'chu', 'tsang', 'fung', 'mak', 'choi', 'tam', 'siu', 'kwan', 'yip', 'tse', 'au', 'hui', 'lo',
  'law', 'lui', 'ip', 'kok', 'khoo', 'ooi', 'yeoh', 'cheah', 'teh', 'tong', 'chin', 'hew', 'liew', 'choo', 'sng', 'lum', 'yong', 'yee', 'wee',
]);

/** Words of taglines: a line with several of these lower-case words is a slogan, not a name or company. */
export const LOWER_FUNCTION_WORDS = new Set([
  'the', 'a', 'an', 'and', 'or', 'of', 'for', 'to', 'in', 'on', 'at', 'by', 'with', 'without', 'since', 'your',
  'our', 'we', 'you', 'can', 'is', 'are', 'it', 'be', 'will', 'just', 'more', 'every', 'all', 'für', 'und', 'seit', 'mit', 'pour',
  'et', 'avec', 'sans', 'depuis', 'votre', 'notre', 'para', 'con', 'sin', 'desde', 'per', 'senza', 'dal', 'voor',
  'met', 'sinds', 'uw', 'onze', 'em', 'com', 'sem', 'ihr', 'ihre', 'wir', 'unsere', 'nous', 'vous', 'nuestro', 'nuestra',
  'tu', 'su', 'il', 'lo', 'gli', 'nostro', 'vostro', 'samen', 'wij', 'jouw', 'seu', 'sua', 'nosso', 'nossa', 'que', 'che',
]);

/** Keywords of legal / registration / stock lines (never name, company, phone or address). */
export const LEGAL_LINE =
  /\b(vat|tva|ust-?id(nr)?|ust\.?-?id|mwst|p\.?\s?iva|partita\s+iva|btw|gst(in)?|abn|acn|arbn|nzbn|siret|siren|rcs|ape|naf|hrb|hra|amtsgericht|registergericht|handelsregister|steuer-?nr|st\.?-?nr|registered|registration|reg\.?\s?no|company\s+(no|number|reg)|companies\s+house|licen[cs]e|lic\.?\s?no|duns|ein|tax\s?id|kvk|cif|nif|cnpj|cin|uen|che-?\s?\d|nasdaq|nyse|lse|tsx|asx|euronext|xetra|capital\s+social|share\s+capital|stammkapital|iban|bic|swift|sort\s+code|registro|inscrita|inscrite|firmenbuch|crn|acra|rea)\b/i;
/** Keywords that make a line legal whatever else it has. */
export const LEGAL_STRONG = /\b(amtsgericht|registergericht|handelsregister|registered\s+in|registered\s+office|companies\s+house|nasdaq|nyse|asx|tsx|euronext|capital\s+social|share\s+capital|stammkapital|firmenbuch)\b/i;

/** Lines that belong to a QR code or a call to action rather than to a field. */
export const QR_LINE = /\b(scan\s+(me|to|for|the|here)|scan\b|qr\s?code|vcard|save\s+contact)\b/i;

/** ISO country of printed country names (folded). */
export const COUNTRY_NAMES: Record<string, string> = {
  'usa': 'US', 'u.s.a.': 'US', 'u.s.a': 'US', 'us': 'US', 'u.s.': 'US', 'united states': 'US',
  'united states of america': 'US', 'canada': 'CA', 'uk': 'GB', 'u.k.': 'GB', 'united kingdom': 'GB',
  'great britain': 'GB', 'england': 'GB', 'scotland': 'GB', 'wales': 'GB', 'northern ireland': 'GB',
  'germany': 'DE', 'deutschland': 'DE', 'allemagne': 'DE', 'france': 'FR', 'australia': 'AU', 'netherlands': 'NL',
  'the netherlands': 'NL', 'nederland': 'NL', 'holland': 'NL', 'spain': 'ES', 'españa': 'ES', 'espana': 'ES',
  'italy': 'IT', 'italia': 'IT', 'switzerland': 'CH', 'schweiz': 'CH', 'suisse': 'CH', 'svizzera': 'CH',
  'ireland': 'IE', 'éire': 'IE', 'eire': 'IE', 'republic of ireland': 'IE', 'india': 'IN', 'bharat': 'IN',
  'singapore': 'SG', 'brazil': 'BR', 'brasil': 'BR', 'austria': 'AT', 'österreich': 'AT', 'osterreich': 'AT',
  'belgium': 'BE', 'belgique': 'BE', 'belgië': 'BE', 'belgie': 'BE', 'luxembourg': 'LU', 'portugal': 'PT',
  'new zealand': 'NZ', 'mexico': 'MX', 'méxico': 'MX', 'sweden': 'SE', 'denmark': 'DK', 'norway': 'NO',
  'poland': 'PL', 'japan': 'JP', 'china': 'CN', 'sverige': 'SE', 'danmark': 'DK', 'norge': 'NO', 'finland': 'FI',
  'suomi': 'FI', 'polska': 'PL', 'czechia': 'CZ', 'czech republic': 'CZ', 'česko': 'CZ', 'hungary': 'HU',
  'magyarország': 'HU', 'türkiye': 'TR', 'turkey': 'TR', 'greece': 'GR', 'south africa': 'ZA', 'uae': 'AE',
  'united arab emirates': 'AE', 'hong kong': 'HK', 'malaysia': 'MY', 'argentina': 'AR', 'chile': 'CL',
  'colombia': 'CO', 'perú': 'PE', 'peru': 'PE', 'liechtenstein': 'LI', 'luxemburg': 'LU', 'suiza': 'CH',
  'schweden': 'SE', 'espagne': 'ES', 'spanien': 'ES', 'italien': 'IT', 'frankreich': 'FR', 'niederlande': 'NL',
  'brasilien': 'BR', 'indien': 'IN',
};

/**
 * Country names whose accents the English OCR drops and whose unaccented form is not a spelling in
 * use: the printed name is given back with its accents ("Espana" → "España").
 */
export const ACCENTED_COUNTRY_NAMES: Record<string, string> = {
  espana: 'España', osterreich: 'Österreich', belgie: 'België', eire: 'Éire', cesko: 'Česko', turkiye: 'Türkiye',
  magyarorszag: 'Magyarország',
};

/** Regions by country: code (as printed) and full names. */
export const REGIONS: Record<string, { codes: string[]; names: string[] }> = {
  US: {
    codes: ['AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'DC', 'FL', 'GA', 'HI', 'ID', 'IL', 'IN', 'IA', 'KS', 'KY',
      'LA', 'ME', 'MD', 'MA', 'MI', 'MN', 'MS', 'MO', 'MT', 'NE', 'NV', 'NH', 'NJ', 'NM', 'NY', 'NC', 'ND', 'OH', 'OK',
      'OR', 'PA', 'RI', 'SC', 'SD', 'TN', 'TX', 'UT', 'VT', 'VA', 'WA', 'WV', 'WI', 'WY', 'PR'],
    names: ['Alabama', 'Alaska', 'Arizona', 'Arkansas', 'California', 'Colorado', 'Connecticut', 'Delaware',
      'District of Columbia', 'Florida', 'Georgia', 'Hawaii', 'Idaho', 'Illinois', 'Indiana', 'Iowa', 'Kansas',
      'Kentucky', 'Louisiana', 'Maine', 'Maryland', 'Massachusetts', 'Michigan', 'Minnesota', 'Mississippi',
      'Missouri', 'Montana', 'Nebraska', 'Nevada', 'New Hampshire', 'New Jersey', 'New Mexico', 'New York',
      'North Carolina', 'North Dakota', 'Ohio', 'Oklahoma', 'Oregon', 'Pennsylvania', 'Rhode Island',
      'South Carolina', 'South Dakota', 'Tennessee', 'Texas', 'Utah', 'Vermont', 'Virginia', 'Washington',
      'West Virginia', 'Wisconsin', 'Wyoming', 'Puerto Rico'],
  },
  CA: {
    codes: ['AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT'],
    names: ['Alberta', 'British Columbia', 'Manitoba', 'New Brunswick', 'Newfoundland and Labrador', 'Nova Scotia',
      'Northwest Territories', 'Nunavut', 'Ontario', 'Prince Edward Island', 'Quebec', 'Québec', 'Saskatchewan', 'Yukon'],
  },
  AU: {
    codes: ['NSW', 'VIC', 'QLD', 'WA', 'SA', 'TAS', 'ACT', 'NT'],
    names: ['New South Wales', 'Victoria', 'Queensland', 'Western Australia', 'South Australia', 'Tasmania',
      'Australian Capital Territory', 'Northern Territory'],
  },
  IN: {
    codes: [],
    names: ['Andhra Pradesh', 'Assam', 'Bihar', 'Chhattisgarh', 'Delhi', 'New Delhi', 'Goa', 'Gujarat', 'Haryana',
      'Himachal Pradesh', 'Jharkhand', 'Karnataka', 'Kerala', 'Madhya Pradesh', 'Maharashtra', 'Odisha', 'Punjab',
      'Rajasthan', 'Tamil Nadu', 'Telangana', 'Uttar Pradesh', 'Uttarakhand', 'West Bengal', 'Chandigarh'],
  },
  BR: {
    codes: ['AC', 'AL', 'AP', 'AM', 'BA', 'CE', 'DF', 'ES', 'GO', 'MA', 'MT', 'MS', 'MG', 'PA', 'PB', 'PR', 'PE', 'PI',
      'RJ', 'RN', 'RS', 'RO', 'RR', 'SC', 'SP', 'SE', 'TO'],
    names: [],
  },
  IT: {
    codes: ['AG', 'AL', 'AN', 'AO', 'AR', 'AP', 'AT', 'AV', 'BA', 'BG', 'BI', 'BL', 'BN', 'BO', 'BR', 'BS', 'BZ', 'CA',
      'CB', 'CE', 'CH', 'CL', 'CN', 'CO', 'CR', 'CS', 'CT', 'CZ', 'FE', 'FG', 'FI', 'FM', 'FR', 'GE', 'GO', 'GR', 'IM',
      'IS', 'KR', 'LC', 'LE', 'LI', 'LO', 'LT', 'LU', 'MB', 'MC', 'ME', 'MI', 'MN', 'MO', 'MS', 'MT', 'NA', 'NO', 'NU',
      'OR', 'PA', 'PC', 'PD', 'PE', 'PG', 'PI', 'PN', 'PO', 'PR', 'PT', 'PU', 'PV', 'PZ', 'RA', 'RC', 'RE', 'RG', 'RI',
      'RM', 'RN', 'RO', 'SA', 'SI', 'SO', 'SP', 'SR', 'SS', 'SU', 'SV', 'TA', 'TE', 'TN', 'TO', 'TP', 'TR', 'TS', 'TV',
      'UD', 'VA', 'VB', 'VC', 'VE', 'VI', 'VR', 'VT', 'VV'],
    names: [],
  },
  ES: { codes: [], names: [] },
  CH: {
    codes: ['ZH', 'BE', 'LU', 'UR', 'SZ', 'OW', 'NW', 'GL', 'ZG', 'FR', 'SO', 'BS', 'BL', 'SH', 'AR', 'AI', 'SG', 'GR',
      'AG', 'TG', 'TI', 'VD', 'VS', 'NE', 'GE', 'JU'],
    names: [],
  },
};

/** Street words (folded): a line with one of these and a number is a street line. */
export const STREET_WORDS = new Set([
  'street', 'st', 'road', 'rd', 'avenue', 'ave', 'av', 'blvd', 'boulevard', 'drive', 'dr', 'way', 'lane', 'ln',
  'court', 'ct', 'parade', 'place', 'pl', 'square', 'sq', 'terrace', 'tce', 'crescent', 'cres', 'highway', 'hwy',
  'parkway', 'pkwy', 'circle', 'close', 'row', 'mews', 'walk', 'grove', 'gardens', 'hill', 'park', 'suite', 'ste',
  'floor', 'fl', 'level', 'unit', 'building', 'bldg', 'box', 'po', 'p.o.', 'wharf', 'quay', 'esplanade', 'broadway',
  'rue', 'avenue', 'boulevard', 'bd', 'allée', 'allee', 'quai', 'chemin', 'impasse', 'place', 'cours', 'route',
  'rte', 'bis', 'ter', 'straße', 'strasse', 'str', 'weg', 'platz', 'ring', 'allee', 'gasse', 'damm', 'ufer', 'markt',
  'via', 'viale', 'piazza', 'piazzale', 'corso', 'largo', 'vicolo', 'calle', 'avenida', 'avda', 'plaza', 'paseo',
  'carrer', 'c/', 'camino', 'straat', 'laan', 'gracht', 'plein', 'kade', 'singel', 'dijk', 'rua', 'travessa',
  'alameda', 'praça', 'praca', 'rodovia', 'estrada', 'marg', 'nagar', 'chowk', 'sector', 'phase', 'tower', 'plot',
  'block', 'rue', 'rte', 'centre', 'center', 'house', 'industriestrasse', 'industriestraße', 'postfach', 'bp', 'cedex',
]);
