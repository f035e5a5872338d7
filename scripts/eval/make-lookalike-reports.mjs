// A document-QA set of many look-alike long documents: annual reports (Form 10-K style) of fictional companies for
// several fiscal years, written from shared templates so that their passages differ mainly in who, when and the
// numbers. Each question names a company and a fiscal year ("What is the FY2018 capital expenditure amount for
// Northwind Logistics?") and has a gold document and a gold page. It measures whether search finds the right report
// among its look-alikes when the passage holding the fact says only "the Company" and "the fiscal year", as real
// reports do: the company and the year stand in the running header and footer (which Docent's cleaner removes from
// passage text), on the title page, in the PDF's metadata (title, author, subject) and in some file names.
//
//   node scripts/eval/make-lookalike-reports.mjs [--out DIR] [--companies N] [--years LIST] [--seed N] [--short]
//   npm run eval -- --docqa .cache/eval/lookalike-reports --modes keyword
//
// --out DIR        default .cache/eval/lookalike-reports (emptied of its pdf/ first).
// --companies N    1 to 20 fictional companies (default 14).   --years LIST  e.g. 2016-2019 or 2017,2018 (default 2016-2019).
// --seed N         the generator's seed (default 2026): the same arguments write the same bytes.
// --short          about 14 pages a report instead of 15 to 25 (for tests).
//
// Writes pdf/<file>.pdf, qa.jsonl (question, answer, doc_id, pdf, page: the gold page, 1-based, usable, fact,
// company, fiscal_year, named_in_sentence: whether the sentence holding the fact names the company or year) and
// manifest.json (each report's file, pages, metadata, header, footer, and which page holds which fact).
// File names: about half say company and year ("northwind-logistics-10k-2018.pdf"), about a sixth give ticker and
// year ("NWL_10-K_2018.pdf"), the rest say nothing ("report_0412.pdf"). Metadata: about three quarters of the reports
// set title, author and subject; some have a generic title ("Annual Report on Form 10-K"), some none.
// Every asked fact stands on exactly one page of its report (checked as the set is generated).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { PDFDocument, StandardFonts } from 'pdf-lib';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DEFAULT_OUT = join(repo, '.cache/eval/lookalike-reports');
export const DEFAULT_YEARS = [2016, 2017, 2018, 2019];

// ---------------------------------------------------------------------------------------------------------------
// Randomness: mulberry32, seeded; every choice goes through one generator so the same arguments give the same set.

export function makeRandom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min, max) => min + Math.floor(next() * (max - min + 1));
  const pick = (list) => list[Math.floor(next() * list.length)];
  const chance = (p) => next() < p;
  const shuffle = (list) => {
    const copy = [...list];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy;
  };
  return { next, int, pick, chance, shuffle };
}

// ---------------------------------------------------------------------------------------------------------------
// Companies: fictional, each with an industry profile. Scale: revenue range in $ millions, employees.

const INDUSTRIES = {
  logistics: {
    industry: 'third-party logistics and freight transportation',
    segments: ['Truckload Services', 'Intermodal', 'Warehousing and Distribution'],
    products: ['freight brokerage', 'dedicated fleet services', 'contract warehousing', 'last-mile delivery'],
    customers: 'retailers, manufacturers and consumer goods companies',
    capexUse: 'tractors, trailers and distribution center equipment',
    revenue: [2200, 6800],
    employees: [8000, 26000],
  },
  foods: {
    industry: 'packaged foods',
    segments: ['Grocery', 'Snacks', 'Foodservice'],
    products: ['frozen meals', 'baking mixes', 'snack bars', 'canned vegetables'],
    customers: 'grocery chains, mass merchandisers and foodservice distributors',
    capexUse: 'production line automation and plant capacity',
    revenue: [1800, 5200],
    employees: [6000, 18000],
  },
  software: {
    industry: 'enterprise software',
    segments: ['Subscription', 'Professional Services', 'Maintenance'],
    products: ['cloud workflow applications', 'analytics platforms', 'integration tools', 'security software'],
    customers: 'mid-sized and large enterprises and public sector agencies',
    capexUse: 'data center equipment and capitalized software',
    revenue: [600, 2400],
    employees: [2500, 9000],
  },
  machinery: {
    industry: 'industrial machinery',
    segments: ['Flow Control', 'Motion Systems', 'Aftermarket Services'],
    products: ['industrial pumps', 'gearboxes', 'valves', 'precision bearings'],
    customers: 'original equipment manufacturers, utilities and process industries',
    capexUse: 'machining centers and facility modernization',
    revenue: [1500, 4800],
    employees: [7000, 21000],
  },
  health: {
    industry: 'healthcare services',
    segments: ['Hospital Operations', 'Outpatient Services', 'Health Plan Services'],
    products: ['acute care hospitals', 'ambulatory surgery centers', 'urgent care clinics', 'home health services'],
    customers: 'patients, commercial payers and government programs',
    capexUse: 'facility expansion and clinical information systems',
    revenue: [2500, 7400],
    employees: [15000, 42000],
  },
  energy: {
    industry: 'natural gas and electric utility services',
    segments: ['Electric Utility', 'Gas Distribution', 'Midstream'],
    products: ['electric transmission', 'natural gas distribution', 'gas storage', 'renewable generation'],
    customers: 'residential, commercial and industrial customers',
    capexUse: 'transmission lines, pipeline replacement and generation assets',
    revenue: [2800, 8200],
    employees: [4000, 12000],
  },
  retail: {
    industry: 'specialty retail',
    segments: ['Stores', 'Digital Commerce', 'Wholesale'],
    products: ['home furnishings', 'seasonal decor', 'kitchenware', 'private-label apparel'],
    customers: 'consumers through stores and digital channels',
    capexUse: 'new stores, remodels and e-commerce fulfillment',
    revenue: [1900, 6100],
    employees: [14000, 38000],
  },
  semiconductors: {
    industry: 'semiconductors',
    segments: ['Data Center', 'Automotive', 'Industrial and Consumer'],
    products: ['mixed-signal processors', 'power management chips', 'sensor interfaces', 'memory controllers'],
    customers: 'electronics manufacturers, automotive suppliers and distributors',
    capexUse: 'wafer test equipment and fabrication capacity',
    revenue: [900, 3600],
    employees: [3000, 11000],
  },
  materials: {
    industry: 'building materials',
    segments: ['Aggregates', 'Cement', 'Ready-Mix Concrete'],
    products: ['crushed stone', 'cement', 'ready-mix concrete', 'asphalt'],
    customers: 'contractors, public infrastructure programs and homebuilders',
    capexUse: 'quarry equipment, kiln upgrades and mixer trucks',
    revenue: [1300, 4200],
    employees: [5000, 14000],
  },
  devices: {
    industry: 'medical devices',
    segments: ['Cardiovascular', 'Orthopedics', 'Surgical Instruments'],
    products: ['cardiac monitors', 'joint implants', 'surgical staplers', 'infusion pumps'],
    customers: 'hospitals, clinics and group purchasing organizations',
    capexUse: 'manufacturing capacity and clean room facilities',
    revenue: [1100, 3900],
    employees: [4500, 15000],
  },
  aerospace: {
    industry: 'aerospace components',
    segments: ['Commercial Aerospace', 'Defense Systems', 'Aftermarket'],
    products: ['flight control actuators', 'landing gear components', 'engine housings', 'cabin systems'],
    customers: 'aircraft manufacturers, airlines and defense agencies',
    capexUse: 'machining capacity and test facilities',
    revenue: [1400, 4600],
    employees: [6000, 17000],
  },
  telecom: {
    industry: 'telecommunications services',
    segments: ['Consumer Broadband', 'Business Services', 'Wholesale Networks'],
    products: ['fiber broadband', 'business voice services', 'managed networks', 'data center connectivity'],
    customers: 'households, businesses and other carriers',
    capexUse: 'fiber network expansion and customer premises equipment',
    revenue: [1700, 5600],
    employees: [5000, 16000],
  },
  chemicals: {
    industry: 'specialty chemicals',
    segments: ['Performance Coatings', 'Industrial Additives', 'Water Treatment'],
    products: ['coating resins', 'lubricant additives', 'water treatment chemicals', 'adhesives'],
    customers: 'industrial manufacturers, municipalities and coatings formulators',
    capexUse: 'plant debottlenecking and environmental compliance',
    revenue: [1200, 4400],
    employees: [4000, 13000],
  },
  consumer: {
    industry: 'outdoor consumer products',
    segments: ['Outdoor Equipment', 'Apparel', 'Footwear'],
    products: ['camping equipment', 'technical outerwear', 'hiking boots', 'coolers'],
    customers: 'sporting goods retailers, mass merchants and consumers online',
    capexUse: 'distribution centers and retail store fixtures',
    revenue: [800, 3100],
    employees: [3500, 10000],
  },
};

const COMPANIES = [
  { name: 'Northwind Logistics', legal: 'Northwind Logistics Inc.', ticker: 'NWL', industry: 'logistics', hq: 'Memphis, Tennessee' },
  { name: 'Bluehaven Foods', legal: 'Bluehaven Foods Corporation', ticker: 'BHF', industry: 'foods', hq: 'Omaha, Nebraska' },
  { name: 'Crestline Software', legal: 'Crestline Software Inc.', ticker: 'CRSW', industry: 'software', hq: 'Raleigh, North Carolina' },
  { name: 'Ironbridge Industrial', legal: 'Ironbridge Industrial Holdings Inc.', ticker: 'IBH', industry: 'machinery', hq: 'Milwaukee, Wisconsin' },
  { name: 'Silverleaf Health Systems', legal: 'Silverleaf Health Systems Inc.', ticker: 'SLHS', industry: 'health', hq: 'Nashville, Tennessee' },
  { name: 'Harborview Energy', legal: 'Harborview Energy Corp.', ticker: 'HVE', industry: 'energy', hq: 'Houston, Texas' },
  { name: 'Pinecrest Retail Group', legal: 'Pinecrest Retail Group Inc.', ticker: 'PRG', industry: 'retail', hq: 'Columbus, Ohio' },
  { name: 'Meridian Semiconductor', legal: 'Meridian Semiconductor Inc.', ticker: 'MRDN', industry: 'semiconductors', hq: 'San Jose, California' },
  { name: 'Granite Peak Materials', legal: 'Granite Peak Materials Inc.', ticker: 'GPM', industry: 'materials', hq: 'Denver, Colorado' },
  { name: 'Lakeshore Medical Devices', legal: 'Lakeshore Medical Devices Inc.', ticker: 'LKMD', industry: 'devices', hq: 'Minneapolis, Minnesota' },
  { name: 'Redwood Aerospace', legal: 'Redwood Aerospace Corporation', ticker: 'RWA', industry: 'aerospace', hq: 'Wichita, Kansas' },
  { name: 'Summit Ridge Telecom', legal: 'Summit Ridge Telecom Inc.', ticker: 'SRT', industry: 'telecom', hq: 'Kansas City, Missouri' },
  { name: 'Cobalt Bay Chemicals', legal: 'Cobalt Bay Chemicals Inc.', ticker: 'CBC', industry: 'chemicals', hq: 'Wilmington, Delaware' },
  { name: 'Evergreen Outdoor Brands', legal: 'Evergreen Outdoor Brands Inc.', ticker: 'EVOB', industry: 'consumer', hq: 'Portland, Oregon' },
  { name: 'Westbrook Paper', legal: 'Westbrook Paper Company', ticker: 'WBP', industry: 'materials', hq: 'Appleton, Wisconsin' },
  { name: 'Amberfield Pharmaceuticals', legal: 'Amberfield Pharmaceuticals Inc.', ticker: 'AMBF', industry: 'devices', hq: 'Princeton, New Jersey' },
  { name: 'Tidewater Freight Lines', legal: 'Tidewater Freight Lines Inc.', ticker: 'TFL', industry: 'logistics', hq: 'Norfolk, Virginia' },
  { name: 'Keystone Rail Systems', legal: 'Keystone Rail Systems Corp.', ticker: 'KRS', industry: 'machinery', hq: 'Pittsburgh, Pennsylvania' },
  { name: 'Falcon Ridge Networks', legal: 'Falcon Ridge Networks Inc.', ticker: 'FRN', industry: 'telecom', hq: 'Austin, Texas' },
  { name: 'Larkspur Apparel', legal: 'Larkspur Apparel Group Inc.', ticker: 'LARK', industry: 'consumer', hq: 'Charlotte, North Carolina' },
];
export const MAX_COMPANIES = COMPANIES.length;

const FIRST_NAMES = ['Margaret', 'David', 'Susan', 'Robert', 'Elena', 'James', 'Priya', 'Thomas', 'Karen', 'Michael', 'Laura', 'Daniel', 'Angela', 'Steven', 'Rachel', 'Brian', 'Naomi', 'Gregory', 'Olivia', 'Victor', 'Hannah', 'Marcus', 'Diane', 'Samuel', 'Julia', 'Patrick', 'Monica', 'Andrew', 'Teresa', 'Kenneth'];
const LAST_NAMES = ['Alvarez', 'Brennan', 'Castellano', 'Donovan', 'Eriksen', 'Fairbanks', 'Galloway', 'Hartley', 'Iverson', 'Jansen', 'Kowalski', 'Lindqvist', 'Mercer', 'Nakamura', 'Okafor', 'Pemberton', 'Quintero', 'Rasmussen', 'Sorensen', 'Thornton', 'Underwood', 'Vasquez', 'Whitfield', 'Yamamoto', 'Zimmerman', 'Ashford', 'Bellamy', 'Carrington', 'Delacroix', 'Ellison'];
const FACILITY_CITIES = ['Atlanta, Georgia', 'Dallas, Texas', 'Phoenix, Arizona', 'Louisville, Kentucky', 'Indianapolis, Indiana', 'Reno, Nevada', 'Salt Lake City, Utah', 'Tulsa, Oklahoma', 'Greenville, South Carolina', 'Sacramento, California', 'Boise, Idaho', 'Albany, New York', 'Chattanooga, Tennessee', 'Des Moines, Iowa', 'Spokane, Washington', 'Toledo, Ohio', 'Monterrey, Mexico', 'Rotterdam, the Netherlands', 'Penang, Malaysia', 'Krakow, Poland'];
const FISCAL_YEAR_ENDS = [
  { label: 'December 31', weight: 8 },
  { label: 'June 30', weight: 2 },
  { label: 'September 30', weight: 2 },
  { label: 'March 31', weight: 1 },
];

// ---------------------------------------------------------------------------------------------------------------
// Text templates. `{a|b|c}` picks one; `{slot}` fills from the report (see fill). Filler numbers never look like an
// answer (amounts carry a decimal, percentages stay under 15%), and every report is checked for stray answers anyway.

const SLOTS = {
  industry: (c) => c.profile.industry,
  seg: (c, r) => r.pick(c.profile.segments),
  seg1: (c) => c.profile.segments[0],
  seg2: (c) => c.profile.segments[1],
  seg3: (c) => c.profile.segments[2],
  product: (c, r) => r.pick(c.profile.products),
  customers: (c) => c.profile.customers,
  pct: (c, r) => `${r.int(1, 14)}.${r.int(0, 9)}%`,
  bps: (c, r) => `${r.int(2, 19) * 5} basis points`,
  amt: (c, r) => `$${r.int(11, 489)}.${r.int(1, 9)} million`,
  small: (c, r) => `$${r.int(1, 9)}.${r.int(1, 9)} million`,
  count: (c, r) => String(r.int(3, 48)),
  facility: (c, r) => r.pick(c.facilities),
  quarter: (c, r) => r.pick(['first', 'second', 'third', 'fourth']),
  days: (c, r) => String(r.int(30, 75)),
  ratio: (c, r) => `${r.int(1, 3)}.${r.int(0, 9)}`,
  maturity: (c) => String(c.year + 5),
  // Who and when, in the passages that are not a fact's: real reports name the company and neighbouring years here
  // and there, and never on the fact pages of the reports whose fact sentences are anonymous (see planReport).
  name: (c) => c.company.name,
  legal: (c) => c.company.legal,
  fy: (c) => String(c.year),
  fyPrev: (c) => String(c.year - 1),
  fyPrev2: (c) => String(c.year - 2),
  fyNext: (c) => String(c.year + 1),
};

export function fill(template, context, random) {
  return template.replace(/\{([^{}]+)\}/g, (whole, inner) => {
    if (inner.includes('|')) return random.pick(inner.split('|'));
    const slot = SLOTS[inner];
    if (!slot) throw new Error(`unknown slot ${whole}`);
    return slot(context, random);
  });
}

const LETTER = [
  'This past year the Company {continued|kept} {building on|investing in} the priorities we set out {two|three} years ago: {disciplined growth|profitable growth}, operational excellence and a culture of {safety|accountability} and integrity. {Our teams delivered|Employees across our businesses delivered} {steady|solid|resilient} results in {a demanding|an uneven|a competitive} {market|environment}, and we {entered|begin} the new fiscal year with {a strong|a healthy} balance sheet and {a clear|a focused} strategy.',
  'Net revenue grew {pct} on an organic basis, and adjusted operating margin {expanded|improved} by {bps}. Our {seg1} segment {led the way|performed well}, with higher volumes in {product}, while {seg2} {faced|absorbed} {softer demand|pricing pressure} in the {first|second} half of the year. We {returned|distributed} {amt} to shareholders through dividends and share repurchases.',
  'We {continued|stepped up} our investment in {product} and {product}, where we see {attractive|durable} long-term demand from {customers}. Over the past year we {opened|commissioned} {count} new {facilities|sites|locations}, {completed|closed} {two|three} {bolt-on|tuck-in} acquisitions, and {simplified|streamlined} our portfolio by exiting {low-margin|non-core} product lines.',
  'Safety remains our first value. Our recordable incident rate {fell|declined} {pct} from the prior year, and {count} of our sites {completed|reached} a full year without a lost-time injury. We thank every employee for the care they bring to their work and to one another.',
  'Looking ahead, we expect {moderate|continued} growth in our end markets, tempered by {inflation in labor and materials|higher interest rates|trade uncertainty}. We will stay focused on {execution|productivity}, {customer service|service quality} and {capital discipline|disciplined capital allocation}, and we remain confident in our ability to create long-term value for our shareholders.',
  'Our commitment to {sustainability|responsible operations} deepened this year. We {reduced|lowered} greenhouse gas emissions intensity by {pct}, {expanded|grew} our use of renewable electricity, and {published|issued} our {second|third} sustainability report aligned with {recognized|widely used} reporting frameworks.',
];

const FORWARD_LOOKING = [
  'This report contains forward-looking statements within the meaning of the Private Securities Litigation Reform Act of 1995. Words such as "anticipate," "believe," "estimate," "expect," "intend," "plan," "project" and similar expressions identify forward-looking statements. These statements are based on current expectations and are subject to risks and uncertainties that could cause actual results to differ materially.',
  'Factors that could cause actual results to differ include, among others, changes in general economic conditions, demand for {product}, competition in the {industry} industry, the cost and availability of {raw materials|labor|energy}, the outcome of legal proceedings, changes in tax laws, and the other risks described under Risk Factors.',
  'Forward-looking statements speak only as of the date they are made. The Company undertakes no obligation to update or revise any forward-looking statement, whether as a result of new information, future events or otherwise, except as required by law. Readers are cautioned not to place undue reliance on these statements.',
  'Unless the context requires otherwise, references in this report to "the Company," "we," "us" and "our" refer to the registrant and its consolidated subsidiaries. Amounts are presented in U.S. dollars and, unless otherwise stated, in millions, except per-share data.',
  "Investors should also consider the risks described in other reports filed with the Securities and Exchange Commission. New factors emerge from time to time, and it is not possible for management to predict all such factors or their effect on the business.",
  "This report also refers to non-GAAP financial measures, such as adjusted EBITDA and free cash flow. These measures supplement, and should not be considered in isolation from or as a substitute for, measures prepared in accordance with generally accepted accounting principles.",
  "In this report, \"{name},\" \"the Company,\" \"we,\" \"us\" and \"our\" refer to {legal} and its subsidiaries, and \"fiscal {fy}\" refers to the fiscal year covered by this report.",
];

const BUSINESS = [
  'The Company is a leading provider of {industry} products and services. It operates through three reportable segments: {seg1}, {seg2} and {seg3}. Its customers include {customers}, and no single customer accounted for more than {pct} of net revenue during the fiscal year.',
  'The Company was incorporated in {Delaware|Ohio|Nevada|Maryland} and has grown through a combination of organic investment and acquisitions. Over the last decade it has {broadened|extended} its offering in {product} and {product} and {built|developed} a national footprint of {count} {facilities|operating locations|service centers}.',
  'Our strategy is to {grow|expand} in markets where we hold leading positions, to improve productivity through {lean manufacturing|process automation|operational excellence programs}, and to allocate capital with discipline. We evaluate acquisitions that {strengthen|complement} our {seg1} and {seg2} businesses and meet our return thresholds.',
  'Competition in the {industry} industry is {intense|strong} and is based on price, quality, service, reliability and breadth of offering. The Company competes with large national companies, regional firms and, in certain product lines, with its own customers. We believe our scale, {technical expertise|service network} and long-standing customer relationships are competitive strengths.',
  'Demand for our products is {moderately|somewhat} seasonal, with {higher|stronger} activity in the {second|third|fourth} fiscal quarter. Backlog at year end was {amt}, compared with {amt} a year earlier; substantially all of the backlog is expected to be fulfilled within the next twelve months.',
  'The Company purchases {raw materials|components|fuel and equipment} from a large number of suppliers and generally has multiple sources for its principal inputs. Prices of {steel|resins|diesel fuel|electronic components} {rose|fluctuated} during the year; the Company mitigates such exposure through {pricing actions|supplier agreements|hedging programs} and productivity.',
  'The Company holds {count} patents and {count} registered trademarks in the United States and abroad. While it considers its intellectual property valuable, it does not believe any single patent or trademark is material to its business as a whole.',
  'The Company is subject to federal, state, local and foreign laws governing {environmental protection|workplace safety|product safety|data privacy}. Compliance costs during the year were approximately {small} and are not expected to have a material effect on capital expenditures, earnings or competitive position.',
  "{legal} is a {leading|diversified} provider of {industry} products and services, serving {customers} from {count} locations.",
  "In fiscal {fy}, {name} {continued|advanced} its {multi-year|long-term} plan to {expand|grow} in {product}, building on investments made in fiscal {fyPrev}.",
];

const SEGMENTS = [
  'The {seg1} segment provides {product} and related services to {customers}. Segment revenue {increased|grew} {pct} during the fiscal year on higher volumes and favorable pricing, partially offset by {unfavorable mix|higher input costs}. Segment operating margin was {pct}.',
  'The {seg2} segment serves customers through {count} locations and a {dedicated|specialized} sales force. Revenue in the segment {decreased|declined} {pct}, reflecting {lower demand in the first half|the exit of low-margin contracts}, while operating income {improved|rose} on productivity savings of {amt}.',
  'The {seg3} segment offers {product} and aftermarket support. Revenue {rose|increased} {pct}, and operating income increased {amt}, driven by {price realization|higher utilization} and a favorable comparison with the prior year, which included {restructuring charges|facility closure costs} of {small}.',
  'Segment performance is evaluated on operating income before corporate expenses, interest and income taxes. Intersegment sales are recorded at prices that approximate market and are eliminated in consolidation. Corporate expenses were {amt} for the fiscal year.',
  'Management expects the {seg} segment to benefit from new {contracts|programs|product launches} in the coming year, while the {seg} segment may see {pricing pressure|slower order intake} as customers manage inventories. Capital spending in each segment is directed at capacity, productivity and safety.',
  "Within {seg1}, pricing actions added approximately {pct} to segment revenue, while volumes {rose|were flat|softened} in the {quarter} quarter. Operating income in the segment was {amt}, and the segment ended the year with backlog of {amt}.",
  "The {seg3} segment benefited from a larger installed base and longer service agreements. Recurring revenue represented about {pct} of segment revenue, and customer retention remained above {count} percent.",
  "Capital employed in the {seg} segment increased during the year as the Company added capacity for {product}. Return on segment assets was {pct}, compared with a target range set by management in its long-term plan.",
  "{name} manages its business through three segments, organized by the markets they serve and the products they offer.",
];

const HUMAN_CAPITAL = [
  'The Company believes its people are central to its success. It invests in training, competitive pay and benefits, and programs that support health, safety and well-being. Employee engagement surveys are conducted {annually|every two years}, and the most recent survey had a participation rate of {count} percent of eligible employees.',
  'Approximately {pct} of the workforce is covered by collective bargaining agreements, most of which expire over the next {two|three} years. The Company considers its relations with employees to be {good|satisfactory} and has not experienced a material work stoppage in more than a decade.',
  'The Company offers {tuition assistance|apprenticeship programs|leadership development programs} and provided an average of {count} hours of training per employee during the year. Voluntary turnover was {pct}, {lower|higher} than the prior year.',
  'The Board of Directors oversees human capital matters through its {Compensation Committee|Compensation and Talent Committee}, which reviews succession planning, pay equity and diversity metrics at least {annually|twice a year}.',
  "Safety performance is measured by the total recordable incident rate, which was {pct} lower than in the prior year. Every site maintains a safety committee, and leaders are evaluated in part on safety results.",
  "The Company seeks a workforce that reflects the communities it serves. Women held approximately {count} percent of management positions at year end, and employee resource groups are active at {count} locations.",
  "Compensation programs include base pay, an annual incentive plan tied to financial and operating goals, and, for eligible employees, long-term equity awards. The Company also offers retirement savings plans with a company match.",
];

const RISKS = [
  'Adverse economic conditions could reduce demand for our products. Our results depend on the level of activity in the markets we serve, which may decline in a recession, during periods of high interest rates, or when customers reduce inventories. A prolonged downturn could reduce revenue, margins and cash flow.',
  'We face significant competition. Competitors may develop products that are superior to ours, reduce prices, or consolidate with one another. If we cannot compete effectively on price, quality and service, we may lose market share and our operating results could suffer.',
  'Increases in the cost of {raw materials|energy|labor|transportation} could reduce our margins. We may not be able to pass higher costs on to customers promptly or at all, and contractual terms may delay price adjustments.',
  'Our operations depend on information technology systems, which may be disrupted by cyberattacks, outages or implementation problems. A significant breach could disrupt operations, expose confidential information, result in litigation and harm our reputation.',
  'Acquisitions involve risks, including difficulties integrating operations and personnel, unexpected liabilities, and the diversion of management attention. Acquired businesses may not perform as expected, and we may record impairment charges on goodwill or intangible assets.',
  'We are subject to extensive regulation, and changes in laws or their enforcement could increase our costs. Violations of environmental, safety, trade or anti-corruption laws could result in fines, penalties or restrictions on our operations.',
  'Our international operations expose us to currency fluctuations, tariffs, political instability and differing legal systems. Changes in trade policy, including new tariffs on imported {components|materials}, could increase our costs and reduce demand.',
  'We depend on key personnel. The loss of members of senior management or our inability to attract and retain qualified {engineers|drivers|technicians|sales professionals} could adversely affect our business.',
  'Our indebtedness could limit our flexibility. Our credit agreements contain covenants that restrict certain actions, and rising interest rates would increase the cost of our variable-rate borrowings.',
  'Natural disasters, pandemics, severe weather and other events beyond our control could disrupt our facilities, our suppliers or our customers and adversely affect our results.',
  'Product defects, recalls or liability claims could result in significant costs. Insurance may not cover all claims, and a significant claim could harm our reputation and financial condition.',
  'Changes in tax laws or their interpretation, or adverse outcomes of tax audits, could increase our effective tax rate and reduce net income.',
  'We have recorded significant goodwill. If our businesses underperform, we may be required to record impairment charges that reduce earnings.',
  'Our pension obligations depend on discount rates and investment returns. Declines in interest rates or asset values could increase required contributions.',
];

const PROPERTIES = [
  'The Company operates {count} facilities in {count} states and {count} countries, of which approximately {pct} are leased. Principal manufacturing and distribution sites include locations in {facility}, {facility} and {facility}.',
  'The Company believes its facilities are well maintained, in good operating condition and suitable for their present uses. Utilization of manufacturing capacity averaged approximately {count} percent during the year.',
];

const LEGAL = [
  'The Company is involved in various legal proceedings arising in the ordinary course of business, including claims relating to commercial contracts, product liability, employment matters and intellectual property. Although the outcome of these matters cannot be predicted with certainty, management does not believe that any pending matter will have a material adverse effect on the Company\'s financial position.',
  'In the {quarter} quarter, a purported class action was filed against the Company alleging violations of {wage and hour laws|consumer protection statutes|securities laws}. The Company believes the claims are without merit and intends to defend itself vigorously. No amount has been accrued because a loss is not considered probable.',
  'The Company is also party to proceedings under environmental laws relating to {count} sites, including sites where it has been named a potentially responsible party. Accrued remediation costs were {small} at year end.',
];

const MARKET = [
  'The Company\'s common stock is listed on the New York Stock Exchange. As of the end of the fiscal year there were approximately {count},{count}0 holders of record.',
  'During the fiscal year the Company repurchased shares for an aggregate of {amt} under its share repurchase program, and {amt} remained available under the authorization at year end. The timing and amount of future repurchases depend on market conditions and other factors.',
  'The declaration and payment of future dividends are at the discretion of the Board of Directors and depend on earnings, financial condition, capital requirements and other factors the Board considers relevant.',
  'The performance graph compares the cumulative total shareholder return on the common stock over the last five fiscal years with that of a broad market index and an industry peer index, assuming the reinvestment of dividends.',
  "The following table summarizes purchases of equity securities by the Company during the {quarter} quarter of the fiscal year. All purchases were made in open-market transactions under the publicly announced program.",
  "Securities authorized for issuance under equity compensation plans are described in the proxy statement for the annual meeting of shareholders and are incorporated by reference.",
  "The Company has increased its dividend in each of the last {count} years. The dividend payout ratio, measured against adjusted earnings, was approximately {count} percent for the year.",
];

const OFFICERS_INTRO = 'The executive officers of the Company, their ages and their positions are listed below. Executive officers are elected by the Board of Directors and serve at its discretion.';

const MDA_OVERVIEW = [
  'The following discussion should be read together with the consolidated financial statements and notes included in this report. It contains forward-looking statements that involve risks and uncertainties.',
  'Management evaluates performance using net revenue, operating income, adjusted EBITDA, free cash flow and return on invested capital. Adjusted measures exclude restructuring charges, acquisition costs and other items that management does not consider indicative of ongoing operations.',
  'Key factors affecting results during the year included {volume growth in the seg1 segment|pricing actions across segments}, {higher|moderating} input costs, productivity initiatives that delivered savings of {amt}, and the contribution of businesses acquired in the prior year.',
  'Restructuring actions announced in the {quarter} quarter consolidated {count} facilities and reduced headcount. Restructuring charges of {small} were recorded during the year, and annualized savings of {amt} are expected when the actions are complete.',
  "The Company manages its business to generate attractive returns through the economic cycle. In the year, end markets were {mixed|generally favorable|softer than expected}, with growth in {product} offset in part by weaker demand for {product}.",
  "Foreign currency translation {reduced|increased} reported net revenue by approximately {amt}, primarily due to movements in the euro, the Canadian dollar and the Mexican peso against the U.S. dollar.",
  "Acquisitions completed in the prior year contributed {amt} of net revenue during the year. Divestitures of non-core product lines reduced net revenue by {amt} compared with the prior year.",
  "This section compares results for fiscal {fy} with fiscal {fyPrev}. A discussion of fiscal {fyPrev} compared with fiscal {fyPrev2} appears in the annual report for fiscal {fyPrev}.",
  "For fiscal {fyNext}, {name} expects {low|mid} single-digit growth in net revenue and continued investment in {product}.",
];

const RESULTS = [
  'Gross margin was {pct} of net revenue, {up|down} {bps} from the prior year, reflecting {price realization|productivity savings} partially offset by {inflation in materials|unfavorable mix}. Selling, general and administrative expenses were {amt}, or {pct} of net revenue.',
  'Operating income {increased|rose} {pct} to {amt}. Interest expense was {amt}, {lower|higher} than the prior year on {reduced borrowings|higher average rates}. Other income included a gain of {small} on the sale of a {facility|non-core business}.',
  "Volume growth contributed approximately {pct} to net revenue, pricing contributed {pct}, and acquisitions contributed {pct}, partially offset by foreign currency and divestitures. Organic growth was strongest in the {seg} segment.",
  "Cost of revenue increased {pct}, less than the growth in net revenue, as productivity savings of {amt} and lower freight costs offset wage inflation and higher depreciation from recent capacity additions.",
  "Adjusted EBITDA, a measure not defined by generally accepted accounting principles, was {amt}, and adjusted EBITDA margin was {pct}. A reconciliation to net income is included at the end of this section.",
  "Diluted weighted-average shares outstanding decreased {pct}, reflecting share repurchases partially offset by the issuance of shares under employee equity plans.",
];

const OPEX = [
  'Selling, general and administrative expenses increased {pct}, primarily due to higher compensation, investment in sales capabilities and {amt} of acquisition-related costs. As a share of net revenue, these expenses improved by {bps}.',
  'Amortization of intangible assets was {amt}. Restructuring and other charges were {small}, related to facility consolidations in the {seg} segment.',
  'The Company continues to invest in innovation, including new {product} and digital tools that improve service and productivity. Development spending is concentrated in the {seg1} and {seg2} segments.',
  "Income tax expense reflects the statutory rate adjusted for state taxes, the mix of earnings among jurisdictions, research credits and the tax effects of share-based compensation. Discrete items reduced income tax expense by {small}.",
  "Engineering and product development activities employ approximately {count}0 engineers and scientists at technical centers in the United States, Europe and Asia. Development programs are prioritized by expected return and strategic fit.",
  "Depreciation expense increased {pct} as new equipment was placed in service. Amortization expense declined slightly as certain customer relationship intangibles became fully amortized.",
  "General and administrative expenses include corporate functions such as finance, legal, information technology and human resources. These costs were {amt} and were held roughly flat as a share of net revenue.",
];

const LIQUIDITY = [
  'The Company\'s principal sources of liquidity are cash from operations, cash on hand and its revolving credit facility. At year end the Company had cash and equivalents of {amt} and {amt} of undrawn capacity under its revolving credit facility, which matures in {maturity}.',
  'Cash provided by operating activities was {amt}, reflecting earnings and improved working capital, including a reduction of {days} days in inventory on hand. Free cash flow, defined as operating cash flow less capital expenditures, was {amt}.',
  'Financing activities included dividend payments of {amt}, share repurchases of {amt} and net repayment of borrowings of {amt}. The Company was in compliance with all covenants of its debt agreements.',
  'Management believes that cash from operations, available cash and borrowing capacity will be sufficient to fund operations, capital spending, dividends and debt service for at least the next twelve months.',
  "Working capital was {amt} at year end. Days sales outstanding were {days}, and inventory turns improved as the Company reduced safety stock in {product}.",
  "The Company's senior unsecured debt is rated investment grade by two rating agencies. Total debt at year end was {amt}, and the ratio of net debt to adjusted EBITDA was approximately {ratio} times.",
  "Capital spending plans for the coming year are expected to be in line with depreciation, with a continued emphasis on productivity, safety and capacity for {product}. Spending may be adjusted if market conditions change.",
  "Pension contributions of {small} were made during the year. The funded status of the Company's defined benefit plans improved on higher discount rates and favorable asset returns.",
];

const CONTRACTUAL = [
  'The Company\'s contractual obligations at year end included long-term debt of {amt}, operating lease commitments of {amt}, and purchase obligations of {amt}, most of which are due within one year.',
  'The Company has no off-balance-sheet arrangements that have or are reasonably likely to have a material current or future effect on its financial condition.',
  'Pension contributions of {small} are expected in the coming year. Future contributions depend on plan asset returns, discount rates and funding regulations.',
  "Purchase obligations include agreements to buy goods or services that are enforceable and legally binding and that specify significant terms, including fixed or minimum quantities, prices and the timing of purchases.",
  "Liabilities for uncertain tax positions of {small} are excluded from the table because the timing of payment cannot be reasonably estimated.",
];

const CRITICAL = [
  'The preparation of financial statements requires management to make estimates and assumptions that affect reported amounts. Critical accounting estimates are those that are most important to the portrayal of financial condition and require difficult, subjective or complex judgments.',
  'Revenue is recognized when control of products or services transfers to customers, generally upon shipment or as services are performed. For long-term contracts, revenue is recognized over time using a cost-to-cost measure of progress, which requires estimates of total contract costs.',
  'Goodwill is tested for impairment annually in the {quarter} quarter and whenever events indicate that the carrying amount may not be recoverable. The fair value of each reporting unit exceeded its carrying value by more than {count} percent at the most recent test.',
  'Income tax accounting requires judgments about the realizability of deferred tax assets and the resolution of uncertain tax positions. A valuation allowance of {small} was recorded for certain foreign tax credit carryforwards.',
  'Pension and postretirement obligations depend on assumptions including discount rates, expected returns on plan assets and mortality. A 25 basis point decrease in the discount rate would increase the projected benefit obligation by approximately {amt}.',
  'Inventories are stated at the lower of cost or net realizable value. Reserves for excess and obsolete inventory are based on historical usage, forecasted demand and product life cycles.',
  "There were no significant changes to the critical accounting estimates of {name} during fiscal {fy}.",
];

const MARKET_RISK = [
  'The Company is exposed to market risks from changes in interest rates, foreign currency exchange rates and commodity prices. It uses derivative instruments to manage certain of these exposures and does not enter into derivatives for trading purposes.',
  'A hypothetical 100 basis point increase in interest rates would increase annual interest expense on variable-rate debt by approximately {small}. A hypothetical 10 percent strengthening of the U.S. dollar would reduce net revenue by approximately {amt}.',
  'Commodity price exposure relates mainly to {steel|resins|diesel fuel|natural gas|copper}. The Company uses fixed-price supply agreements and, to a lesser extent, swaps to reduce volatility.',
  "The Company had interest rate swaps with a notional amount of {amt} that convert a portion of its variable-rate borrowings to fixed rates. The fair value of these swaps was not material at year end.",
  "Foreign currency forward contracts are used to hedge forecasted purchases and intercompany transactions. Outstanding contracts had a notional value of {amt}, with maturities of less than {count} months.",
  "The Company's pension plan assets are exposed to equity and fixed income market risk. A 10 percent decline in asset values would reduce the funded status by approximately {amt}.",
  "The sensitivities above are based on the positions held by {name} at the end of fiscal {fy}.",
];

const CONTROLS = [
  'Management, with the participation of the principal executive and financial officers, evaluated the effectiveness of the Company\'s disclosure controls and procedures as of the end of the period covered by this report and concluded that they were effective.',
  'Management is responsible for establishing and maintaining adequate internal control over financial reporting. Based on its assessment using the criteria of the Internal Control - Integrated Framework, management concluded that internal control over financial reporting was effective at year end.',
  'There were no changes in internal control over financial reporting during the {quarter} quarter that materially affected, or are reasonably likely to materially affect, internal control over financial reporting.',
  "The independent registered public accounting firm that audited the consolidated financial statements has issued an attestation report on the effectiveness of internal control over financial reporting, which is included in this report.",
  "Because of its inherent limitations, internal control over financial reporting may not prevent or detect misstatements. Projections of any evaluation of effectiveness to future periods are subject to the risk that controls may become inadequate because of changes in conditions.",
  "During the year the Company continued implementing a new enterprise resource planning system at {count} sites. The implementation included changes to processes and controls, which management evaluated as part of its assessment.",
  "Management assessed the effectiveness of internal control over financial reporting of {legal} as of the end of fiscal {fy}.",
];

const NOTES = [
  'Basis of presentation. The consolidated financial statements include the accounts of the Company and its majority-owned subsidiaries. Intercompany accounts and transactions have been eliminated. Certain prior-year amounts have been reclassified to conform to the current presentation.',
  'Property, plant and equipment are stated at cost less accumulated depreciation, computed on a straight-line basis over estimated useful lives of {count} to 40 years for buildings and 3 to {count} years for machinery and equipment. Depreciation expense was {amt}.',
  'Leases. The Company leases facilities, vehicles and equipment under operating leases with remaining terms of 1 to {count} years. Operating lease cost was {amt} and right-of-use assets were {amt} at year end.',
  'Debt. Long-term debt consisted of senior notes of {amt} and term loans of {amt}. The weighted-average interest rate on outstanding borrowings was {pct}.',
  'Share-based compensation. The Company grants restricted stock units and performance share units to employees. Compensation expense of {amt} was recognized, and unrecognized cost of {amt} is expected to be recognized over a weighted-average period of {two|three} years.',
  'Commitments and contingencies. The Company has guarantees and letters of credit outstanding of {amt}, primarily supporting insurance programs and performance obligations.',
  'Acquisitions. During the year the Company acquired {count} businesses for aggregate consideration of {amt}, net of cash acquired. The results of the acquired businesses are included from their dates of acquisition.',
  'Earnings per share. Basic earnings per share is computed on the weighted-average shares outstanding; diluted earnings per share also includes the dilutive effect of share-based awards.',
  'Fair value. The carrying amounts of cash, receivables and payables approximate fair value. The fair value of long-term debt, based on quoted market prices, was {amt} compared with a carrying amount of {amt}.',
  'Segment information. The Company\'s reportable segments are {seg1}, {seg2} and {seg3}. The accounting policies of the segments are the same as those described in the summary of significant accounting policies.',
  "Recently issued accounting standards. Standards issued but not yet adopted by {legal} become effective in fiscal {fyNext} and are not expected to have a material effect.",
  "Subsequent events. {name} evaluated events occurring after the end of fiscal {fy} through the date the financial statements were issued.",
];

// ---------------------------------------------------------------------------------------------------------------
// Facts and the questions about them. Each fact has sentences that do not name the company or the year (most
// reports) and sentences that do (named reports); `{V}` is the answer, `{NAME}` the company, `{FY}` the year.

const FACTS = [
  {
    fact: 'capex',
    anonymous: [
      'Net cash used in investing activities reflected capital expenditures of {V}, directed mainly at {capexUse}.',
      'Capital expenditures for the fiscal year totaled {V}, primarily for {capexUse}.',
      'During the year the Company invested {V} in capital expenditures, mostly for {capexUse}.',
    ],
    named: ['{NAME} made capital expenditures of {V} in fiscal {FY}, directed mainly at {capexUse}.'],
    questions: ['What is the FY{FY} capital expenditure amount for {NAME}?', 'How much did {NAME} spend on capital expenditures in fiscal {FY}?'],
  },
  {
    fact: 'revenue',
    anonymous: [
      'Net revenue for the fiscal year was {V}, {CHANGE} from {PREV} in the prior year.',
      'Total net revenue was {V} for the year, compared with {PREV} in the preceding fiscal year.',
    ],
    named: ['{NAME} reported net revenue of {V} for fiscal {FY}, compared with {PREV} a year earlier.'],
    questions: ['What was the total net revenue of {NAME} for fiscal year {FY}?', 'How much revenue did {NAME} report for FY{FY}?'],
  },
  {
    fact: 'net-income',
    anonymous: [
      'Net income was {V}, or {EPS} per diluted share, compared with {PREV} in the prior year.',
      'The Company earned net income of {V} for the year, or {EPS} per diluted share.',
    ],
    named: ['{NAME} earned net income of {V} in fiscal {FY}, or {EPS} per diluted share.'],
    questions: ['What net income did {NAME} report for FY{FY}?', 'How much net income did {NAME} earn in fiscal {FY}?'],
  },
  {
    fact: 'employees',
    anonymous: [
      'As of the end of the fiscal year, the Company employed approximately {V} full-time employees, about {pct} of them outside the United States.',
      'At year end the Company had approximately {V} full-time employees across its operations.',
    ],
    named: ['At the end of fiscal {FY}, {NAME} employed approximately {V} full-time employees.'],
    questions: ['How many full-time employees did {NAME} have at the end of fiscal {FY}?', 'What was the number of employees of {NAME} at the end of FY{FY}?'],
  },
  {
    fact: 'headquarters',
    anonymous: [
      'The Company\'s principal executive offices are located in {V}, in a facility of approximately {count}0,000 square feet that it {owns|leases}.',
      'Corporate headquarters are located in {V}.',
    ],
    named: ['{NAME} maintains its principal executive offices in {V}.'],
    questions: ['In which city were the principal executive offices of {NAME} located in fiscal {FY}?', 'Where was {NAME} headquartered according to its FY{FY} annual report?'],
  },
  {
    fact: 'ceo',
    anonymous: ['{V}, age {AGE}, has served as President and Chief Executive Officer since {SINCE}.'],
    named: ['{V}, age {AGE}, has served as President and Chief Executive Officer of {NAME} since {SINCE}.'],
    questions: ['Who was the chief executive officer of {NAME} in fiscal {FY}?', 'Who served as CEO of {NAME} in FY{FY}?'],
  },
  {
    fact: 'dividend',
    anonymous: [
      'During the fiscal year the Board of Directors declared quarterly cash dividends totaling {V} per share.',
      'Dividends declared per common share were {V} for the year.',
    ],
    named: ['In fiscal {FY}, {NAME} declared cash dividends totaling {V} per share.'],
    questions: ['What dividend per share did {NAME} declare for fiscal {FY}?', 'What were the FY{FY} dividends per share of {NAME}?'],
  },
  {
    fact: 'research-development',
    anonymous: [
      'Research and development expenses were {V}, or {pct} of net revenue, as the Company continued to fund new product programs.',
      'Spending on research and development totaled {V} for the year.',
    ],
    named: ['{NAME} spent {V} on research and development in fiscal {FY}.'],
    questions: ['How much did {NAME} spend on research and development in FY{FY}?', 'What were the research and development expenses of {NAME} for fiscal {FY}?'],
  },
  {
    fact: 'tax-rate',
    anonymous: ['The effective income tax rate was {V}, compared with {PREV} in the prior year.', 'The effective tax rate for the year was {V}.'],
    named: ['The effective income tax rate of {NAME} for fiscal {FY} was {V}.'],
    questions: ['What was the effective income tax rate of {NAME} for fiscal {FY}?', 'What effective tax rate did {NAME} report for FY{FY}?'],
  },
];
export const FACT_NAMES = FACTS.map((fact) => fact.fact);

const money = (millions) => `$${millions.toLocaleString('en-US')} million`;

/** Picks a value from `draw` that no other report has for any fact (answers are unique across the set). */
function uniqueValue(used, draw) {
  for (let tries = 0; tries < 1000; tries++) {
    const value = draw();
    if (!used.has(value)) {
      used.add(value);
      return value;
    }
  }
  throw new Error('could not find an unused value');
}

/** Each company's facts per year: numbers drift from year to year as a real company's do. */
function companyFacts(company, years, random, used) {
  const profile = INDUSTRIES[company.industry];
  let revenue = random.int(profile.revenue[0], profile.revenue[1]);
  let employees = random.int(profile.employees[0], profile.employees[1]);
  let dividend = random.int(40, 260) / 100;
  const ceoName = () => `${random.pick(FIRST_NAMES)} ${random.pick(['A.', 'B.', 'C.', 'J.', 'M.', 'R.', 'L.', ''])} ${random.pick(LAST_NAMES)}`.replace(/\s+/g, ' ');
  let ceo = uniqueValue(used, ceoName);
  let ceoSince = years[0] - random.int(2, 9);
  let ceoAge = random.int(48, 61) + (years[0] - ceoSince);
  const changeYear = random.chance(0.35) && years.length > 1 ? random.pick(years.slice(1)) : undefined;
  const prior = { revenue: money(Math.round(revenue / (1 + random.int(-3, 9) / 100))), netIncome: money(Math.round(revenue * random.int(4, 11) / 100)), taxRate: `${random.int(18, 29)}.${random.int(0, 9)}%` };
  const facts = new Map();
  for (const [i, year] of years.entries()) {
    if (i > 0) {
      revenue = Math.round(revenue * (1 + random.int(-6, 12) / 100));
      employees = Math.round(employees * (1 + random.int(-5, 9) / 100));
      dividend = Math.round(dividend * (100 + random.int(0, 12))) / 100;
    }
    if (year === changeYear) {
      ceo = uniqueValue(used, ceoName);
      ceoSince = year;
      ceoAge = random.int(47, 58);
    }
    const revenueText = uniqueValue(used, () => money(revenue + random.int(-9, 9)));
    const revenueValue = Number(revenueText.replace(/[^\d]/g, ''));
    const netIncome = uniqueValue(used, () => money(Math.round(revenueValue * random.int(35, 120) / 1000)));
    const capex = uniqueValue(used, () => money(Math.round(revenueValue * random.int(25, 95) / 1000)));
    const rd = uniqueValue(used, () => money(Math.round(revenueValue * random.int(8, 60) / 1000)));
    const employeesText = uniqueValue(used, () => (Math.round((employees + random.int(-60, 60)) / 10) * 10).toLocaleString('en-US'));
    const dividendText = uniqueValue(used, () => `$${(dividend + random.int(-2, 2) / 100).toFixed(2)}`);
    const taxRate = uniqueValue(used, () => `${random.int(18, 29)}.${random.int(0, 9)}%`);
    const change = (revenueValue / Number(prior.revenue.replace(/[^\d]/g, '')) - 1) * 100;
    // Unique too: a per-share figure must not read as another report's (or this one's) dividend.
    const eps = uniqueValue(used, () => `$${(Number(netIncome.replace(/[^\d]/g, '')) / random.int(80, 240)).toFixed(2)}`);
    facts.set(year, {
      capex: { V: capex, capexUse: profile.capexUse },
      revenue: { V: revenueText, PREV: prior.revenue, CHANGE: `${change >= 0 ? 'an increase' : 'a decrease'} of ${Math.abs(change).toFixed(1)}%` },
      'net-income': { V: netIncome, PREV: prior.netIncome, EPS: eps },
      employees: { V: employeesText },
      headquarters: { V: company.hq },
      ceo: { V: ceo, AGE: String(ceoAge + (year - years[0])), SINCE: ceoSince === year ? `${random.pick(['February', 'April', 'July', 'October'])} ${year}` : String(ceoSince) },
      dividend: { V: dividendText },
      'research-development': { V: rd },
      'tax-rate': { V: taxRate, PREV: prior.taxRate },
    });
    Object.assign(prior, { revenue: revenueText, netIncome, taxRate });
  }
  return facts;
}

// ---------------------------------------------------------------------------------------------------------------
// The plan of one report: its pages, each a list of blocks (heading or paragraph), and where each fact stands.

/** The pages of a report by section; `extra` pages spread over the sections that vary in length. */
function sectionPlan(random, targetPages, short) {
  const variable = { risk: 1, segments: 0, critical: 0, marketRisk: 0, controls: 0, notes: 0, forwardLooking: 0, letter: 1, contractual: 0 };
  const caps = { risk: 4, segments: 2, critical: 2, marketRisk: 1, controls: 1, notes: 3, forwardLooking: 1, letter: 2, contractual: 1 };
  const fixed = 14; // title, contents, letter, business, segments, human capital, risk, properties+legal, market, officers, MD&A overview, results, opex, liquidity
  let extra = short ? 0 : Math.max(0, targetPages - fixed);
  while (extra > 0) {
    const open = Object.keys(variable).filter((key) => variable[key] < caps[key]);
    if (open.length === 0) break;
    variable[random.pick(open)]++;
    extra--;
  }
  return variable;
}

function paragraphs(pool, count, context, random) {
  return random.shuffle(pool).slice(0, count).map((template) => fill(template, context, random));
}

/**
 * Paragraphs from `pool` until the page holds about `chars` characters (fewer when the pool runs out): never the same
 * paragraph twice on a page; a pool that spans pages is drawn without repetition until it is used up.
 */
function fillPage(pool, chars, context, random) {
  const queues = (context.queues ??= new Map());
  const out = [];
  const onPage = new Set();
  let length = 0;
  while (length < chars) {
    let queue = queues.get(pool);
    if (!queue || queue.length === 0) queues.set(pool, (queue = random.shuffle(pool.filter((template) => !onPage.has(template)))));
    if (queue.length === 0) break;
    const template = queue.shift();
    if (onPage.has(template)) continue;
    onPage.add(template);
    const text = fill(template, context, random);
    out.push(text);
    length += text.length;
  }
  return out;
}

const factSentence = (fact, values, context, random, named) => {
  const templates = named ? fact.named : fact.anonymous;
  const template = random.pick(templates);
  const filled = template.replace(/\{(V|PREV|CHANGE|EPS|AGE|SINCE|NAME|FY|capexUse)\}/g, (_, key) => {
    if (key === 'NAME') return context.company.name;
    if (key === 'FY') return String(context.year);
    return values[key];
  });
  return fill(filled, context, random);
};

function planReport(company, year, facts, random, { short }) {
  const profile = INDUSTRIES[company.industry];
  const facilities = random.shuffle(FACILITY_CITIES.filter((city) => city !== company.hq));
  const context = { company, year, profile, facilities };
  const named = random.chance(0.2); // the fact sentences name the company and the year
  const fyEnd = company.fyEnd;
  const pageTarget = short ? 13 : random.int(15, 25);
  const counts = sectionPlan(random, pageTarget, short);
  const budget = () => (short ? random.int(900, 1300) : random.int(2000, 2700));
  const pages = [];
  const factPages = {};
  const place = (blocks, factName) => {
    const fact = FACTS.find((f) => f.fact === factName);
    const sentence = factSentence(fact, facts[factName], context, random, named);
    // Into a paragraph of the page, not its first (a fact seldom opens a section).
    const paragraphIndexes = blocks.flatMap((block, i) => (block.kind === 'p' ? [i] : []));
    const target = paragraphIndexes.length > 1 ? random.pick(paragraphIndexes.slice(1)) : paragraphIndexes[0];
    blocks[target] = { ...blocks[target], text: random.chance(0.5) ? `${sentence} ${blocks[target].text}` : `${blocks[target].text} ${sentence}` };
    factPages[factName] = pages.length + 1;
  };
  const page = (section, heading, blocks, factNames = []) => {
    const all = [...(heading ? [{ kind: 'h1', text: heading }] : []), ...blocks];
    for (const name of factNames) place(all, name);
    pages.push({ section, blocks: all });
  };
  const p = (texts) => texts.map((text) => ({ kind: 'p', text }));

  // Title page: who and when, as a cover does.
  pages.push({
    section: 'title',
    blocks: [
      { kind: 'title', text: company.legal.toUpperCase() },
      { kind: 'h1', text: `${random.pick(['Annual Report', 'Annual Report to Shareholders', 'Form 10-K Annual Report'])} ${year}` },
      { kind: 'p', text: `Annual report pursuant to Section 13 or 15(d) of the Securities Exchange Act of 1934 for the fiscal year ended ${fyEnd}, ${year}. Commission file number 001-${String(random.int(10000, 39999))}. Trading symbol: ${company.ticker}.` },
      { kind: 'p', text: `Indicate by check mark whether the registrant is a well-known seasoned issuer, as defined in Rule 405 of the Securities Act. Yes [X] No [ ]. The aggregate market value of the voting stock held by non-affiliates of the registrant was approximately $${random.int(2, 19)}.${random.int(0, 9)} billion.` },
    ],
  });
  // Contents, filled in once the sections are laid out.
  const contents = { section: 'contents', blocks: [{ kind: 'h1', text: 'Table of Contents' }] };
  pages.push(contents);
  const toc = [];
  const mark = (label) => toc.push([label, pages.length + 1]);

  mark('Letter to Shareholders');
  for (let i = 0; i < counts.letter; i++) {
    const opening = i === 0 ? [random.chance(0.6) ? `Dear Fellow Shareholders: Fiscal ${year} was a year of ${random.pick(['progress', 'transition', 'steady execution', 'investment'])} for ${company.name}.` : 'Dear Fellow Shareholders: This past year was one of steady progress for our company.'] : [];
    const closing = i === counts.letter - 1 ? ['On behalf of the Board of Directors and the entire leadership team, thank you for your continued support and confidence.'] : [];
    page('letter', i === 0 ? 'Letter to Shareholders' : null, p([...opening, ...fillPage(LETTER, budget() - 200, context, random), ...closing]));
  }
  if (counts.forwardLooking) page('forward-looking', 'Cautionary Note Regarding Forward-Looking Statements', p(fillPage(FORWARD_LOOKING, budget(), context, random)));
  mark('Item 1. Business');
  page('business', 'Item 1. Business', p(fillPage(BUSINESS, budget(), context, random)));
  page('segments', 'Reportable Segments', p(fillPage(SEGMENTS, budget(), context, random)));
  page('human-capital', 'Human Capital', p(fillPage(HUMAN_CAPITAL, budget(), context, random)), ['employees']);
  mark('Item 1A. Risk Factors');
  const risks = random.shuffle(RISKS);
  for (let i = 0; i < counts.risk; i++) {
    const texts = [];
    let length = 0;
    while (length < budget()) {
      const text = fill(risks.length ? risks.shift() : random.pick(RISKS), context, random);
      texts.push(text);
      length += text.length;
    }
    page('risk-factors', i === 0 ? 'Item 1A. Risk Factors' : 'Risk Factors (continued)', p(texts));
  }
  mark('Item 2. Properties; Item 3. Legal Proceedings');
  page('properties', 'Item 2. Properties', [...p(paragraphs(PROPERTIES, 2, context, random)), { kind: 'h1', text: 'Item 3. Legal Proceedings' }, ...p(paragraphs(LEGAL, short ? 2 : 3, context, random))], ['headquarters']);
  mark('Item 5. Market for Common Equity');
  page('market', "Item 5. Market for the Registrant's Common Equity and Related Stockholder Matters", p(fillPage(MARKET, budget() - 600, context, random)), ['dividend']);
  mark('Executive Officers of the Registrant');
  const officers = [
    [facts.ceo.V, facts.ceo.AGE, 'President and Chief Executive Officer'],
    ...['Executive Vice President and Chief Financial Officer', 'Senior Vice President, General Counsel and Secretary', 'Executive Vice President and Chief Operating Officer', 'Senior Vice President, Human Resources'].map((role) => {
      let officer;
      do officer = `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
      while (officer.split(' ').some((part) => facts.ceo.V.includes(part)));
      return [officer, String(random.int(42, 63)), role];
    }),
  ];
  const officerBlocks = [{ kind: 'p', text: OFFICERS_INTRO }];
  for (const [i, [name, age, role]] of officers.entries()) {
    if (i === 0) officerBlocks.push({ kind: 'p', text: `Chief executive. ${random.pick(['Prior to that appointment, the chief executive held senior operating roles at the Company and at a global industrial company.', 'The chief executive previously served as Chief Operating Officer and, before that, led the largest segment.'])}` });
    else officerBlocks.push({ kind: 'p', text: `${name}, age ${age}, has served as ${role} since ${year - random.int(1, 8)}. ${random.pick(['Previously, this officer held finance and strategy roles of increasing responsibility.', 'Before joining the Company, this officer was a partner at a national law firm.', 'This officer joined the Company through an acquisition and has led several integration programs.', 'Earlier roles included leadership of manufacturing and supply chain operations.'])}` });
  }
  page('officers', 'Executive Officers of the Registrant', officerBlocks, []);
  // The CEO's sentence goes into the first officer paragraph (its own place in the list).
  const officersPage = pages[pages.length - 1];
  const ceoBlock = officersPage.blocks.findIndex((block) => block.text.startsWith('Chief executive.'));
  officersPage.blocks[ceoBlock] = { kind: 'p', text: `${factSentence(FACTS.find((f) => f.fact === 'ceo'), facts.ceo, context, random, named)} ${officersPage.blocks[ceoBlock].text.slice('Chief executive. '.length)}` };
  factPages.ceo = pages.length;

  mark("Item 7. Management's Discussion and Analysis");
  page('mda', "Item 7. Management's Discussion and Analysis of Financial Condition and Results of Operations", p(fillPage(MDA_OVERVIEW, budget(), context, random)));
  const resultsHeading = random.chance(0.5) ? `Results of Operations: Fiscal ${year} Compared with Fiscal ${year - 1}` : 'Results of Operations';
  page('results', resultsHeading, p(fillPage(RESULTS, budget() - 400, context, random)), ['revenue', 'net-income']);
  page('operating-expenses', 'Operating Expenses and Income Taxes', p(fillPage(OPEX, budget() - 400, context, random)), ['research-development', 'tax-rate']);
  for (let i = 0; i < counts.segments; i++) page('segment-results', i === 0 ? 'Segment Results' : 'Segment Results (continued)', p(fillPage(SEGMENTS, budget(), context, random)));
  mark('Liquidity and Capital Resources');
  page('liquidity', 'Liquidity and Capital Resources', p(fillPage(LIQUIDITY, budget() - 300, context, random)), ['capex']);
  if (counts.contractual) page('contractual', 'Contractual Obligations and Off-Balance-Sheet Arrangements', p(fillPage(CONTRACTUAL, budget(), context, random)));
  if (counts.critical) mark('Critical Accounting Estimates');
  for (let i = 0; i < counts.critical; i++) page('critical', i === 0 ? 'Critical Accounting Estimates' : 'Critical Accounting Estimates (continued)', p(fillPage(CRITICAL, budget(), context, random)));
  if (counts.marketRisk) {
    mark('Item 7A. Quantitative and Qualitative Disclosures About Market Risk');
    page('market-risk', 'Item 7A. Quantitative and Qualitative Disclosures About Market Risk', p(fillPage(MARKET_RISK, budget(), context, random)));
  }
  if (counts.controls) {
    mark('Item 9A. Controls and Procedures');
    page('controls', 'Item 9A. Controls and Procedures', p(fillPage(CONTROLS, budget(), context, random)));
  }
  if (counts.notes) mark('Notes to Consolidated Financial Statements');
  for (let i = 0; i < counts.notes; i++) page('notes', i === 0 ? 'Notes to Consolidated Financial Statements' : 'Notes to Consolidated Financial Statements (continued)', p(fillPage(NOTES, budget(), context, random)));
  contents.blocks.push(...toc.map(([label, number]) => ({ kind: 'toc', text: label, number: String(number) })));

  return { pages, factPages, named };
}

// ---------------------------------------------------------------------------------------------------------------
// Layout: US Letter, Helvetica; lines wrapped to the text width by the font's own widths, so each page's lines are
// known exactly (and recorded for the test).

const PAGE = { width: 612, height: 792, margin: 66 };
const STYLE = {
  title: { size: 22, lineHeight: 28, bold: true, before: 120 },
  h1: { size: 12.5, lineHeight: 16, bold: true, before: 10 },
  p: { size: 10, lineHeight: 13, bold: false, before: 7 },
  toc: { size: 10, lineHeight: 15, bold: false, before: 0 },
};

export function wrapText(text, width, measure) {
  const lines = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && measure(next) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** Each block's lines and where they stand; throws if a page overflows. */
function layoutPage(blocks, fonts) {
  const width = PAGE.width - 2 * PAGE.margin;
  let y = PAGE.height - PAGE.margin - 6;
  const drawn = [];
  for (const block of blocks) {
    const style = STYLE[block.kind];
    const font = style.bold ? fonts.bold : fonts.regular;
    y -= style.before;
    if (block.kind === 'toc') {
      const number = block.number;
      const numberWidth = font.widthOfTextAtSize(number, style.size);
      drawn.push({ text: block.text, x: PAGE.margin, y, size: style.size, font });
      drawn.push({ text: number, x: PAGE.width - PAGE.margin - numberWidth, y, size: style.size, font });
      y -= style.lineHeight;
      continue;
    }
    for (const line of wrapText(block.text, width, (text) => font.widthOfTextAtSize(text, style.size))) {
      drawn.push({ text: line, x: PAGE.margin, y, size: style.size, font });
      y -= style.lineHeight;
    }
  }
  if (y < PAGE.margin) throw new Error(`a page overflows (${drawn.length} lines)`);
  return drawn;
}

async function renderReport(report) {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const fonts = { regular: await pdf.embedFont(StandardFonts.Helvetica), bold: await pdf.embedFont(StandardFonts.HelveticaBold) };
  const { metadata } = report;
  if (metadata.title) pdf.setTitle(metadata.title);
  if (metadata.author) pdf.setAuthor(metadata.author);
  if (metadata.subject) pdf.setSubject(metadata.subject);
  pdf.setProducer('Docent eval generator (pdf-lib)');
  pdf.setCreator('make-lookalike-reports.mjs');
  const date = new Date(Date.UTC(report.year + 1, 1, 15));
  pdf.setCreationDate(date);
  pdf.setModificationDate(date);
  const lines = [];
  for (const [i, page] of report.plan.pages.entries()) {
    const pdfPage = pdf.addPage([PAGE.width, PAGE.height]);
    const drawn = layoutPage(page.blocks, fonts);
    const furniture = [];
    if (i > 0) {
      furniture.push({ text: report.header, x: PAGE.margin, y: PAGE.height - 40, size: 8, font: fonts.regular });
      const footer = report.footer(i + 1);
      furniture.push({ text: footer, x: PAGE.width - PAGE.margin - fonts.regular.widthOfTextAtSize(footer, 8), y: 36, size: 8, font: fonts.regular });
    }
    for (const line of [...furniture, ...drawn]) pdfPage.drawText(line.text, { x: line.x, y: line.y, size: line.size, font: line.font });
    lines.push({ furniture: furniture.map((line) => line.text), body: drawn.map((line) => line.text) });
  }
  return { bytes: await pdf.save(), lines };
}

// ---------------------------------------------------------------------------------------------------------------

const slug = (text) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const normal = (text) => text.toLowerCase().replace(/\s+/g, ' ');

/** The set's reports and questions (no files written): deterministic in its options. */
export function planSet({ companies = 14, years = DEFAULT_YEARS, seed = 2026, short = false } = {}) {
  if (!Number.isInteger(companies) || companies < 1 || companies > MAX_COMPANIES) throw new Error(`companies: 1 to ${MAX_COMPANIES}`);
  if (years.length === 0 || years.some((year) => !Number.isInteger(year) || year < 1990 || year > 2090)) throw new Error('years: whole years');
  const random = makeRandom(seed);
  const used = new Set();
  const chosen = COMPANIES.slice(0, companies).map((company) => ({ ...company, fyEnd: weighted(random, FISCAL_YEAR_ENDS) }));
  const usedNumbers = new Set();
  const reports = [];
  for (const [c, company] of chosen.entries()) {
    const facts = companyFacts(company, years, random, used);
    const headerStyle = random.int(0, 2);
    const footerStyle = random.int(0, 2);
    for (const year of years) {
      const docId = `${slug(company.name)}-fy${year}`;
      const fileDraw = random.next();
      let file;
      let fileKind;
      if (fileDraw < 0.5) [file, fileKind] = [`${slug(company.name)}-10k-${year}.pdf`, 'informative'];
      else if (fileDraw < 0.67) [file, fileKind] = [`${company.ticker}_10-K_${year}.pdf`, 'ticker'];
      else {
        const number = uniqueValue(usedNumbers, () => String(random.int(100, 9999)).padStart(4, '0'));
        [file, fileKind] = [random.chance(0.5) ? `report_${number}.pdf` : `doc-${number}-final.pdf`, 'uninformative'];
      }
      const metaDraw = random.next();
      let metadata;
      if (metaDraw < 0.75) metadata = { kind: 'full', title: `${company.name} Annual Report ${year}`, author: company.legal, subject: `Form 10-K fiscal year ${year}` };
      else if (metaDraw < 0.9) metadata = { kind: 'generic', title: random.pick(['Annual Report on Form 10-K', 'Form 10-K', 'Annual Report']), author: random.pick(['Financial Reporting', 'Investor Relations']) };
      else metadata = { kind: 'none' };
      const header = [`${company.legal} \u2014 Annual Report FY${year}`, `${company.legal.toUpperCase()} | FORM 10-K | FISCAL ${year}`, `${company.legal} ${year} Annual Report`][headerStyle];
      const footer = [(n) => `Page ${n}`, (n) => String(n), (n) => `${company.name} | ${n}`][footerStyle];
      // A report whose filler happens to hold an answer is planned again with the next draws.
      let plan;
      for (let attempt = 0; ; attempt++) {
        plan = planReport(company, year, facts.get(year), random, { short });
        const texts = plan.pages.map((page) => normal(page.blocks.map((block) => block.text).join(' ')));
        const clean = FACT_NAMES.every((name) => {
          const answer = normal(facts.get(year)[name].V);
          return texts.every((text, i) => text.includes(answer) === (i + 1 === plan.factPages[name]));
        });
        if (clean) break;
        if (attempt > 50) {
          const stray = FACT_NAMES.filter((name) => !texts.every((text, i) => text.includes(normal(facts.get(year)[name].V)) === (i + 1 === plan.factPages[name])));
          throw new Error(`${docId}: could not place its facts on one page each (${stray.join(", ")})`);
        }
      }
      reports.push({ docId, company, companyIndex: c, year, file, fileKind, metadata, header, footer, plan, facts: facts.get(year) });
    }
  }
  const questions = [];
  for (const report of reports) {
    for (const fact of FACTS) {
      const template = random.pick(fact.questions);
      const question = template.replace('{NAME}', report.company.name).replace('{FY}', String(report.year));
      questions.push({
        id: `${report.docId}-${fact.fact}`,
        question,
        answer: report.facts[fact.fact].V,
        doc_id: report.docId,
        pdf: `pdf/${report.file}`,
        page: report.plan.factPages[fact.fact],
        usable: true,
        answer_is_yes_no: false,
        answer_in_article_text: true,
        fact: fact.fact,
        company: report.company.name,
        fiscal_year: report.year,
        named_in_sentence: report.plan.named,
      });
    }
  }
  return { reports, questions };
}

function weighted(random, options) {
  const total = options.reduce((sum, option) => sum + option.weight, 0);
  let draw = random.next() * total;
  for (const option of options) {
    draw -= option.weight;
    if (draw < 0) return option.label;
  }
  return options[options.length - 1].label;
}

/**
 * Writes the set under `out`: pdf/, qa.jsonl, manifest.json. Returns the manifest (with each page's drawn lines,
 * for tests) and the questions.
 */
export async function makeLookalikeReports({ out = DEFAULT_OUT, ...options } = {}) {
  const { reports, questions } = planSet(options);
  rmSync(join(out, 'pdf'), { recursive: true, force: true });
  mkdirSync(join(out, 'pdf'), { recursive: true });
  const documents = [];
  for (const report of reports) {
    const { bytes, lines } = await renderReport(report);
    writeFileSync(join(out, 'pdf', report.file), bytes);
    documents.push({
      doc_id: report.docId,
      pdf: `pdf/${report.file}`,
      company: report.company.legal,
      fiscal_year: report.year,
      fiscal_year_end: `${report.company.fyEnd}, ${report.year}`,
      pages: report.plan.pages.length,
      file_name: report.fileKind,
      metadata: report.metadata,
      header: report.header,
      footer: report.footer('N'),
      facts_named_in_sentence: report.plan.named,
      fact_pages: report.plan.factPages,
      sections: report.plan.pages.map((page) => page.section),
      lines,
    });
  }
  writeFileSync(join(out, 'qa.jsonl'), questions.map((row) => JSON.stringify(row)).join('\n') + '\n');
  const summary = {
    generator: 'scripts/eval/make-lookalike-reports.mjs',
    options: { companies: options.companies ?? 14, years: options.years ?? DEFAULT_YEARS, seed: options.seed ?? 2026, short: options.short ?? false },
    documents: documents.length,
    pages: documents.reduce((sum, doc) => sum + doc.pages, 0),
    questions: questions.length,
    fileNames: countBy(documents, (doc) => doc.file_name),
    metadata: countBy(documents, (doc) => doc.metadata.kind),
    factsNamedInSentence: documents.filter((doc) => doc.facts_named_in_sentence).length,
  };
  writeFileSync(join(out, 'manifest.json'), `${JSON.stringify({ ...summary, documents: documents.map(({ lines, ...doc }) => doc) }, null, 1)}\n`);
  return { summary, documents, questions };
}

const countBy = (list, key) => list.reduce((counts, item) => ({ ...counts, [key(item)]: (counts[key(item)] ?? 0) + 1 }), {});

function parseYears(text) {
  const range = /^(\d{4})-(\d{4})$/.exec(text.trim());
  if (range) {
    const [from, to] = [Number(range[1]), Number(range[2])];
    return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
  }
  return text.split(',').map((year) => Number(year.trim()));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      companies: { type: 'string', default: '14' },
      years: { type: 'string', default: '2016-2019' },
      seed: { type: 'string', default: '2026' },
      short: { type: 'boolean', default: false },
    },
  });
  const out = values.out ? resolve(process.env.INIT_CWD ?? process.cwd(), values.out) : DEFAULT_OUT;
  const started = Date.now();
  const { summary } = await makeLookalikeReports({ out, companies: Number(values.companies), years: parseYears(values.years), seed: Number(values.seed), short: values.short });
  console.log(`${summary.documents} reports, ${summary.pages} pages, ${summary.questions} questions -> ${out} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  console.log(`file names: ${JSON.stringify(summary.fileNames)}; metadata: ${JSON.stringify(summary.metadata)}; reports whose fact sentences name company and year: ${summary.factsNamedInSentence}`);
}
